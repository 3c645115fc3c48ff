package dev.jwtee.core.keys;

import dev.jwtee.core.config.ConfigurationException;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.lang.JoseException;

/**
 * Turns a fetched JWK set document into a verification-only {@link KeySet}, under the rules
 * of {@link KeySetLoader#fromJwks(String)} for each key. Differences, because the document is
 * published by someone else: keys for encryption ({@code use: enc}, or {@code key_ops} without
 * {@code verify} or {@code sign}), keys of types jwtee does not know, and keys bound to an
 * algorithm outside the allow-list are skipped with a DEBUG note; private parts are dropped;
 * and a symmetric ({@code oct}) key rejects the whole document, since a published HMAC secret
 * lets anyone sign.
 */
final class RemoteJwksParser {

    private static final System.Logger LOG = System.getLogger(RemoteJwksParser.class.getName());

    private static final Set<String> ASYMMETRIC_TYPES = Set.of("RSA", "EC", "OKP");

    /** JWK members of private keys (RFC 7518 section 6, RFC 8037), removed before parsing. */
    private static final Set<String> PRIVATE_MEMBERS =
            Set.of("d", "p", "q", "dp", "dq", "qi", "oth");

    private RemoteJwksParser() {
    }

    /**
     * Parses {@code json}.
     *
     * @param json the document
     * @param allowed the accepted algorithms; empty accepts every supported one
     * @return the keys, never empty
     * @throws JwksFetchException if the document or one of its signature keys is unfit, or no
     *     key is left
     */
    static KeySet parse(String json, Set<String> allowed) throws JwksFetchException {
        Map<String, Object> document;
        try {
            document = JsonUtil.parseJson(json);
        } catch (JoseException e) {
            throw new JwksFetchException("the response is not one JSON object");
        }
        if (!(document.get("keys") instanceof List<?> members)) {
            throw new JwksFetchException("the response has no \"keys\" array");
        }
        List<JwteeKey> keys = new ArrayList<>();
        Set<String> keyIds = new HashSet<>();
        for (int i = 0; i < members.size(); i++) {
            String where = "key #" + (i + 1);
            if (!(members.get(i) instanceof Map<?, ?> member)) {
                throw new JwksFetchException(where + " is not a JSON object");
            }
            Optional<JwteeKey> key = key(where, cast(member), allowed);
            if (key.isPresent() && !keyIds.add(key.get().keyId())) {
                throw new JwksFetchException("duplicate kid '" + key.get().keyId() + "'");
            }
            key.ifPresent(keys::add);
        }
        if (keys.isEmpty()) {
            throw new JwksFetchException("the set contains no signature key with an accepted"
                    + " algorithm");
        }
        return new KeySet(keys, null);
    }

    private static Optional<JwteeKey> key(String where, Map<String, Object> member,
            Set<String> allowed) throws JwksFetchException {
        Object type = member.get("kty");
        if ("oct".equals(type)) {
            throw new JwksFetchException(where + " is a symmetric (oct) key; an HMAC secret must"
                    + " never be published, so the whole set is rejected");
        }
        Optional<String> skipped = skipReason(type, member, allowed);
        if (skipped.isPresent()) {
            LOG.log(Level.DEBUG, "Skipping {0} (kid ''{1}'') of the remote JWK set: {2}", where,
                    member.get("kid"), skipped.get());
            return Optional.empty();
        }
        JwteeKey key = parseKey(where, member);
        if (!accepted(key.algorithm(), allowed)) {
            LOG.log(Level.DEBUG, "Skipping {0} (kid ''{1}'') of the remote JWK set: algorithm"
                    + " {2} is not accepted", where, key.keyId(), key.algorithm());
            return Optional.empty();
        }
        return Optional.of(key);
    }

    /** Returns why a key is of no use for verifying signatures here, or empty. */
    private static Optional<String> skipReason(Object type, Map<String, Object> member,
            Set<String> allowed) {
        if ("enc".equals(member.get("use"))) {
            return Optional.of("use is enc");
        }
        if (member.get("key_ops") instanceof List<?> operations
                && !operations.contains("verify") && !operations.contains("sign")) {
            return Optional.of("key_ops allow neither verify nor sign");
        }
        if (!(type instanceof String name) || !ASYMMETRIC_TYPES.contains(name)) {
            return Optional.of("key type " + type + " is not supported");
        }
        if (member.get("alg") instanceof String algorithm && !accepted(algorithm, allowed)) {
            return Optional.of("algorithm " + algorithm + " is not accepted");
        }
        return Optional.empty();
    }

    private static JwteeKey parseKey(String where, Map<String, Object> member)
            throws JwksFetchException {
        Map<String, Object> publicMembers = new HashMap<>(member);
        publicMembers.keySet().removeAll(PRIVATE_MEMBERS);
        JsonWebKey jwk;
        try {
            jwk = JsonWebKey.Factory.newJwk(publicMembers);
        } catch (JoseException e) {
            throw new JwksFetchException(where + " is not a valid JWK: " + e.getMessage());
        } catch (RuntimeException e) {
            // jose4j 0.9.6 and the JDK key factories throw unchecked exceptions for some
            // malformed members, such as a key_ops string or EC coordinates of the wrong
            // length. Each of them means that this JWK is invalid.
            throw new JwksFetchException(where + " is not a valid JWK ("
                    + e.getClass().getSimpleName() + ")");
        }
        try {
            return KeySetLoader.jwkKey(RemoteJwksSettings.URL, where, jwk, true);
        } catch (ConfigurationException e) {
            throw new JwksFetchException(e.getMessage().substring(e.key().length() + 2));
        }
    }

    private static boolean accepted(String algorithm, Set<String> allowed) {
        return allowed.isEmpty() ? Algorithms.SUPPORTED.contains(algorithm)
                : allowed.contains(algorithm);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> member) {
        // JsonUtil builds every JSON object as a Map with String keys.
        return (Map<String, Object>) member;
    }
}
