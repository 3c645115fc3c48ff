package dev.jwtee.core.keys;

import dev.jwtee.core.config.ConfigurationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.lang.JoseException;

/**
 * Parses a JWK set document key by key. jose4j's {@code JsonWebKeySet} throws
 * {@code ClassCastException} for a {@code keys} member that is not an array of objects and
 * drops keys it cannot parse without a word; here either is a {@link ConfigurationException}
 * that names the key's position, so a configured key is never lost in silence.
 */
final class JwkSetDocument {

    private JwkSetDocument() {
    }

    /**
     * Returns the keys of {@code json} in document order.
     *
     * @param json the JWK set document
     * @param configKey the configuration key named in error messages
     * @param source the file or origin named in error messages
     */
    static List<JsonWebKey> parse(String json, String configKey, String source) {
        Object members;
        try {
            members = JsonUtil.parseJson(json).get("keys");
        } catch (JoseException | RuntimeException e) {
            throw new ConfigurationException(configKey, source + " is not a JSON object: "
                    + e.getMessage(), e);
        }
        if (!(members instanceof List<?> entries)) {
            throw new ConfigurationException(configKey, source + " has no \"keys\" array");
        }
        List<JsonWebKey> keys = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            keys.add(key(entries.get(i), configKey, source + " key #" + (i + 1)));
        }
        return keys;
    }

    @SuppressWarnings("unchecked")
    private static JsonWebKey key(Object entry, String configKey, String where) {
        if (!(entry instanceof Map<?, ?> parameters)) {
            throw new ConfigurationException(configKey, where + " is not a JSON object");
        }
        try {
            return JsonWebKey.Factory.newJwk((Map<String, Object>) parameters);
        } catch (JoseException | RuntimeException e) {
            // jose4j also throws unchecked exceptions on malformed key parameters.
            throw new ConfigurationException(configKey, where + " is not a valid JWK: "
                    + e.getMessage(), e);
        }
    }
}
