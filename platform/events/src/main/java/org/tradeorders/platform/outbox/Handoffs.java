package org.tradeorders.platform.outbox;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The events this instance's transactions handed straight to the relay after commit, so that the
 * relay publishes them without reading them back: no polling transaction per commit. Their rows are
 * marked published later, in bulk, by the relay's next database round.
 *
 * <p>Order per aggregate: an event may be handed off only if every older unpublished event of its
 * aggregate is known here (queued, being sent, or acknowledged and not yet marked). Those are sent
 * first, in order, by the one relay thread; if any of them fails, the queue is dropped and the epoch
 * moves on, so every later hand-off of the old epoch is refused and the database round, which goes
 * by sequence, publishes them all in order. An event not handed off is simply left to that round.
 */
final class Handoffs {
    /** An outbox row as its transaction wrote it. */
    record Event(long seq, String eventId, String type, String aggregateId, String topic, String payload,
            Instant occurredAt, String traceParent) {
    }

    /** Returned by {@link #admit} when the event must wait for the database round. */
    static final long REFUSED = -1;

    private final Deque<Event> queue = new ArrayDeque<>();
    /** Sequence numbers of everything queued, being sent, acknowledged but not marked, or marked in the last round. */
    private final Set<Long> known = new HashSet<>();
    private final List<Long> toMark = new ArrayList<>();
    private Set<Long> lastRound = Set.of();
    private long epoch;
    private boolean open;

    /** This instance leads the relay: hand-offs are taken. */
    synchronized void open() {
        open = true;
    }

    /** This instance no longer leads (or stops): what is queued is left to the database round. */
    synchronized void close() {
        open = false;
        queue.forEach(e -> known.remove(e.seq()));
        queue.clear();
        epoch++;
    }

    /**
     * Asked in the writing transaction, with the aggregate's older unpublished sequence numbers it sees.
     *
     * @return the epoch to hand the event off in, or {@link #REFUSED}
     */
    synchronized long admit(Collection<Long> olderUnpublished) {
        return open && known.containsAll(olderUnpublished) ? epoch : REFUSED;
    }

    /** After commit, one transaction's events in the order it recorded them. @return false if their epoch has passed: the database round publishes them */
    synchronized boolean handOff(List<Event> events, long admittedIn) {
        if (!open || admittedIn != epoch) {
            return false;
        }
        for (Event e : events) {
            if (!lastRound.contains(e.seq())) { // else the database round was quicker
                queue.add(e);
                known.add(e.seq());
            }
        }
        return true;
    }

    synchronized boolean hasQueued() {
        return !queue.isEmpty();
    }

    /** Takes what is queued, oldest first, to send now; the events stay known until they are marked or fail. */
    synchronized List<Event> drain() {
        List<Event> out = new ArrayList<>(queue);
        queue.clear();
        return out;
    }

    /** The broker acknowledged these: they are published, and wait for their rows to be marked. */
    synchronized void acknowledged(List<Long> seqs) {
        toMark.addAll(seqs);
    }

    /** Sending failed at {@code unsent} (and everything after it): all of it is left to the database round. */
    synchronized void failed(List<Event> unsent) {
        unsent.forEach(e -> known.remove(e.seq()));
        queue.forEach(e -> known.remove(e.seq()));
        queue.clear();
        epoch++;
    }

    synchronized int waitingToBeMarked() {
        return toMark.size();
    }

    /** The rows the next database round marks published, in its own transaction. */
    synchronized List<Long> marks() {
        return List.copyOf(toMark);
    }

    /**
     * The round's transaction committed with {@code marked} marked and {@code published} sent from the
     * database. Both stay known for one more round: a writer that read them as unpublished just before
     * may still ask, and a hand-off of a row the round already sent is not sent again.
     */
    synchronized void roundCommitted(List<Long> marked, Collection<Long> published) {
        toMark.removeAll(Set.copyOf(marked));
        Set<Long> sent = Set.copyOf(published);
        queue.removeIf(e -> sent.contains(e.seq()));
        lastRound.forEach(known::remove);
        lastRound = new HashSet<>(marked);
        lastRound.addAll(sent);
        known.addAll(sent);
    }
}
