package org.tradeorders.platform.deadline;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import org.tradeorders.platform.time.Timestamps;
import org.tradeorders.platform.worker.PollingWorker;

/**
 * Persisted deadlines. Scheduling happens in the caller's transaction (with the state change that
 * starts the clock); a poller fires due deadlines, each in its own transaction together with its
 * handler's effects, after claiming it with {@code FOR UPDATE SKIP LOCKED}: a deadline fires exactly
 * once, after a restart too, and with several instances on one database.
 */
@ApplicationScoped
public class Deadlines {
    private static final Logger LOG = Logger.getLogger(Deadlines.class);

    @ConfigMapping(prefix = "tradeorders.deadlines")
    public interface Config {
        @WithDefault("true")
        boolean enabled();

        /** How often due deadlines are looked for (advancing the controllable clock wakes the poller at once). */
        @WithDefault("1s")
        Duration pollInterval();

        /** A deadline whose handler failed is tried again after this long. */
        @WithDefault("30s")
        Duration retryBackoff();
    }

    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    Config config;
    @Inject
    Instance<DeadlineHandler> handlerBeans;

    private final Map<String, DeadlineHandler> handlers = new HashMap<>();
    private PollingWorker worker;

    /**
     * Sets (or moves) the pending deadline of this kind for the aggregate: the pending one is cancelled
     * and a new row inserted, in one statement. Not an upsert of the pending row: a handler that sets its
     * own kind again (a monthly run, the next balance) would move the very row being fired, which is then
     * marked fired, and a moved deadline would keep the id the poller may already have listed as due.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void schedule(String aggregateId, String kind, Instant dueAt) {
        // the insert reads the cancelling UPDATE's count, so the UPDATE runs to its end first (an unread
        // data-modifying WITH would run after the insert, which the one-pending-per-kind index refuses)
        em.createNativeQuery("with cancelled as (update deadline set status = 'CANCELLED', closed_at = ?4 "
                + "where aggregate_id = ?1 and kind = ?2 and status = 'PENDING' returning 1) "
                + "insert into deadline (aggregate_id, kind, due_at, status, scheduled_at) "
                + "select cast(?1 as varchar), cast(?2 as varchar), cast(?3 as timestamptz), 'PENDING', cast(?4 as timestamptz) "
                + "from (select count(*) from cancelled) c")
                .setParameter(1, aggregateId).setParameter(2, kind).setParameter(3, Timestamp.from(dueAt))
                .setParameter(4, Timestamp.from(clock.instant())).executeUpdate();
    }

    /**
     * Cancels the pending deadlines of these kinds (at least one) for the aggregate, in one statement. One
     * kind is matched by equality: PostgreSQL planned the array form anew at every execution (its cached
     * generic plan never won), 87 µs each, measured with pg_stat_statements.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void cancel(String aggregateId, String kind, String... more) {
        Object kinds = more.length == 0 ? kind : Stream.concat(Stream.of(kind), Arrays.stream(more)).toArray(String[]::new);
        em.createNativeQuery("update deadline set status = 'CANCELLED', closed_at = ?3 where aggregate_id = ?1 and "
                + (more.length == 0 ? "kind = ?2" : "kind = any(cast(?2 as varchar[]))") + " and status = 'PENDING'")
                .setParameter(1, aggregateId).setParameter(2, kinds).setParameter(3, Timestamp.from(clock.instant()))
                .executeUpdate();
    }

    /** Cancels every pending deadline of the aggregate (e.g. the order ended). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void cancelAll(String aggregateId) {
        em.createNativeQuery("update deadline set status = 'CANCELLED', closed_at = ?2 "
                + "where aggregate_id = ?1 and status = 'PENDING'")
                .setParameter(1, aggregateId).setParameter(2, Timestamp.from(clock.instant())).executeUpdate();
    }

    /** The pending deadlines of an aggregate, soonest first (kind -> due). */
    @SuppressWarnings("unchecked")
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Instant> pending(String aggregateId) {
        Map<String, Instant> out = new LinkedHashMap<>();
        List<Object[]> rows = em.createNativeQuery("select kind, due_at from deadline where aggregate_id = ?1 "
                + "and status = 'PENDING' order by due_at").setParameter(1, aggregateId).getResultList();
        rows.forEach(r -> out.put((String) r[0], Timestamps.toInstant(r[1])));
        return out;
    }

    /** Look for due deadlines now (e.g. right after the clock moved). */
    public void wakeUp() {
        if (worker != null) {
            worker.wakeUp();
        }
    }

    void onStart(@Observes StartupEvent ev) {
        handlerBeans.forEach(h -> {
            if (handlers.put(h.kind(), h) != null) {
                throw new IllegalStateException("two handlers for deadline kind " + h.kind());
            }
        });
        if (!config.enabled() || handlers.isEmpty()) {
            return;
        }
        worker = new PollingWorker("deadlines", config.pollInterval(), config.pollInterval(), () -> fireDue() > 0);
        worker.start();
    }

    void onStop(@Observes ShutdownEvent ev) {
        if (worker != null) {
            worker.stop();
        }
    }

    /** Fires what is due now (the poller calls this; so may a test, to play a second instance). @return how many fired */
    @SuppressWarnings("unchecked")
    public int fireDue() {
        Instant now = clock.instant();
        List<Number> due = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select id from deadline where status = 'PENDING' and due_at <= ?1 order by due_at limit 50")
                .setParameter(1, Timestamp.from(now)).getResultList());
        int fired = 0;
        for (Number id : due) {
            try {
                if (QuarkusTransaction.requiringNew().call(() -> fireOne(id.longValue(), now))) {
                    fired++;
                }
            } catch (RuntimeException e) {
                LOG.errorf(e, "deadline %d failed; retrying in %s", id.longValue(), config.retryBackoff());
                QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "update deadline set attempts = attempts + 1, due_at = ?2 where id = ?1 and status = 'PENDING'")
                        .setParameter(1, id.longValue()).setParameter(2, Timestamp.from(now.plus(config.retryBackoff())))
                        .executeUpdate());
            }
        }
        return fired;
    }

    @SuppressWarnings("unchecked")
    private boolean fireOne(long id, Instant now) {
        List<Object[]> claimed = em.createNativeQuery("select aggregate_id, kind, due_at from deadline "
                + "where id = ?1 and status = 'PENDING' for update skip locked").setParameter(1, id).getResultList();
        if (claimed.isEmpty()) {
            return false; // fired, cancelled or being fired by another instance
        }
        Object[] d = claimed.get(0);
        DeadlineHandler handler = handlers.get((String) d[1]);
        if (handler == null) {
            throw new IllegalStateException("no handler for deadline kind " + d[1]);
        }
        handler.fire((String) d[0], Timestamps.toInstant(d[2]));
        em.createNativeQuery("update deadline set status = 'FIRED', closed_at = ?2 where id = ?1")
                .setParameter(1, id).setParameter(2, Timestamp.from(now)).executeUpdate();
        return true;
    }
}
