package dev.jwtee.core.keys;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Local keys followed by the keys of another source, merged into one verification-only
 * {@link KeySet}. The merge is computed once per key set of the other source and reused until
 * that source returns a different one.
 *
 * <p>Thread-safe: the cached merge is an immutable pair behind a volatile field; two threads
 * that race to build it build equal sets.
 */
final class LocalFirstKeys implements VerificationKeys {

    private static final System.Logger LOG = System.getLogger(LocalFirstKeys.class.getName());

    private final KeySet local;
    private final VerificationKeys remote;
    private volatile Merged merged;

    LocalFirstKeys(KeySet local, VerificationKeys remote) {
        this.local = Objects.requireNonNull(local, "local");
        this.remote = Objects.requireNonNull(remote, "remote");
    }

    @Override
    public KeySet current() {
        return mergedWith(remote.current());
    }

    @Override
    public KeySet refreshedFor(String unknownKeyId) {
        return mergedWith(remote.refreshedFor(unknownKeyId));
    }

    private KeySet mergedWith(KeySet remoteKeys) {
        Merged cached = merged;
        if (cached != null && cached.remoteKeys() == remoteKeys) {
            return cached.keys();
        }
        List<JwteeKey> keys = new ArrayList<>(local.keys());
        Set<String> shadowed = new TreeSet<>();
        for (JwteeKey key : remoteKeys.keys()) {
            if (local.find(key.keyId()).isPresent()) {
                shadowed.add(key.keyId());
            } else {
                keys.add(key);
            }
        }
        // Warns when the clash first shows or changes, not at every refetch of the same set.
        if (!shadowed.isEmpty() && (cached == null || !cached.shadowed().equals(shadowed))) {
            LOG.log(Level.WARNING, "Remote keys {0} are ignored because local keys have the same"
                    + " kid, and local keys take precedence", shadowed);
        }
        KeySet combined = new KeySet(keys, null);
        merged = new Merged(remoteKeys, combined, shadowed);
        return combined;
    }

    @Override
    public String toString() {
        return local + " then " + remote;
    }

    /** A key set of the remote source, its merge with the local keys, and the kids left out. */
    private record Merged(KeySet remoteKeys, KeySet keys, Set<String> shadowed) {
    }
}
