package org.tradeorders.platform.mail;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.jboss.logging.Logger;
import org.tradeorders.platform.worker.PollingWorker;

/**
 * E-mail through an outbox: {@link #enqueue} writes the message in the caller's transaction; a sender
 * thread delivers, once per poll interval, every message then due over SMTP (Quarkus Mailer), and
 * retries each with a growing pause until the server accepts it. Rows are claimed with SKIP LOCKED, so several instances never send one twice at once.
 */
@ApplicationScoped
public class MailOutbox {
    private static final Logger LOG = Logger.getLogger(MailOutbox.class);
    /** Messages per round (and per transaction). */
    private static final int BATCH = 20;

    @ConfigMapping(prefix = "tradeorders.mail")
    public interface Config {
        @WithDefault("true")
        boolean enabled();

        @WithDefault("1s")
        Duration pollInterval();

        /** Pause after a failed attempt, doubled per attempt up to maxRetryBackoff. */
        @WithDefault("5s")
        Duration retryBackoff();

        @WithDefault("10m")
        Duration maxRetryBackoff();
    }

    @Inject
    EntityManager em;
    @Inject
    Mailer mailer;
    @Inject
    Clock clock;
    @Inject
    Config config;
    @Inject
    MeterRegistry registry;

    private PollingWorker worker;

    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(String aggregateId, String to, String subject, String body) {
        if (to == null || to.isBlank()) {
            LOG.debugf("no address for a mail about %s (%s); not sent", aggregateId, subject);
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        em.createNativeQuery("insert into mail_outbox (aggregate_id, recipient, subject, body, created_at, next_attempt_at) "
                + "values (?1, ?2, ?3, ?4, ?5, ?5)")
                .setParameter(1, aggregateId).setParameter(2, to).setParameter(3, subject).setParameter(4, body)
                .setParameter(5, now).executeUpdate();
        // no wake-up: a mail may wait for the next round (at most the poll interval), which then carries
        // every mail of that interval in one transaction instead of one transaction per enqueue
    }

    void onStart(@Observes StartupEvent ev) {
        // both counters show from the start (an alert on a rate needs the zero before the first failure)
        registry.counter("tradeorders.mail.sent");
        registry.counter("tradeorders.mail.failed.attempts");
        if (!config.enabled()) {
            return;
        }
        worker = new PollingWorker("mail-outbox", config.pollInterval(), config.pollInterval(), this::sendDue);
        worker.start();
    }

    void onStop(@Observes ShutdownEvent ev) {
        if (worker != null) {
            worker.stop();
        }
    }

    /**
     * Sends what is due in one transaction: the rows are claimed (SKIP LOCKED), sent and marked together,
     * so a round costs one commit however many messages it carries. A round that filled its batch asks
     * for another at once; otherwise the worker sleeps until the next enqueue or poll.
     *
     * @return true if more may be due
     */
    @SuppressWarnings("unchecked")
    boolean sendDue() {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Object[]> due = em.createNativeQuery("select id, recipient, subject, body, attempts from mail_outbox "
                    + "where sent_at is null and next_attempt_at <= ?1 order by id limit ?2 for update skip locked")
                    .setParameter(1, Timestamp.from(clock.instant())).setParameter(2, BATCH).getResultList();
            due.forEach(this::sendOne);
            return due.size() == BATCH;
        });
    }

    private void sendOne(Object[] m) {
        long id = ((Number) m[0]).longValue();
        try {
            mailer.send(Mail.withText((String) m[1], (String) m[2], (String) m[3]));
            registry.counter("tradeorders.mail.sent").increment();
            em.createNativeQuery("update mail_outbox set sent_at = ?2, attempts = attempts + 1 where id = ?1")
                    .setParameter(1, id).setParameter(2, Timestamp.from(clock.instant())).executeUpdate();
        } catch (RuntimeException e) {
            int attempts = ((Number) m[4]).intValue() + 1;
            registry.counter("tradeorders.mail.failed.attempts").increment();
            Duration pause = config.retryBackoff().multipliedBy(1L << Math.min(attempts - 1, 16));
            if (pause.compareTo(config.maxRetryBackoff()) > 0) {
                pause = config.maxRetryBackoff();
            }
            LOG.warnf("mail %d to %s not accepted (attempt %d), retrying in %s: %s", id, m[1], attempts, pause, e.getMessage());
            em.createNativeQuery("update mail_outbox set attempts = ?2, next_attempt_at = ?3, last_error = ?4 where id = ?1")
                    .setParameter(1, id).setParameter(2, attempts)
                    .setParameter(3, Timestamp.from(clock.instant().plus(pause)))
                    .setParameter(4, String.valueOf(e.getMessage()).substring(0, Math.min(1000, String.valueOf(e.getMessage()).length())))
                    .executeUpdate();
        }
    }
}
