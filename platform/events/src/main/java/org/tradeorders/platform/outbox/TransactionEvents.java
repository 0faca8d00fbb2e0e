package org.tradeorders.platform.outbox;

import io.micrometer.core.instrument.Counter;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.tradeorders.platform.waiting.Changes;

/**
 * The events one transaction records, handed to the relay together once it commits (and their aggregates
 * announced as changed to the readers waiting on this instance). They share one
 * admission: if any of them must wait for the database round, the later ones wait too, so that none
 * overtakes an earlier one of the same transaction.
 */
final class TransactionEvents implements Synchronization {
    private static final Object KEY = TransactionEvents.class;

    private final OutboxRelay relay;
    private final Changes changes;
    private final List<Handoffs.Event> events = new ArrayList<>();
    private final Set<Long> seqs = new HashSet<>();
    private final List<Counter> recorded = new ArrayList<>();
    private long epoch = Handoffs.REFUSED;
    private boolean refused;

    private TransactionEvents(OutboxRelay relay, Changes changes) {
        this.relay = relay;
        this.changes = changes;
    }

    /** The current transaction's, registered with it on first use. */
    static TransactionEvents of(TransactionSynchronizationRegistry tx, OutboxRelay relay, Changes changes) {
        TransactionEvents events = (TransactionEvents) tx.getResource(KEY);
        if (events == null) {
            events = new TransactionEvents(relay, changes);
            tx.putResource(KEY, events);
            tx.registerInterposedSynchronization(events);
        }
        return events;
    }

    /** The events the current transaction recorded so far (none if it recorded none). */
    static List<Handoffs.Event> recorded(TransactionSynchronizationRegistry tx) {
        TransactionEvents events = (TransactionEvents) tx.getResource(KEY);
        return events == null ? List.of() : List.copyOf(events.events);
    }

    /**
     * @param olderUnpublished the aggregate's unpublished events the transaction sees, its own among them
     */
    void add(Handoffs.Event e, Collection<Long> olderUnpublished, Counter recordedOfType) {
        recorded.add(recordedOfType);
        if (!refused) {
            List<Long> others = olderUnpublished.stream().filter(s -> !seqs.contains(s)).toList();
            long admitted = relay.admit(others);
            refused = admitted == Handoffs.REFUSED || (!events.isEmpty() && admitted != epoch);
            epoch = admitted;
        }
        events.add(e);
        seqs.add(e.seq());
    }

    /** A row the relay is not handed (a dead letter): this transaction's events all go by the database round. */
    void addUnlisted() {
        refused = true;
    }

    @Override
    public void beforeCompletion() {
    }

    @Override
    public void afterCompletion(int status) {
        if (status != Status.STATUS_COMMITTED) {
            return;
        }
        // readers waiting here, before the relay may send the events: the change feed then finds them announced
        events.stream().collect(Collectors.groupingBy(Handoffs.Event::aggregateId, LinkedHashMap::new,
                Collectors.mapping(Handoffs.Event::eventId, Collectors.toList()))).forEach(changes::changedHere);
        if (refused) {
            relay.publishSoon();
        } else {
            relay.handOff(events, epoch);
        }
        recorded.forEach(Counter::increment);
    }
}
