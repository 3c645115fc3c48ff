package dev.jwtee.core.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The kinds of key that {@code keys generate} creates: four for signing access tokens and
 * three for encrypting them (JWE). Each lists the algorithms it may be bound to, the default
 * first.
 */
enum KeyType {
    RSA("rsa", false, "RS256", "RS384", "RS512", "PS256", "PS384", "PS512"),
    EC("ec", false, "ES256", "ES384", "ES512"),
    ED25519("ed25519", false, "EdDSA"),
    HMAC("hmac", false, "HS256", "HS384", "HS512"),
    RSA_ENC("rsa-enc", true, "RSA-OAEP-256", "RSA-OAEP"),
    EC_ENC("ec-enc", true, "ECDH-ES+A256KW", "ECDH-ES+A192KW", "ECDH-ES+A128KW", "ECDH-ES"),
    OCT_ENC("oct-enc", true, "A256KW", "A192KW", "A128KW", "A256GCMKW", "A192GCMKW",
            "A128GCMKW");

    private final String label;
    private final boolean encryption;
    private final List<String> algorithms;

    KeyType(String label, boolean encryption, String... algorithms) {
        this.label = label;
        this.encryption = encryption;
        this.algorithms = List.of(algorithms);
    }

    /**
     * Returns the type that {@code --type} names.
     *
     * @throws UsageException for an unknown name
     */
    static KeyType parse(String name) {
        return Arrays.stream(values())
                .filter(type -> type.label.equals(name.toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new UsageException("--type: invalid value '" + name
                        + "'; expected one of " + labels()));
    }

    /** Returns every type name, comma-separated, for messages and help. */
    static String labels() {
        return Arrays.stream(values()).map(KeyType::label).collect(Collectors.joining(", "));
    }

    /** Returns the name that {@code --type} takes, such as {@code rsa-enc}. */
    String label() {
        return label;
    }

    /** Tells whether the key encrypts tokens ({@code use: enc}) rather than signing them. */
    boolean encryption() {
        return encryption;
    }

    /**
     * Returns the algorithm that {@code --alg} names, or the default when it is absent.
     *
     * @throws UsageException for an algorithm this type cannot be bound to
     */
    String algorithm(String requested) {
        if (requested == null) {
            return algorithms.get(0);
        }
        return algorithms.stream().filter(requested::equals).findFirst()
                .orElseThrow(() -> new UsageException("--alg: " + requested + " does not fit"
                        + " --type " + label + "; expected one of " + String.join(", ",
                        algorithms)));
    }
}
