package org.tradeorders.platform.idempotency;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.tradeorders.platform.time.Timestamps;
import org.tradeorders.platform.worker.PollingWorker;

/**
 * The stored side of Idempotency-Key. Every step runs in the request's own business transaction:
 * {@link #decide} takes a transaction-scoped advisory lock on (caller, key), so a second request under
 * the key waits for nothing and is told the first is in flight; {@link #record} writes the answer in
 * the same transaction as the effect. Either both commit or neither does: a crash at any instant
 * leaves the key unused (a retry runs the request) or answered (a retry gets the answer), never a
 * committed effect without its answer. There is no lease to lapse: a crashed request's lock dies with
 * its database session.
 */
@ApplicationScoped
public class IdempotencyKeys {

    /** What a request under a key may do. */
    public sealed interface Decision {
    }

    /** First use (or one past its retention): run the request. */
    public record Proceed() implements Decision {
    }

    /** Answered before: send the same answer again. */
    public record Replay(int status, String contentType, String location, String body) implements Decision {
    }

    /** The same key is being processed right now by another request. */
    public record InFlight() implements Decision {
    }

    /** The key was used for a different request. */
    public record Mismatch() implements Decision {
    }

    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    IdempotencyConfig config;
    @Inject
    MeterRegistry registry;

    private PollingWorker purger;

    /** Decides, in the caller's transaction, what the request under this key may do. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Decision decide(String caller, String key, String requestHash) {
        boolean locked = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                .setParameter(1, lockId(caller, key)).getSingleResult();
        if (!locked) {
            return new InFlight();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select request_hash, status, content_type, location, body, created_at
                from idempotency_key where caller = ?1 and idem_key = ?2""")
                .setParameter(1, caller).setParameter(2, key).getResultList();
        if (rows.isEmpty()) {
            return new Proceed();
        }
        Object[] row = rows.get(0);
        if (Timestamps.toInstant(row[5]).plus(config.retention()).isBefore(clock.instant())) {
            em.createNativeQuery("delete from idempotency_key where caller = ?1 and idem_key = ?2")
                    .setParameter(1, caller).setParameter(2, key).executeUpdate();
            return new Proceed();
        }
        if (!requestHash.equals(row[0])) {
            return new Mismatch();
        }
        return new Replay(((Number) row[1]).intValue(), (String) row[2], (String) row[3], (String) row[4]);
    }

    /** Keeps the answer, in the transaction of the request's effect. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String caller, String key, String requestHash, int status, String contentType, String location,
            String body) {
        Instant now = clock.instant();
        em.createNativeQuery("""
                insert into idempotency_key (caller, idem_key, request_hash, state, status, content_type, location, body,
                created_at, lease_until) values (?1, ?2, ?3, 'DONE', ?4, ?5, ?6, ?7, ?8, ?8) on conflict do nothing""")
                .setParameter(1, caller).setParameter(2, key).setParameter(3, requestHash).setParameter(4, status)
                .setParameter(5, contentType).setParameter(6, location).setParameter(7, body).setParameter(8, now)
                .executeUpdate();
    }

    /**
     * Keeps a refusal whose transaction was rolled back (nothing changed), in a transaction of its own:
     * if this one is lost, a retry is refused the same way or runs.
     */
    public void recordRefusal(String caller, String key, String requestHash, int status, String contentType, String body) {
        QuarkusTransaction.requiringNew().run(() -> record(caller, key, requestHash, status, contentType, null, body));
    }

    /** Deletes the keys past their retention. @return how many */
    public int purgeExpired() {
        Instant before = clock.instant().minus(config.retention());
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "delete from idempotency_key where created_at < ?1").setParameter(1, before).executeUpdate());
    }

    /** The advisory lock of (caller, key): the first 64 bits of their SHA-256. */
    public static long lockId(String caller, String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((caller + "\n" + key).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    void startPurging(@Observes StartupEvent start) {
        registry.counter("tradeorders.idempotency.replays"); // shown at zero from the start; IdempotencyFilter counts
        purger = new PollingWorker("idempotency-purge", config.purgeInterval(), config.purgeInterval(), () -> {
            purgeExpired();
            return false;
        });
        purger.start();
    }

    void stopPurging(@Observes ShutdownEvent stop) {
        if (purger != null) {
            purger.stop();
        }
    }
}
