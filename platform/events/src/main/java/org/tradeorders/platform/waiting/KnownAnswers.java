package org.tradeorders.platform.waiting;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tag of the answer last read, per aggregate and asker, until a change of the aggregate is announced
 * ({@link Changes}): a waiting request that holds that tag starts waiting at once instead of reading
 * the same answer again (a read is a transaction, and so a commit, even when it changes nothing).
 *
 * <p>Safe by construction: every answer a client gets still comes from a read. A tag remembered wrongly (a
 * change announced late, by another instance's feed, or not announced at all, such as an event marked
 * published) only makes a request wait for the next announced change, or the end of its wait, before it
 * reads. A read is remembered only if no change of its aggregate was announced from before it began until
 * after it ended. At most {@code capacity} aggregates are remembered; beyond that all are forgotten.
 */
final class KnownAnswers {
    private final int capacity;
    private final ConcurrentHashMap<String, Known> byKey = new ConcurrentHashMap<>();

    KnownAnswers(int capacity) {
        this.capacity = capacity;
    }

    /** What is known of one aggregate since its last announced change: the tag last read, per asker. */
    private static final class Known {
        final Map<String, String> tagByAsker = new ConcurrentHashMap<>();
    }

    /** A read about to begin; {@link #read} remembers what it found. */
    final class Reading {
        private final String key;
        private final Known known;

        private Reading(String key, Known known) {
            this.key = key;
            this.known = known;
        }

        /** The read found the answer tagged {@code tag}: remembered unless a change of the aggregate was announced meanwhile. */
        void read(String asker, String tag) {
            byKey.computeIfPresent(key, (k, now) -> {
                if (now == known) { // the same Known: nothing forgot it since the read began
                    now.tagByAsker.put(asker, tag);
                }
                return now;
            });
        }
    }

    /** Before a read of {@code key}'s aggregate. */
    Reading reading(String key) {
        if (byKey.size() >= capacity && !byKey.containsKey(key)) {
            byKey.clear();
        }
        return new Reading(key, byKey.computeIfAbsent(key, k -> new Known()));
    }

    /** Whether the client holds the answer last read for this asker, with no change of the aggregate announced since. */
    boolean holds(String key, String asker, Set<String> heldTags) {
        Known known = byKey.get(key);
        String tag = known == null ? null : known.tagByAsker.get(asker);
        return tag != null && heldTags.contains(tag);
    }

    /** A change of {@code key}'s aggregate was announced. */
    void forget(String key) {
        byKey.remove(key);
    }

    /** Changes may have gone unannounced. */
    void forgetAll() {
        byKey.clear();
    }
}
