package org.tradeorders.credit.domain;

import static org.tradeorders.credit.events.CreditEvents.*;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.tradeorders.credit.events.CreditEvents;
import org.tradeorders.credit.fx.domain.UsdRates;
import org.tradeorders.platform.metrics.BusinessMetrics;
import org.tradeorders.platform.money.Money;
import org.tradeorders.platform.outbox.Outbox;
import org.tradeorders.platform.problem.ProblemException;

/**
 * Reservations against a supplier's credit protection limit. The "available never below zero" rule
 * is enforced by one conditional UPDATE on the credit line row (the row lock serialises concurrent
 * reservers), not by isolation level alone.
 */
@ApplicationScoped
public class CreditWorkflow {
    private static final Logger LOG = Logger.getLogger(CreditWorkflow.class);
    public static final String CREDIT_LIMIT_EXCEEDED = "CREDIT_LIMIT_EXCEEDED";
    public static final String CREDIT_PROTECTION_NOT_ACTIVE = "CREDIT_PROTECTION_NOT_ACTIVE";
    public static final String CURRENCY_NOT_SUPPORTED = "CURRENCY_NOT_SUPPORTED";
    /** Ends an UPDATE of a credit line: the line's figures after it, from which {@link CreditLine#available} follows. */
    private static final String RETURNING_BALANCE = " returning limit_usd, reserved_usd, advance_owed_usd";

    @Inject
    EntityManager em;
    @Inject
    Outbox outbox;
    @Inject
    BusinessMetrics metrics;
    @Inject
    Clock clock;
    @Inject
    CreditRules rules;
    @Inject
    UsdRates usdRates;
    @Inject
    LimitFormula formula;

    /**
     * Reserves the order's USD value, all or nothing. Repeated for the same order: no second effect.
     * A new order's reservation that fits costs three statements: its row (inserted as active, set
     * rejected if the line refuses it), the line's conditional UPDATE, the outbox row.
     */
    public void reserve(String orderId, String supplierId, Money orderValue) {
        Instant now = clock.instant();
        var quote = usdRates.quote(orderValue.currency());
        BigDecimal rate = quote.map(UsdRates.Quote::rate).orElse(null);
        Money requested = rate == null ? null
                : new Money(orderValue.amount().multiply(rate).setScale(2, RoundingMode.HALF_UP), "USD");
        Reservation r = Reservation.requested(orderId, supplierId, orderValue, quote, requested, now);
        // the row of a new order goes in first: its key serialises two requests for one order (the second
        // waits for the first to commit and then finds its row), so nothing is locked or read before it
        Reservation existing = insertedAsNew(r) ? null
                : Optional.ofNullable(em.find(Reservation.class, orderId, LockModeType.PESSIMISTIC_WRITE)).orElseThrow(
                        () -> new IllegalStateException("order " + orderId + " has a reservation that could not be read"));
        if (existing != null && !existing.status.canBecome(ReservationStatus.ACTIVE)) {
            LOG.infof("order %s already has a %s reservation; nothing to do", orderId, existing.status);
            return;
        }
        // the line as the reservation left it, from the UPDATE itself (no second read)
        BigDecimal left = requested == null ? null : availableAfter(em.createNativeQuery("update credit_line "
                + "set reserved_usd = reserved_usd + ?1, updated_at = ?2 "
                + "where supplier_id = ?3 and limit_usd - reserved_usd - advance_owed_usd >= ?1" + RETURNING_BALANCE)
                .setParameter(1, requested.amount())
                .setParameter(2, Timestamp.from(now))
                .setParameter(3, supplierId));
        String rejection = null;
        if (requested == null) {
            rejection = CURRENCY_NOT_SUPPORTED;
        } else if (left == null) {
            // nothing reserved: either no line at all or not enough of it
            rejection = em.find(CreditLine.class, supplierId) == null ? CREDIT_PROTECTION_NOT_ACTIVE : CREDIT_LIMIT_EXCEEDED;
        }
        r.status = rejection == null ? ReservationStatus.ACTIVE : ReservationStatus.REJECTED;
        if (existing != null) {
            existing.triedAgainAs(r);
            em.flush();
        } else if (rejection != null && requested != null) {
            em.createNativeQuery("update credit_reservation set status = ?1 where order_id = ?2")
                    .setParameter(1, r.status.name()).setParameter(2, orderId).executeUpdate();
        }
        Money available = left != null ? new Money(left, "USD") : available(supplierId);
        metrics.count("tradeorders.credit.reservations", "outcome", rejection == null ? "accepted" : "rejected");
        if (rejection == null) {
            outbox.append(CREDIT_RESERVED, orderId, new CreditReserved(orderId, supplierId, requested, orderValue, rate,
                    r.usdRateSource, r.usdRateValidFrom, available));
        } else {
            outbox.append(CREDIT_RESERVATION_REJECTED, orderId, new CreditReservationRejected(orderId, supplierId, rejection,
                    requested == null ? orderValue : requested, available));
        }
    }

    /**
     * Inserts the reservation unless its order has one; whether it did. Waits for a request of the same
     * order still running (READ COMMITTED). Typed parameters: a null rate source or date is bound as its column's type.
     */
    private boolean insertedAsNew(Reservation r) {
        return em.unwrap(Session.class).createNativeMutationQuery("insert into credit_reservation (order_id, supplier_id, "
                + "amount_usd, order_amount, order_currency, usd_rate, usd_rate_source, usd_rate_valid_from, status, updated_at) "
                + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) on conflict (order_id) do nothing")
                .setParameter(1, r.orderId).setParameter(2, r.supplierId).setParameter(3, r.amountUsd)
                .setParameter(4, r.orderAmount).setParameter(5, r.orderCurrency).setParameter(6, r.usdRate)
                .setParameter(7, r.usdRateSource, String.class).setParameter(8, r.usdRateValidFrom, Instant.class)
                .setParameter(9, r.status.name()).setParameter(10, r.updatedAt, Instant.class).executeUpdate() == 1;
    }

    /** The order was cancelled: its reservation no longer holds the limit. */
    public void release(String orderId) {
        close(orderId, ReservationStatus.RELEASED, "ORDER_CANCELLED");
    }

    /** The order completed: released, and its USD value counts as completed trade volume. */
    public void complete(String orderId) {
        close(orderId, ReservationStatus.COMPLETED, "ORDER_COMPLETED");
    }

    /**
     * A completed e-Collection order: it never reserved credit, but its value (in USD at the newest
     * recorded rate) counts as the supplier's completed trade volume, the growth formula's input.
     * The credit line itself, its limit and reservations are not touched.
     */
    public void eCollectionCompleted(String orderId, String supplierId, Money total, Instant completedAt) {
        BigDecimal rate = UsdRates.USD.equals(total.currency()) ? BigDecimal.ONE
                : usdRates.quote(total.currency()).map(UsdRates.Quote::rate).orElse(null);
        if (rate == null) {
            LOG.errorf("no USD rate for %s: e-Collection order %s not counted as trade volume", total.currency(), orderId);
            return;
        }
        BigDecimal usd = total.amount().multiply(rate).setScale(2, RoundingMode.HALF_UP);
        int counted = em.createNativeQuery("insert into trade_volume (order_id, supplier_id, order_kind, amount_usd, completed_at) "
                + "values (?1, ?2, 'E_COLLECTION', ?3, ?4) on conflict do nothing")
                .setParameter(1, orderId).setParameter(2, supplierId).setParameter(3, usd)
                .setParameter(4, Timestamp.from(completedAt == null ? clock.instant() : completedAt)).executeUpdate();
        if (counted == 1) {
            // the line's lifetime volume, if the supplier has a line; its limit and reservations stay as they are
            em.createNativeQuery("update credit_line set completed_volume_usd = completed_volume_usd + ?1 where supplier_id = ?2")
                    .setParameter(1, usd).setParameter(2, supplierId).executeUpdate();
        }
    }

    private void close(String orderId, ReservationStatus to, String reason) {
        Reservation r = em.find(Reservation.class, orderId, LockModeType.PESSIMISTIC_WRITE);
        if (r == null || !r.status.canBecome(to)) {
            LOG.infof("no active reservation for order %s (%s); nothing to release", orderId, r == null ? "none" : r.status);
            return;
        }
        Instant now = clock.instant();
        r.status = to;
        r.updatedAt = now;
        BigDecimal left = availableAfter(em.createNativeQuery("update credit_line set reserved_usd = reserved_usd - ?1, "
                + "updated_at = ?2, completed_volume_usd = completed_volume_usd + ?3 where supplier_id = ?4" + RETURNING_BALANCE)
                .setParameter(1, r.amountUsd)
                .setParameter(2, Timestamp.from(now))
                .setParameter(3, to == ReservationStatus.COMPLETED ? r.amountUsd : BigDecimal.ZERO)
                .setParameter(4, r.supplierId));
        if (to == ReservationStatus.COMPLETED) {
            em.createNativeQuery("insert into trade_volume (order_id, supplier_id, order_kind, amount_usd, completed_at) "
                    + "values (?1, ?2, 'TRADE_ASSURANCE', ?3, ?4) on conflict do nothing")
                    .setParameter(1, orderId).setParameter(2, r.supplierId).setParameter(3, r.amountUsd)
                    .setParameter(4, Timestamp.from(now)).executeUpdate();
        }
        em.flush();
        outbox.append(CREDIT_RELEASED, orderId, new CreditReleased(orderId, r.supplierId, new Money(r.amountUsd, "USD"),
                reason, new Money(left == null ? BigDecimal.ZERO : left, "USD")));
    }

    /**
     * Opens a supplier's line with its initial (base) limit and, when the supplier activated it, the
     * facts the limit came from. A line is activated once.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public CreditLine activate(String supplierId, BigDecimal baseLimitUsd, VerificationLevel level, Integer yearsInBusiness,
            BigDecimal registeredCapitalUsd, String reason) {
        if (em.find(CreditLine.class, supplierId, LockModeType.PESSIMISTIC_WRITE) != null) {
            throw ProblemException.conflict("already-active", "credit protection of supplier " + supplierId
                    + " is active already");
        }
        Instant now = clock.instant();
        CreditLine line = new CreditLine();
        line.supplierId = supplierId;
        line.reservedUsd = BigDecimal.ZERO;
        line.completedVolumeUsd = BigDecimal.ZERO;
        line.activatedAt = now;
        line.updatedAt = now;
        line.baseLimitUsd = usd(baseLimitUsd);
        line.limitUsd = line.baseLimitUsd;
        line.verificationLevel = level;
        line.yearsInBusiness = yearsInBusiness;
        line.registeredCapitalUsd = registeredCapitalUsd;
        em.persist(line);
        em.flush();
        recordChange(line, null, reason);
        return line;
    }

    /**
     * An operator sets the base limit (opening the line if there is none); the limit follows it, with
     * the growth from recent trade volume and less the penalties.
     */
    @Transactional
    public CreditLine setBaseLimit(String supplierId, BigDecimal baseLimitUsd, String reason) {
        if (baseLimitUsd.signum() < 0) {
            throw ProblemException.invalid("limitUsd", "must not be negative");
        }
        if (baseLimitUsd.stripTrailingZeros().scale() > 2) {
            throw ProblemException.invalid("limitUsd", "must have at most 2 decimals (cents)");
        }
        BigDecimal ceiling = rules.growth().maxLimitUsd();
        if (baseLimitUsd.compareTo(ceiling) > 0) {
            throw ProblemException.invalid("limitUsd", "must be at most " + ceiling.toPlainString()
                    + " (credit-limit.growth.max-limit-usd): no credit line goes above it");
        }
        CreditLine line = em.find(CreditLine.class, supplierId, LockModeType.PESSIMISTIC_WRITE);
        if (line == null) {
            return activate(supplierId, baseLimitUsd, null, null, null, reason);
        }
        line.baseLimitUsd = usd(baseLimitUsd);
        applyLimit(line, formula.limitFor(line), reason);
        return line;
    }

    /**
     * Sets a line's limit if it changed, kept in the history with its reason and published. A lowered
     * limit never cancels existing reservations: available is then zero until they end.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyLimit(CreditLine line, BigDecimal limitUsd, String reason) {
        BigDecimal previous = line.limitUsd;
        BigDecimal next = usd(limitUsd);
        if (previous.compareTo(next) == 0) {
            return;
        }
        line.limitUsd = next;
        line.updatedAt = clock.instant();
        em.flush();
        recordChange(line, previous, reason);
    }

    private void recordChange(CreditLine line, BigDecimal previous, String reason) {
        em.refresh(line);
        em.createNativeQuery("insert into credit_limit_change (supplier_id, old_limit, new_limit, reason, changed_at) "
                + "values (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, line.supplierId).setParameter(2, previous).setParameter(3, line.limitUsd)
                .setParameter(4, reason).setParameter(5, Timestamp.from(clock.instant())).executeUpdate();
        outbox.append(CREDIT_LIMIT_CHANGED, line.supplierId, new CreditEvents.CreditLimitChanged(line.supplierId,
                previous == null ? null : new Money(previous, "USD"), new Money(line.limitUsd, "USD"),
                new Money(line.available(), "USD"), reason));
    }

    private static BigDecimal usd(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    @Transactional
    void seed(@Observes StartupEvent ev) {
        rules.seedLines().forEach((supplier, limit) -> {
            if (em.find(CreditLine.class, supplier) == null) {
                setBaseLimit(supplier, limit, "ACTIVATED_BY_SEED");
            }
        });
        // a line set above the ceiling before it was enforced (or before it was lowered) comes down to it
        em.createQuery("from CreditLine l where l.limitUsd > :ceiling", CreditLine.class)
                .setParameter("ceiling", rules.growth().maxLimitUsd()).getResultList()
                .forEach(line -> applyLimit(line, formula.limitFor(line), "CAPPED_AT_MAX_LIMIT"));
    }

    /** Runs an UPDATE of one credit line ending in {@link #RETURNING_BALANCE}: what it left available, or null if it changed no line. */
    private static BigDecimal availableAfter(Query update) {
        List<?> rows = update.getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] line = (Object[]) rows.get(0);
        return CreditLine.available((BigDecimal) line[0], (BigDecimal) line[1], (BigDecimal) line[2]);
    }

    private Money available(String supplierId) {
        CreditLine line = em.find(CreditLine.class, supplierId);
        if (line != null) {
            em.refresh(line);
        }
        return new Money(line == null ? BigDecimal.ZERO : line.available(), "USD");
    }
}
