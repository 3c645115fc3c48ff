package dev.jwtee.core.token;

import dev.jwtee.core.keys.JwteeKey;
import java.util.Map;

/**
 * A compact JWS whose signature {@link JwsVerifier} has checked, before any claim is looked
 * at. Immutable: {@link #payload()} returns a copy.
 */
public final class VerifiedJws {

    private final Map<String, Object> header;
    private final byte[] payload;
    private final JwteeKey key;

    VerifiedJws(Map<String, Object> header, byte[] payload, JwteeKey key) {
        this.header = Map.copyOf(header);
        this.payload = payload.clone();
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
     * Returns the payload bytes.
     *
     * @return a copy of the payload
     */
    public byte[] payload() {
        return payload.clone();
    }

    /**
     * Returns the key that verified the signature.
     *
     * @return never {@code null}
     */
    public JwteeKey key() {
        return key;
    }
}
