package dev.jwtee.examples.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Base64;
import javax.crypto.Mac;

/**
 * The least work any verifier must do: the HMAC or signature check of a token's signing input
 * with the JDK's own {@code java.security} and {@code javax.crypto}, with the signing input and
 * the signature decoded in advance. No parsing and no claim checks. Not thread-safe.
 */
final class JdkFloor {

    private final byte[] signingInput;
    private final byte[] signature;
    private final Mac mac;
    private final Signature verifier;
    private final PublicKey publicKey;

    JdkFloor(String algorithm, Key key, String token) throws GeneralSecurityException {
        int dot = token.lastIndexOf('.');
        this.signingInput = token.substring(0, dot).getBytes(StandardCharsets.US_ASCII);
        this.signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        if (algorithm.equals("HS256")) {
            this.mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            this.verifier = null;
            this.publicKey = null;
        } else {
            this.mac = null;
            this.verifier = Signature.getInstance(jdkName(algorithm));
            if (algorithm.equals("PS256")) {
                // RFC 7518 section 3.5: MGF1 with SHA-256 and a 32-byte salt.
                verifier.setParameter(new PSSParameterSpec("SHA-256", "MGF1",
                        MGF1ParameterSpec.SHA256, 32, 1));
            }
            this.publicKey = (PublicKey) key;
        }
        if (!verify()) {
            throw new IllegalStateException("the JDK rejects the benchmark token");
        }
    }

    /** Checks the signature once; the per-operation cost of the floor. */
    boolean verify() throws GeneralSecurityException {
        if (mac != null) {
            return MessageDigest.isEqual(mac.doFinal(signingInput), signature);
        }
        verifier.initVerify(publicKey);
        verifier.update(signingInput);
        return verifier.verify(signature);
    }

    private static String jdkName(String algorithm) {
        return switch (algorithm) {
            case "RS256" -> "SHA256withRSA";
            case "PS256" -> "RSASSA-PSS";
            // JWS carries R and S side by side (IEEE P1363), not DER.
            case "ES256" -> "SHA256withECDSAinP1363Format";
            case "EdDSA" -> "Ed25519";
            default -> throw new IllegalArgumentException("unknown algorithm " + algorithm);
        };
    }
}
