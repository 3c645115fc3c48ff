package dev.jwtee.core.keys;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The keys of one deployment, indexed by {@code kid}. At most one key signs; every key
 * verifies, which is how keys rotate: add the new key as signing key, keep the old one until
 * the tokens it signed have expired, then remove it.
 *
 * <p>As {@link VerificationKeys}, a key set is a fixed source: {@link #current()} and
 * {@link #refreshedFor(String)} both return the set itself.
 *
 * <p>Immutable and thread-safe. {@link #toString()} lists key ids and algorithms only.
 */
public final class KeySet implements VerificationKeys {

    private final Map<String, JwteeKey> byKeyId;
    private final JwteeKey signingKey;
    private final Set<String> algorithms;

    /**
     * Creates a key set.
     *
     * @param keys the keys, with unique ids; must not be empty
     * @param signingKeyId the id of the key that signs, or {@code null} for a
     *     verification-only set
     * @throws IllegalArgumentException if ids repeat, the set is empty, or the signing key is
     *     unknown or has no private part
     */
    public KeySet(List<JwteeKey> keys, String signingKeyId) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("a key set needs at least one key");
        }
        Map<String, JwteeKey> index = new LinkedHashMap<>();
        for (JwteeKey key : keys) {
            if (index.putIfAbsent(key.keyId(), key) != null) {
                throw new IllegalArgumentException("duplicate kid '" + key.keyId() + "'");
            }
        }
        this.byKeyId = Map.copyOf(index);
        this.algorithms = Set.copyOf(keys.stream().map(JwteeKey::algorithm).toList());
        this.signingKey = signingKeyId == null ? null : index.get(signingKeyId);
        if (signingKeyId != null && (signingKey == null || signingKey.signingKey().isEmpty())) {
            throw new IllegalArgumentException("signing kid '" + signingKeyId
                    + "' is not a key with a private part or secret in this set");
        }
    }

    /**
     * Returns the key with {@code keyId}.
     *
     * @param keyId the {@code kid} to look up; {@code null} finds nothing
     * @return the key, or empty when no key has that id
     */
    public Optional<JwteeKey> find(String keyId) {
        return keyId == null ? Optional.empty() : Optional.ofNullable(byKeyId.get(keyId));
    }

    /**
     * Returns the key that signs new tokens.
     *
     * @return the signing key, or empty for a verification-only set
     */
    public Optional<JwteeKey> signingKey() {
        return Optional.ofNullable(signingKey);
    }

    /**
     * Returns every key.
     *
     * @return an unmodifiable collection
     */
    public Collection<JwteeKey> keys() {
        return byKeyId.values();
    }

    /**
     * Returns the algorithms of all keys, which form the verifier's allow-list.
     *
     * @return an unmodifiable set
     */
    public Set<String> algorithms() {
        return algorithms;
    }

    /**
     * Returns the only key when the set contains exactly one, for tokens without {@code kid}.
     *
     * @return the single key, or empty when there are several
     */
    public Optional<JwteeKey> onlyKey() {
        return byKeyId.size() == 1 ? byKeyId.values().stream().findFirst() : Optional.empty();
    }

    /**
     * Returns this set, which never changes.
     *
     * @return this set
     */
    @Override
    public KeySet current() {
        return this;
    }

    /**
     * Returns this set, which never changes, so there is nothing to refresh.
     *
     * @param unknownKeyId ignored
     * @return this set
     */
    @Override
    public KeySet refreshedFor(String unknownKeyId) {
        return this;
    }

    @Override
    public String toString() {
        return new TreeSet<>(byKeyId.values().stream()
                .map(key -> key.keyId() + " (" + key.algorithm()
                        + (key == signingKey ? ", signs)" : ", verifies)"))
                .toList()).toString();
    }
}
