package org.tradeorders.order.refund.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.tradeorders.order.domain.Order;
import org.tradeorders.order.domain.OrderKind;
import org.tradeorders.order.domain.Party;
import org.tradeorders.platform.domain.InvalidInput;
import org.tradeorders.platform.domain.RuleViolation;
import org.tradeorders.platform.money.Money;

/**
 * A buyer's request for its money back on one order, and where it stands: the aggregate guards its
 * own moves by {@link RefundStateMachine} and the rules of shared/domain.md; what the order allows
 * (when a case may open, how much it may claim) is {@link RefundCoverage}'s.
 */
@Entity
@Table(name = "refund_case")
public class RefundCase {
    @Id
    public String id;
    @Column(name = "order_id", nullable = false)
    public String orderId;
    @Column(name = "supplier_id", nullable = false)
    public String supplierId;
    @Column(name = "buyer_id", nullable = false)
    public String buyerId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OrderKind kind;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RefundReason reason;
    @Column(nullable = false, length = 2000)
    public String description;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RefundState state;
    @Column(nullable = false, length = 3)
    public String currency;
    /** The most this case may claim, fixed when it opened (what was paid, less what is not covered). */
    @Column(nullable = false, precision = 19, scale = 4)
    public BigDecimal coverage;
    /** What the buyer first asked: "the claim" the supplier's agreement is weighed against. */
    @Column(name = "first_claim", nullable = false, precision = 19, scale = 4)
    public BigDecimal firstClaim;
    /** What the buyer asks now (it may revise). */
    @Column(nullable = false, precision = 19, scale = 4)
    public BigDecimal requested;
    @Column(name = "counter_offer", precision = 19, scale = 4)
    public BigDecimal counterOffer;
    /** What is to be paid, once agreed or decided. */
    @Column(name = "to_pay", precision = 19, scale = 4)
    public BigDecimal toPay;
    /** The supplier's reason for a refusal or a counter-offer. */
    @Column(name = "supplier_note", length = 2000)
    public String supplierNote;
    @Column(name = "decision_note", length = 2000)
    public String decisionNote;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;
    /** The supplier's answer is due then (and again after each revision). */
    @Column(name = "response_due_at")
    public Instant responseDueAt;
    @Column(name = "escalation_allowed_at")
    public Instant escalationAllowedAt;
    /** Trade Assurance: a case not agreed by then escalates by itself. */
    @Column(name = "auto_escalate_at")
    public Instant autoEscalateAt;
    @Column(name = "escalated_at")
    public Instant escalatedAt;
    /** Escalated: evidence is taken until then, then the operator decides. */
    @Column(name = "evidence_due_at")
    public Instant evidenceDueAt;
    /** Agreed or decided: the refund is paid by then (refund-payment-within business days). */
    @Column(name = "pay_by")
    public Instant payBy;
    @Column(name = "paid_at")
    public Instant paidAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    @Version
    public long version;

    /**
     * The buyer opens a case on {@code order}: for a reason the order's state allows, for an amount
     * within the coverage (the most that may be claimed now).
     */
    public static RefundCase open(Order order, Party by, RefundReason reason, Money amount, String description,
            RefundCoverage coverage, RefundRules rules, Instant now) {
        if (by != Party.BUYER) {
            throw new RuleViolation("not-buyer", "only the buyer of order " + order.id + " asks for a refund");
        }
        Money covered = coverage.of(order, reason, now);
        RefundCase c = new RefundCase();
        c.id = UUID.randomUUID().toString();
        c.orderId = order.id;
        c.supplierId = order.supplierId;
        c.buyerId = order.buyerId;
        c.kind = order.kind;
        c.reason = reason;
        c.description = description;
        c.currency = order.currency;
        c.coverage = covered.amount();
        c.requireClaimable("amount", amount);
        c.firstClaim = amount.amount();
        c.requested = amount.amount();
        c.state = RefundState.REQUESTED;
        c.openedAt = now;
        c.updatedAt = now;
        c.responseDueAt = now.plus(rules.supplierResponse());
        if (c.kind == OrderKind.TRADE_ASSURANCE) {
            c.escalationAllowedAt = now.plus(rules.escalationAllowedAfter());
            c.autoEscalateAt = now.plus(rules.autoEscalateAfter());
        }
        return c;
    }

    /** The supplier pays what the buyer asks. */
    public void accept(Party by, Instant now) {
        requireParty(by, Party.SUPPLIER, "accepts a refund request");
        apply(RefundTrigger.ACCEPT, now);
        toPay = requested;
        responseDueAt = null;
    }

    /** The supplier refuses, saying why. */
    public void reject(Party by, String note, Instant now) {
        requireParty(by, Party.SUPPLIER, "rejects a refund request");
        apply(RefundTrigger.REJECT, now);
        supplierNote = note;
        responseDueAt = null;
    }

    /** The supplier offers a smaller amount instead, saying why. */
    public void counterOffer(Party by, Money amount, String note, Instant now) {
        requireParty(by, Party.SUPPLIER, "makes a counter-offer");
        requireCurrency("amount", amount);
        if (amount.amount().signum() <= 0 || amount.amount().compareTo(requested) >= 0) {
            throw new InvalidInput("amount.amount", "a counter-offer is more than 0 and less than the " + requested.toPlainString()
                    + " " + currency + " requested (to pay all of it, accept)");
        }
        apply(RefundTrigger.COUNTER_OFFER, now);
        counterOffer = amount.amount();
        supplierNote = note;
        responseDueAt = null;
    }

    /** The buyer takes the supplier's counter-offer: that is the refund. */
    public void acceptCounterOffer(Party by, Instant now) {
        requireParty(by, Party.BUYER, "accepts a counter-offer");
        apply(RefundTrigger.ACCEPT_COUNTER_OFFER, now);
        toPay = counterOffer;
    }

    /** The buyer changes its request; the supplier answers it anew, within the response time. */
    public void revise(Party by, Money amount, String newDescription, RefundRules rules, Instant now) {
        requireParty(by, Party.BUYER, "revises its refund request");
        requireClaimable("amount", amount);
        apply(RefundTrigger.REVISE, now);
        requested = amount.amount();
        description = newDescription == null ? description : newDescription;
        counterOffer = null;
        supplierNote = null;
        responseDueAt = now.plus(rules.supplierResponse());
    }

    /** The buyer takes its request back. */
    public void withdraw(Party by, Instant now) {
        requireParty(by, Party.BUYER, "withdraws its refund request");
        apply(RefundTrigger.WITHDRAW, now);
        responseDueAt = null;
    }

    /** Trade Assurance: the buyer asks the platform to decide, once escalation-allowed-after has passed. */
    public void escalate(Party by, RefundRules rules, Instant now) {
        requireParty(by, Party.BUYER, "escalates a refund request");
        if (escalationAllowedAt != null && now.isBefore(escalationAllowedAt)) {
            throw new RuleViolation("too-early-to-escalate", "refund case " + id + " may be escalated from "
                    + escalationAllowedAt + " on: the supplier has until then to answer");
        }
        escalated(RefundTrigger.ESCALATE, rules, now);
    }

    /** The case was not agreed by auto-escalate-after: it escalates by itself. Returns whether it did. */
    public boolean autoEscalate(RefundRules rules, Instant now) {
        if (!canApply(RefundTrigger.AUTO_ESCALATE)) {
            return false;
        }
        escalated(RefundTrigger.AUTO_ESCALATE, rules, now);
        return true;
    }

    private void escalated(RefundTrigger trigger, RefundRules rules, Instant now) {
        apply(trigger, now);
        escalatedAt = now;
        evidenceDueAt = now.plus(rules.evidenceDueAfter());
        responseDueAt = null;
        autoEscalateAt = null;
    }

    /**
     * The operator decides an escalated case, finally: {@code amount} (zero for no refund, at most the
     * coverage), with the reason.
     */
    public void decide(String operator, Money amount, String note, Instant now) {
        requireCurrency("amount", amount);
        if (amount.amount().signum() < 0 || amount.amount().compareTo(coverage) > 0) {
            throw new InvalidInput("amount.amount", "a decision refunds from 0 to the " + coverage.toPlainString() + " " + currency
                    + " this case covers");
        }
        apply(amount.amount().signum() == 0 ? RefundTrigger.DECIDE_NO_REFUND : RefundTrigger.DECIDE_REFUND, now);
        toPay = amount.amount().signum() == 0 ? null : amount.amount();
        decidedBy = operator;
        decisionNote = note;
    }

    /** An amount is to be paid (agreed or decided): by the end of the business day {@code payBy}. */
    public void toBePaidBy(Instant payBy) {
        if (toPay == null) {
            throw new IllegalStateException("refund case " + id + " has nothing to pay");
        }
        this.payBy = payBy;
    }

    /** payment-service paid the refund; returns false if it was recorded as paid already. */
    public boolean paid(Instant at, Instant now) {
        if (state == RefundState.PAID) {
            return false;
        }
        apply(RefundTrigger.PAY, now);
        paidAt = at;
        return true;
    }

    /**
     * Evidence is added while the case is negotiated (not yet agreed, or rejected but still open to
     * escalation), and once escalated until its evidence due time.
     */
    public void requireEvidenceOpen(Instant now) {
        boolean negotiating = isOpen() && (state == RefundState.REQUESTED || state == RefundState.COUNTER_OFFERED
                || state == RefundState.REJECTED);
        boolean escalated = state == RefundState.ESCALATED && now.isBefore(evidenceDueAt);
        if (!negotiating && !escalated) {
            throw new RuleViolation("evidence-closed", "refund case " + id + " is " + state
                    + (state == RefundState.ESCALATED ? " and took evidence until " + evidenceDueAt : "")
                    + ": it takes no more evidence");
        }
    }

    /** A dispute that the goods never arrived holds the order's automatic receipt confirmation until it is resolved. */
    public boolean holdsReceipt() {
        return reason == RefundReason.NOT_RECEIVED && (state == RefundState.REQUESTED
                || state == RefundState.COUNTER_OFFERED || state == RefundState.ESCALATED
                || (state == RefundState.REJECTED && isOpen()));
    }

    public boolean isOpen() {
        return RefundStateMachine.isOpen(kind, state);
    }

    /** The supplier lost the case: decided against it, or agreed at more than the configured share of the claim. */
    public boolean lostBySupplier(RefundRules rules) {
        if (state == RefundState.DECIDED) {
            return true;
        }
        return state == RefundState.AGREED && toPay.compareTo(firstClaim.multiply(rules.lostAboveShareOfClaim())) > 0;
    }

    public Money money(BigDecimal amount) {
        return amount == null ? null : new Money(amount, currency);
    }

    public boolean canApply(RefundTrigger trigger) {
        return RefundStateMachine.next(kind, state, trigger).isPresent();
    }

    private void apply(RefundTrigger trigger, Instant now) {
        state = RefundStateMachine.require(kind, state, trigger, id);
        updatedAt = now;
    }

    private void requireParty(Party by, Party only, String what) {
        if (by != only) {
            throw new RuleViolation("not-" + only.name().toLowerCase(), "only the " + only.name().toLowerCase() + " " + what
                    + " (refund case " + id + ")");
        }
    }

    private void requireCurrency(String field, Money amount) {
        if (!currency.equals(amount.currency())) {
            throw new InvalidInput(field + ".currency", "must be the order's currency, " + currency);
        }
    }

    private void requireClaimable(String field, Money amount) {
        requireCurrency(field, amount);
        if (amount.amount().signum() <= 0 || amount.amount().compareTo(coverage) > 0) {
            throw new InvalidInput(field + ".amount", "must be more than 0 and at most " + coverage.toPlainString() + " "
                    + currency + ", what this case covers");
        }
    }
}
