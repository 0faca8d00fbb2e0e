package org.tradeorders.platform.waiting;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The tag of the answer last read, per aggregate and asker, until a change of the aggregate is announced
 * ({@link Changes}): a waiting request that holds that tag may start waiting before it reads the same
 * answer again (a read is a transaction, and so a commit, even when it finds nothing new).
 *
 * <p>Safe by construction: every answer a client gets still comes from a read ({@link WaitingReads}). A
 * tag remembered wrongly (a change announced late, by another instance's feed, or not announced at all,
 * such as an event marked published) only delays that read, by at most the recheck interval. A read is
 * remembered only if no change of its aggregate was announced from before it began until after it
 * ended. At most about {@code capacity} answers are remembered; beyond that all are forgotten.
 */
final class KnownAnswers {
    private final int capacity;
    private final ConcurrentHashMap<String, Known> byKey = new ConcurrentHashMap<>();
    /** Answers remembered over all aggregates: the bound, since one aggregate may be read by many askers. */
    private final AtomicInteger answers = new AtomicInteger();

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
            boolean[] added = {false};
            byKey.computeIfPresent(key, (k, now) -> {
                if (now == known) { // the same Known: nothing forgot it since the read began
                    added[0] = now.tagByAsker.put(asker, tag) == null;
                }
                return now;
            });
            if (added[0] && answers.incrementAndGet() > capacity) {
                forgetAll();
            }
        }
    }

    /** Before a read of {@code key}'s aggregate. */
    Reading reading(String key) {
        return new Reading(key, byKey.computeIfAbsent(key, k -> new Known()));
    }

    /** The tag the client holds if it is the answer last read for this asker, with no change of the aggregate announced since. */
    Optional<String> current(String key, String asker, Set<String> heldTags) {
        Known known = byKey.get(key);
        String tag = known == null ? null : known.tagByAsker.get(asker);
        return tag != null && heldTags.contains(tag) ? Optional.of(tag) : Optional.empty();
    }

    /** A change of {@code key}'s aggregate was announced. */
    void forget(String key) {
        Known gone = byKey.remove(key);
        if (gone != null) {
            answers.addAndGet(-gone.tagByAsker.size());
        }
    }

    /** Changes may have gone unannounced, or too much is remembered. */
    void forgetAll() {
        byKey.clear();
        answers.set(0);
    }
}
