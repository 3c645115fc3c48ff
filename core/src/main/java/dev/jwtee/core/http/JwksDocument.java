package dev.jwtee.core.http;

import dev.jwtee.core.keys.JwteeKey;
import dev.jwtee.core.keys.KeySet;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;

/**
 * The JWK set document (RFC 7517 section 5) that publishes a deployment's public signature
 * keys, so that other services can verify its tokens. HMAC secrets and private parts are never
 * included. Built once; immutable and thread-safe.
 *
 * @param json the document
 * @param entityTag a strong {@code ETag} value, quoted, derived from the document
 * @param cacheControl the {@code Cache-Control} value
 */
public record JwksDocument(String json, String entityTag, String cacheControl) {

    /** The media type of the document (RFC 7517 section 8.5.1). */
    public static final String CONTENT_TYPE = "application/jwk-set+json";

    /**
     * Builds the document for every asymmetric key in {@code keys}, each with its
     * {@code kid}, {@code alg} and {@code use: sig}.
     *
     * @param keys the deployment's keys
     * @param maxAge how long clients may cache the document
     * @return the document
     */
    public static JwksDocument of(KeySet keys, Duration maxAge) {
        List<Object> entries = new ArrayList<>();
        for (JwteeKey key : keys.keys()) {
            key.publicKey().ifPresent(publicKey -> entries.add(entry(key, publicKey)));
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("keys", entries);
        String json = JsonUtil.toJson(document);
        return new JwksDocument(json, "\"" + digest(json) + "\"",
                "public, max-age=" + maxAge.getSeconds());
    }

    /**
     * Tells whether an {@code If-None-Match} header value matches this document, so that the
     * response can be 304 Not Modified.
     *
     * @param ifNoneMatch the header value, or {@code null} when absent
     * @return true if the header lists this document's tag or {@code *}
     */
    public boolean matches(String ifNoneMatch) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String trimmed = tag.strip();
            if (trimmed.equals("*") || trimmed.equals(entityTag)
                    || trimmed.equals("W/" + entityTag)) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Object> entry(JwteeKey key, PublicKey publicKey) {
        try {
            PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(publicKey);
            jwk.setKeyId(key.keyId());
            jwk.setAlgorithm(key.algorithm());
            jwk.setUse("sig");
            return jwk.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
        } catch (JoseException e) {
            throw new IllegalStateException("cannot publish key '" + key.keyId() + "'", e);
        }
    }

    private static String digest(String json) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(json.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}
