package org.tradeorders.platform.idempotency;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** The stored side of Idempotency-Key: claim a key, record its answer, or find the answer to replay. */
@ApplicationScoped
public class IdempotencyKeys {

    /** What a request under a key may do. */
    public sealed interface Claim {
    }

    /** First use (or an expired or abandoned one): run the request. */
    public record Proceed() implements Claim {
    }

    /** Answered before: send the same answer again. */
    public record Replay(int status, String contentType, String location, String body) implements Claim {
    }

    /** The same key is being processed right now by another request. */
    public record InFlight() implements Claim {
    }

    /** The key was used for a different request. */
    public record Mismatch() implements Claim {
    }

    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    IdempotencyConfig config;

    /** Claims the key in its own transaction, so a concurrent retry sees the claim at once. */
    public Claim claim(String caller, String key, String requestHash) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            int inserted = em.createNativeQuery("""
                    insert into idempotency_key (caller, idem_key, request_hash, state, created_at, lease_until)
                    values (?1, ?2, ?3, 'IN_FLIGHT', ?4, ?5) on conflict do nothing""")
                    .setParameter(1, caller).setParameter(2, key).setParameter(3, requestHash).setParameter(4, now)
                    .setParameter(5, now.plus(config.inFlightLease())).executeUpdate();
            if (inserted == 1) {
                return new Proceed();
            }
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                    select request_hash, state, status, content_type, location, body, created_at, lease_until
                    from idempotency_key where caller = ?1 and idem_key = ?2 for update""")
                    .setParameter(1, caller).setParameter(2, key).getResultList();
            Object[] row = rows.get(0);
            Instant created = toInstant(row[6]);
            Instant leaseUntil = toInstant(row[7]);
            boolean expired = created.plus(config.retention()).isBefore(now);
            boolean abandoned = "IN_FLIGHT".equals(row[1]) && leaseUntil.isBefore(now);
            if (expired || abandoned) {
                em.createNativeQuery("""
                        update idempotency_key set request_hash = ?3, state = 'IN_FLIGHT', status = null,
                        content_type = null, location = null, body = null, created_at = ?4, lease_until = ?5
                        where caller = ?1 and idem_key = ?2""")
                        .setParameter(1, caller).setParameter(2, key).setParameter(3, requestHash).setParameter(4, now)
                        .setParameter(5, now.plus(config.inFlightLease())).executeUpdate();
                return new Proceed();
            }
            if (!requestHash.equals(row[0])) {
                return new Mismatch();
            }
            if ("IN_FLIGHT".equals(row[1])) {
                return new InFlight();
            }
            return new Replay(((Number) row[2]).intValue(), (String) row[3], (String) row[4], (String) row[5]);
        });
    }

    /** Keeps the answer for replay. */
    public void complete(String caller, String key, int status, String contentType, String location, String body) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                update idempotency_key set state = 'DONE', status = ?3, content_type = ?4, location = ?5, body = ?6
                where caller = ?1 and idem_key = ?2""")
                .setParameter(1, caller).setParameter(2, key).setParameter(3, status).setParameter(4, contentType)
                .setParameter(5, location).setParameter(6, body).executeUpdate());
    }

    /** Forgets a claim whose request failed on our side (5xx): a retry runs it again. */
    public void release(String caller, String key) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "delete from idempotency_key where caller = ?1 and idem_key = ?2 and state = 'IN_FLIGHT'")
                .setParameter(1, caller).setParameter(2, key).executeUpdate());
    }

    /** Deletes the keys past their retention. @return how many */
    public int purgeExpired() {
        Instant before = clock.instant().minus(config.retention());
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "delete from idempotency_key where created_at < ?1 and (state = 'DONE' or lease_until < ?2)")
                .setParameter(1, before).setParameter(2, clock.instant()).executeUpdate());
    }

    private org.tradeorders.platform.worker.PollingWorker purger;

    void startPurging(@jakarta.enterprise.event.Observes io.quarkus.runtime.StartupEvent start) {
        purger = new org.tradeorders.platform.worker.PollingWorker("idempotency-purge", config.purgeInterval(),
                config.purgeInterval(), () -> {
                    purgeExpired();
                    return false;
                });
        purger.start();
    }

    void stopPurging(@jakarta.enterprise.event.Observes io.quarkus.runtime.ShutdownEvent stop) {
        if (purger != null) {
            purger.stop();
        }
    }

    private static Instant toInstant(Object value) {
        return org.tradeorders.platform.time.Timestamps.toInstant(value);
    }
}
