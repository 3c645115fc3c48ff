package dev.jwtee.core.cli;

import dev.jwtee.core.config.ConfigurationException;
import dev.jwtee.core.keys.EncryptionKeyLoader;
import dev.jwtee.core.keys.EncryptionKeySet;
import dev.jwtee.core.keys.KeySet;
import dev.jwtee.core.keys.KeySetLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.lang.JoseException;

/**
 * Reads JWK set files and checks them under the server's rules. The JSON parser's own
 * messages are never printed, because they can quote the text around an error, which may be
 * key material.
 */
final class KeyFiles {

    private KeyFiles() {
    }

    /**
     * Reads a JWK set of signature keys, as {@code jwtee.keys.jwks-file} accepts it.
     *
     * @throws UsageException if the file cannot be read or a key is unfit
     */
    static KeySet signatureKeys(Path path) {
        String json = readJwks(path).json();
        try {
            return KeySetLoader.fromJwks(json);
        } catch (ConfigurationException e) {
            throw new UsageException(path + ": " + withoutKey(e));
        }
    }

    /**
     * Reads a JWK set of JWE keys, as {@code jwtee.encryption.jwks-file} accepts it.
     *
     * @throws UsageException if the file cannot be read or a key is unfit
     */
    static EncryptionKeySet encryptionKeys(Path path) {
        String json = readJwks(path).json();
        try {
            return EncryptionKeyLoader.fromJwks(json, path.toString());
        } catch (ConfigurationException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /**
     * Reads a file that must hold a JWK set with at least one key, each of which jose4j can
     * parse. jose4j itself skips keys it cannot parse, so each is parsed here on its own.
     *
     * @throws UsageException if the file cannot be read or is not such a JWK set
     */
    static JwksFile readJwks(Path path) {
        String json = read(path);
        Map<String, Object> root;
        try {
            root = JsonUtil.parseJson(json);
        } catch (JoseException e) {
            throw new UsageException(path + " is not a JWK set: it is not a JSON object");
        }
        if (!(root.get("keys") instanceof List<?> members)) {
            throw new UsageException(path + " is not a JWK set: it has no \"keys\" array");
        }
        if (members.isEmpty()) {
            throw new UsageException(path + " contains no key");
        }
        List<JsonWebKey> keys = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            keys.add(parseKey(path, i + 1, members.get(i)));
        }
        return new JwksFile(json, List.copyOf(keys));
    }

    @SuppressWarnings("unchecked")
    private static JsonWebKey parseKey(Path path, int position, Object member) {
        String label = path + ": key #" + position;
        if (!(member instanceof Map<?, ?> map)) {
            throw new UsageException(label + " is not a JSON object");
        }
        try {
            return JsonWebKey.Factory.newJwk((Map<String, Object>) map);
        } catch (JoseException e) {
            // jose4j 0.9.6 names the member at fault here (missing, unknown or of the wrong
            // type), not its value.
            throw new UsageException(label + " is not a valid JWK: " + e.getMessage());
        } catch (ClassCastException | IllegalArgumentException e) {
            throw new UsageException(label + " is not a valid JWK: a member has the wrong"
                    + " JSON type or encoding");
        }
    }

    /** Largest key or token file read, in bytes; reading stops there, even on a device. */
    static final int MAX_FILE_BYTES = 1 << 20;

    /** Reads a whole UTF-8 text file of at most {@link #MAX_FILE_BYTES}. */
    static String read(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
            if (bytes.length > MAX_FILE_BYTES) {
                throw new UsageException(path + ": larger than " + MAX_FILE_BYTES + " bytes");
            }
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException e) {
            throw new UsageException(path + ": file not found");
        } catch (AccessDeniedException e) {
            throw new UsageException(path + ": permission denied");
        } catch (CharacterCodingException e) {
            throw new UsageException(path + ": not UTF-8 text");
        } catch (IOException e) {
            throw new UsageException(path + ": cannot read: " + e.getMessage());
        }
    }

    /** Returns the message without its leading configuration key, which the CLI has no use for. */
    private static String withoutKey(ConfigurationException e) {
        String prefix = e.key() + ": ";
        String message = e.getMessage();
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    /**
     * A JWK set as read from a file.
     *
     * @param json the file's text
     * @param keys the parsed keys, in file order
     */
    record JwksFile(String json, List<JsonWebKey> keys) {
    }
}
