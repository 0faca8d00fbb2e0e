package org.tradeorders.order.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.tradeorders.platform.domain.RuleViolation;
import org.tradeorders.platform.money.Money;

/** An order (Trade Assurance or e-Collection): the online proforma invoice both parties agree, and where it stands. */
@Entity
@EntityListeners(OrderTransitions.class)
@Table(name = "trade_order")
public class Order extends ProformaInvoice {
    @Id
    public String id;
    @Column(name = "supplier_id", nullable = false)
    public String supplierId;
    @Column(name = "buyer_id", nullable = false)
    public String buyerId;
    @Column(name = "buyer_email", nullable = false)
    public String buyerEmail;
    /** Where the supplier's notifications go (the drafting or completing person's address). */
    @Column(name = "supplier_email")
    public String supplierEmail;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OrderKind kind = OrderKind.TRADE_ASSURANCE;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Party initiator;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OrderState state;
    /** The state as last read or written: {@link OrderTransitions} counts a move away from it. */
    @Transient
    OrderState recordedState;
    /** Why the order last went back to DRAFT (e.g. CREDIT_LIMIT_EXCEEDED), shown to the supplier. */
    @Column(name = "return_reason")
    public String returnReason;
    @Column(name = "return_available_usd", precision = 19, scale = 4)
    public BigDecimal returnAvailableUsd;
    @Column(name = "modification_note", length = 1000)
    public String modificationNote;
    /** false for a buyer-initiated order until the supplier has completed the terms (PUT). */
    @Column(name = "supplier_completed_terms", nullable = false)
    public boolean supplierCompletedTerms = true;
    @Column(name = "shipped_at")
    public Instant shippedAt;
    @Embedded
    public ReceivingWindow receiving = new ReceivingWindow();
    @Column(name = "ready_to_ship_announced", nullable = false)
    public boolean readyToShipAnnounced;
    /** e-Collection: the order's own collection account (a virtual account) and where it is held. */
    @Column(name = "collection_account")
    public String collectionAccount;
    @Embedded
    public Beneficiary beneficiary = new Beneficiary();
    /** refunded to the buyer through payment-service, in the order's currency */
    @Column(nullable = false, precision = 19, scale = 4)
    public BigDecimal refunded = BigDecimal.ZERO;
    /** e-Collection: payment reminders sent to the buyer so far */
    @Column(name = "reminders_sent", nullable = false)
    public int remindersSent;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
    @Version
    public long version;

    public boolean isParty(String companyId) {
        return supplierId.equals(companyId) || buyerId.equals(companyId);
    }

    public Party partyOf(String companyId) {
        return supplierId.equals(companyId) ? Party.SUPPLIER : Party.BUYER;
    }

    /** Moves the order by the transition table, or refuses with the states that would have allowed it. */
    public void apply(OrderTrigger trigger, Instant at) {
        state = OrderStateMachine.require(kind, state, trigger, id);
        updatedAt = at;
    }

    public boolean canApply(OrderTrigger trigger) {
        return OrderStateMachine.next(kind, state, trigger).isPresent();
    }

    // --- negotiation: "who initiates, the other confirms" ---

    /** The initiator sends the draft to the counterparty; why it last came back no longer applies. */
    public void submit(Party by, Instant now) {
        if (by != initiator) {
            throw new RuleViolation("not-initiator", "only the initiator (" + initiator + ") submits order " + id);
        }
        apply(OrderTrigger.SUBMIT, now);
        returnReason = null;
        returnAvailableUsd = null;
    }

    /**
     * The counterparty accepts the version of the terms it read (a stale one is refused): complete
     * terms (a buyer's draft waits for the supplier's), and for e-Collection an open collection account.
     */
    public void confirm(Party by, int version, Instant now) {
        requireCounterparty(by);
        if (version != termsVersion) {
            throw new RuleViolation("stale-version", "you confirmed version " + version + " of order " + id
                    + ", but its terms are now at version " + termsVersion + ": read them again");
        }
        if (!supplierCompletedTerms) {
            throw new RuleViolation("terms-incomplete", "order " + id + " was drafted by the buyer: complete shipping "
                    + "cost, delivery time and payment terms (PUT /orders/" + id + ") before confirming it");
        }
        if (kind == OrderKind.E_COLLECTION && state == OrderState.AWAITING_CONFIRMATION && collectionAccount == null) {
            throw new RuleViolation("collection-account-pending", "the collection account of order " + id
                    + " is being opened: the payment details are not complete yet");
        }
        apply(OrderTrigger.CONFIRM, now);
        modificationNote = null;
    }

    /** The counterparty sends the order back to DRAFT with a note of what to change. */
    public void requestModification(Party by, String note, Instant now) {
        requireCounterparty(by);
        apply(OrderTrigger.REQUEST_MODIFICATION, now);
        modificationNote = note;
    }

    private void requireCounterparty(Party by) {
        if (by == initiator) {
            throw new RuleViolation("not-counterparty", "order " + id + " was initiated by the " + initiator
                    + "; the other party confirms it or asks for changes");
        }
    }

    /**
     * The supplier changes the terms only before confirmation; an e-Collection order only in DRAFT,
     * because the buyer holds a payment reminder for its terms (a modification request reopens it).
     */
    public void requireTermsOpenToSupplier() {
        if (state != OrderState.DRAFT && state != OrderState.AWAITING_CONFIRMATION) {
            throw new RuleViolation("terms-fixed", "order " + id + " is " + state
                    + ": its terms can change only before it is confirmed");
        }
        if (kind == OrderKind.E_COLLECTION && state != OrderState.DRAFT) {
            throw new RuleViolation("terms-fixed", "e-Collection order " + id + " is " + state
                    + ": its payment reminder is out, so its terms change only after the buyer requests a modification");
        }
    }

    /** A buyer edits only a DRAFT it initiated; otherwise it requests a modification. */
    public void requireBuyersDraft() {
        if (initiator != Party.BUYER || state != OrderState.DRAFT) {
            throw new RuleViolation("not-buyer-draft", "order " + id + " is " + state + " and was initiated by the "
                    + initiator + ": a buyer edits only a DRAFT it initiated, otherwise it requests a modification");
        }
    }

    /** The changed terms become a new version, repriced; a confirmation names this number. */
    public void newVersion(Instant now) {
        price();
        termsVersion++;
        updatedAt = now;
    }

    /** Either party cancels before any payment arrived; after one, only a refund the supplier agrees to does. */
    public OrderState cancelByParty(Instant now) {
        if (plan().anythingPaid()) {
            throw new RuleViolation("paid-order", "order " + id + " has received a payment: it can only be cancelled "
                    + "through a refund the supplier agrees to");
        }
        return cancel(OrderTrigger.CANCEL, now);
    }

    /** Cancels by {@code trigger} (a party, or a timeout); returns the state it was cancelled in. */
    public OrderState cancel(OrderTrigger trigger, Instant now) {
        OrderState previous = state;
        apply(trigger, now);
        return previous;
    }

    // --- payment and production ---

    /** Adds a payment to installment {@code seq}; null if the order has no such installment in that currency. */
    public Installment recordPayment(int seq, Money amount, Instant now) {
        Installment in = plan().installment(seq);
        if (in == null || !currency.equals(amount.currency())) {
            return null;
        }
        in.paid = in.paid.add(amount.amount());
        updatedAt = now;
        return in;
    }

    /**
     * payment-service refunded {@code amount} to the buyer. Returns whether that was a full refund before
     * shipment: everything paid came back while the goods had not shipped, so the order is cancelled.
     */
    public boolean refund(Money amount, Instant now) {
        refunded = refunded.add(amount.amount());
        updatedAt = now;
        return state.awaitsShipment() && canApply(OrderTrigger.REFUND_BEFORE_SHIPMENT)
                && refunded.compareTo(plan().paid()) >= 0;
    }

    /** A payment taken back (a cancelled order's remittance association undone): never below zero. */
    public void undoPayment(int seq, Money amount, Instant now) {
        Installment in = plan().installment(seq);
        if (in != null) {
            in.paid = in.paid.subtract(amount.amount()).max(BigDecimal.ZERO);
            updatedAt = now;
        }
    }

    /** What is due before production is paid ({@code trigger} by kind): the shipment deadline starts to run. */
    public void startProduction(OrderTrigger trigger, Instant now) {
        apply(trigger, now);
        shipment.start(now);
    }

    /** Fulfilment may ship once the order awaits shipment and everything due before shipment is paid: said once. */
    public boolean becomesReadyToShip() {
        if (state.awaitsShipment() && !readyToShipAnnounced && plan().paidForShipment()) {
            readyToShipAnnounced = true;
            return true;
        }
        return false;
    }

    // --- shipment and receipt ---

    /** The supplier proposes to extend the shipment deadline; the total never exceeds {@code maxDays}. */
    public void proposeShipmentExtension(int days, long maxDays, Instant now) {
        if (!state.awaitsShipment()) {
            throw new RuleViolation("not-in-production", "order " + id + " is " + state
                    + ": the shipment deadline runs only while it is IN_PRODUCTION (or PAID, e-Collection)");
        }
        shipment.propose(id, days, maxDays);
        updatedAt = now;
    }

    /** The buyer accepts (the deadline moves) or declines the proposal; returns the days the deadline moved. */
    public int answerShipmentExtension(boolean accept, Instant now) {
        if (!state.awaitsShipment()) {
            throw new RuleViolation("no-proposal", "order " + id + " has no shipment extension to answer");
        }
        int days = shipment.answer(id, accept);
        updatedAt = now;
        return days;
    }

    /** A complete shipment ships the order: the receiving window opens, balances after shipment get due times. */
    public void ship(Duration receivingWindow, Instant now) {
        apply(OrderTrigger.SHIP, now);
        shippedAt = now;
        receiving.open(now, receivingWindow);
        for (Installment in : installments) {
            if (in.due == InstallmentDue.AFTER_SHIPMENT) {
                in.dueAt = shippedAt.plus(Duration.ofDays(in.dueDays));
            }
        }
    }

    /** Each party may extend the receiving window once, by 1 to {@code maxDays} days, while it runs. */
    public void extendReceivingWindow(Party by, int days, long maxDays, Instant now) {
        if (state != OrderState.SHIPPED) {
            throw new RuleViolation("not-shipped", "order " + id + " is " + state
                    + ": the receiving window runs only while it is SHIPPED");
        }
        receiving.extend(id, by, days, maxDays);
        updatedAt = now;
    }

    // --- the payment terms ---

    /** Replaces the payment terms: Trade Assurance's proposed plan, or e-Collection's one remittance in full. */
    public void replaceInstallments(List<Installment> proposed) {
        BigDecimal remitted = plan().paid();
        installments.clear();
        if (kind == OrderKind.E_COLLECTION) {
            // what remittances paid stays with the order through a revision
            installments.add(InstallmentPlan.inFull(remitted));
            return;
        }
        int seq = 1;
        for (Installment in : proposed) {
            in.seq = seq++;
            installments.add(in);
        }
    }

    /** e-Collection: the remittances cover the total. */
    public boolean remittancesCover() {
        return plan().paid().compareTo(total) >= 0;
    }
}
