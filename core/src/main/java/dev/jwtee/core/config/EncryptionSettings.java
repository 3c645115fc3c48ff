package dev.jwtee.core.config;

import dev.jwtee.core.keys.EncryptionKeyLoader;
import dev.jwtee.core.keys.EncryptionKeySet;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings for encrypted (nested JWS-in-JWE) access tokens. Immutable.
 *
 * @param keys the JWE keys, or empty when encrypted tokens are not accepted
 * @param required whether a plain signed token is rejected
 */
public record EncryptionSettings(Optional<EncryptionKeySet> keys, boolean required) {

    static final String REQUIRED = "jwtee.encryption.required";

    /** Settings that accept signed tokens only. */
    public static final EncryptionSettings NONE = new EncryptionSettings(Optional.empty(), false);

    /** Rejects a requirement that no key can meet. */
    public EncryptionSettings {
        Objects.requireNonNull(keys, "keys");
        if (required && keys.isEmpty()) {
            throw new ConfigurationException(REQUIRED, "is true, but no JWE key is configured;"
                    + " set " + EncryptionKeyLoader.JWKS_FILE + " or "
                    + EncryptionKeyLoader.SECRET);
        }
    }

    static EncryptionSettings read(ConfigReader reader) {
        return new EncryptionSettings(EncryptionKeyLoader.load(reader),
                reader.bool(REQUIRED, false));
    }
}
