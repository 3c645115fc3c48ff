package dev.jwtee.core.keys;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The JWE keys of one deployment, indexed by {@code kid}. Immutable and thread-safe;
 * {@link #toString()} lists key ids and algorithms only.
 */
public final class EncryptionKeySet {

    private final Map<String, EncryptionKey> byKeyId;

    /**
     * Creates a key set.
     *
     * @param keys the keys, with unique ids; must not be empty
     * @throws IllegalArgumentException if ids repeat or the list is empty
     */
    public EncryptionKeySet(List<EncryptionKey> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("an encryption key set needs at least one key");
        }
        Map<String, EncryptionKey> index = new LinkedHashMap<>();
        for (EncryptionKey key : keys) {
            if (index.putIfAbsent(key.keyId(), key) != null) {
                throw new IllegalArgumentException("duplicate kid '" + key.keyId() + "'");
            }
        }
        this.byKeyId = Map.copyOf(index);
    }

    /**
     * Returns the key with {@code keyId}.
     *
     * @param keyId the {@code kid} to look up; {@code null} finds nothing
     * @return the key, or empty when no key has that id
     */
    public Optional<EncryptionKey> find(String keyId) {
        return keyId == null ? Optional.empty() : Optional.ofNullable(byKeyId.get(keyId));
    }

    /**
     * Returns the only key when the set contains exactly one, for tokens without {@code kid}.
     *
     * @return the single key, or empty when there are several
     */
    public Optional<EncryptionKey> onlyKey() {
        return byKeyId.size() == 1 ? byKeyId.values().stream().findFirst() : Optional.empty();
    }

    /**
     * Returns every key.
     *
     * @return an unmodifiable collection
     */
    public Collection<EncryptionKey> keys() {
        return byKeyId.values();
    }

    @Override
    public String toString() {
        Set<String> names = new TreeSet<>();
        byKeyId.values().forEach(key -> names.add(key.toString()));
        return names.toString();
    }
}
