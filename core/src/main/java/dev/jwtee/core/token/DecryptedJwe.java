package dev.jwtee.core.token;

import dev.jwtee.core.keys.EncryptionKey;
import java.util.Map;

/**
 * The decrypted content of a compact JWE and its protected header. Immutable:
 * {@link #plaintext()} returns a copy.
 */
public final class DecryptedJwe {

    private final Map<String, Object> header;
    private final byte[] plaintext;
    private final EncryptionKey key;

    DecryptedJwe(Map<String, Object> header, byte[] plaintext, EncryptionKey key) {
        this.header = Map.copyOf(header);
        this.plaintext = plaintext.clone();
        this.key = key;
    }

    /**
     * Returns the protected header parameters; none has a JSON null value.
     *
     * @return an unmodifiable map
     */
    public Map<String, Object> header() {
        return header;
    }

    /**
     * Returns the plaintext, decompressed when the token was compressed.
     *
     * @return a copy of the plaintext
     */
    public byte[] plaintext() {
        return plaintext.clone();
    }

    /**
     * Returns the key that decrypted the token.
     *
     * @return never {@code null}
     */
    public EncryptionKey key() {
        return key;
    }
}
