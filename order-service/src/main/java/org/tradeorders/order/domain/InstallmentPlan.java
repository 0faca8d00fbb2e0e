package org.tradeorders.order.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tradeorders.platform.domain.InvalidInput;

/**
 * An order's payment terms, the installments, and what they say: the rules a plan obeys, each
 * installment's share of the total, and what is paid and due.
 */
public final class InstallmentPlan {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private final List<Installment> installments;

    InstallmentPlan(List<Installment> installments) {
        this.installments = installments;
    }

    /**
     * What is wrong with the installments a party proposes for an order of {@code kind}. Trade
     * Assurance: percentages adding up to 100 with an initial payment, days only for a balance due
     * after shipment. e-Collection: none, because the order is paid in full by remittance before it ships.
     */
    public static List<InvalidInput.Field> violations(OrderKind kind, List<Installment> proposed) {
        List<InvalidInput.Field> errors = new ArrayList<>();
        if (kind == OrderKind.E_COLLECTION) {
            if (!proposed.isEmpty()) {
                errors.add(new InvalidInput.Field("installments", "an e-Collection order is paid in full by remittance "
                        + "before it ships: leave installments out"));
            }
            return errors;
        }
        if (proposed.isEmpty()) {
            errors.add(new InvalidInput.Field("installments", "must not be empty"));
            return errors;
        }
        for (int i = 0; i < proposed.size(); i++) {
            Installment in = proposed.get(i);
            if ((in.due == InstallmentDue.AFTER_SHIPMENT) != (in.dueDays != null)) {
                errors.add(new InvalidInput.Field("installments[" + i + "].dueDays", in.dueDays == null
                        ? "is required for an installment due AFTER_SHIPMENT (days after shipment)"
                        : "applies only to an installment due AFTER_SHIPMENT"));
            }
        }
        BigDecimal percent = proposed.stream().map(in -> in.percent).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (percent.compareTo(HUNDRED) != 0) {
            errors.add(new InvalidInput.Field("installments", "percentages add up to " + percent.toPlainString()
                    + ", not 100"));
        }
        if (proposed.stream().noneMatch(in -> in.due == InstallmentDue.BEFORE_PRODUCTION)) {
            errors.add(new InvalidInput.Field("installments", "need an initial payment (an installment due "
                    + "BEFORE_PRODUCTION)"));
        }
        return errors;
    }

    /** e-Collection's one installment: the whole total, by remittance before shipment. */
    static Installment inFull(BigDecimal alreadyRemitted) {
        Installment in = new Installment();
        in.seq = 1;
        in.name = "Remittance";
        in.percent = HUNDRED;
        in.due = InstallmentDue.BEFORE_SHIPMENT;
        in.paid = alreadyRemitted;
        return in;
    }

    /** Each installment's share of {@code total}; the last takes the rounding rest. */
    void allocate(BigDecimal total, int scale) {
        BigDecimal allocated = BigDecimal.ZERO;
        for (int i = 0; i < installments.size(); i++) {
            Installment in = installments.get(i);
            in.amount = i == installments.size() - 1 ? total.subtract(allocated)
                    : total.multiply(in.percent).divide(HUNDRED, scale, RoundingMode.HALF_EVEN);
            allocated = allocated.add(in.amount);
        }
    }

    public Installment installment(int seq) {
        return installments.stream().filter(i -> i.seq == seq).findFirst().orElse(null);
    }

    /** The initial payment: every installment due before production. */
    public boolean initialPaymentCovered() {
        return installments.stream().filter(i -> i.due == InstallmentDue.BEFORE_PRODUCTION).allMatch(Installment::isCovered);
    }

    /** What was paid so far, over all installments (e-Collection: what the associated remittances paid). */
    public BigDecimal paid() {
        return installments.stream().map(i -> i.paid).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public boolean anythingPaid() {
        return installments.stream().anyMatch(i -> i.paid.signum() > 0);
    }

    /** Everything due before shipment (initial payment and balance) is paid; a balance after shipment is not. */
    public boolean paidForShipment() {
        return installments.stream().filter(i -> i.due != InstallmentDue.AFTER_SHIPMENT).allMatch(Installment::isCovered);
    }

    /** Balances due after shipment that are unpaid at {@code now} and not yet announced as overdue. */
    public List<Installment> overdueBalances(Instant now) {
        return installments.stream().filter(i -> i.dueAt != null && !i.dueAt.isAfter(now) && !i.isCovered()
                && !i.overdueAnnounced).toList();
    }

    /** The next moment a balance after shipment falls due, if one is still open. */
    public Optional<Instant> nextBalanceDue() {
        return installments.stream().filter(i -> i.dueAt != null && !i.isCovered() && !i.overdueAnnounced)
                .map(i -> i.dueAt).min(Instant::compareTo);
    }

    /** The installments due after shipment (their due times are known once the goods shipped). */
    public List<Installment> afterShipment() {
        return installments.stream().filter(i -> i.due == InstallmentDue.AFTER_SHIPMENT).toList();
    }
}
