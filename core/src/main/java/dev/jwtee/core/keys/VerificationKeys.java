package dev.jwtee.core.keys;

/**
 * A source of the keys that verify signatures: a fixed {@link KeySet}, or one that changes
 * over time, such as {@link RemoteJwks}. The verifier looks a {@code kid} up in
 * {@link #current()} and calls {@link #refreshedFor(String)} only when that set does not
 * contain it, so a source that fetches keys picks up a rotated key without fetching per token.
 *
 * <p>Implementations are thread-safe: one instance serves every request.
 */
public interface VerificationKeys {

    /**
     * Returns the keys to verify with now. A source may refresh stale keys first.
     *
     * @return the current key set, never {@code null}
     */
    KeySet current();

    /**
     * Returns the current keys after at most one refresh, because a token names a key that
     * {@link #current()} did not contain. A source limits how often this refreshes, so tokens
     * with made-up key ids cannot make it fetch on every request.
     *
     * @param unknownKeyId the {@code kid} that was not found, never {@code null}
     * @return the key set to look the key up in again, never {@code null}; it may still lack
     *     the key
     */
    KeySet refreshedFor(String unknownKeyId);

    /**
     * Returns a source that looks keys up in {@code local} first and then in {@code remote}.
     * A remote key whose {@code kid} a local key already has is left out, with a WARNING,
     * so a published set can never replace a local key.
     *
     * @param local the locally configured keys, never {@code null}
     * @param remote the keys from elsewhere, never {@code null}
     * @return the combined source; thread-safe
     */
    static VerificationKeys localFirst(KeySet local, VerificationKeys remote) {
        return new LocalFirstKeys(local, remote);
    }
}
