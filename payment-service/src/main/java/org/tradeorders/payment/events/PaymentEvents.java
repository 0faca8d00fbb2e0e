package org.tradeorders.payment.events;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.tradeorders.platform.events.EventType;
import org.tradeorders.platform.money.Money;

/** What payment-service publishes on {@code payment-events} (key = order id). Tokens never leave the service. */
public final class PaymentEvents {
    public static final EventType PAYMENT_LINK_ISSUED = EventType.of("PaymentLinkIssued", 1);
    public static final EventType PAYMENT_RECEIVED = EventType.of("PaymentReceived", 1);
    public static final EventType PAYMENT_LINK_CANCELLED = EventType.of("PaymentLinkCancelled", 1);
    public static final EventType PAYMENT_CREDITED_TO_BUYER = EventType.of("PaymentCreditedToBuyer", 1);
    public static final EventType FUNDS_SETTLED = EventType.of("FundsSettled", 1);
    public static final EventType WITHDRAWAL_PAID = EventType.of("WithdrawalPaid", 1);
    public static final EventType PAY_LATER_REPAID = EventType.of("PayLaterRepaid", 1);
    public static final EventType COLLECTION_INFO_CHANGED = EventType.of("CollectionInfoChanged", 1);
    public static final EventType FX_RATE_RECORDED = EventType.of("FxRateRecorded", 1);
    public static final EventType COLLECTION_ACCOUNT_OPENED = EventType.of("CollectionAccountOpened", 1);
    public static final EventType REMITTANCE_RECEIVED = EventType.of("RemittanceReceived", 1);
    public static final EventType REMITTANCE_ASSOCIATED = EventType.of("RemittanceAssociated", 1);
    public static final EventType REMITTANCE_ASSOCIATION_UNDONE = EventType.of("RemittanceAssociationUndone", 1);
    public static final EventType REFUND_PAID = EventType.of("RefundPaid", 1);
    public static final EventType REFUND_AWAITING_FUNDS = EventType.of("RefundAwaitingFunds", 1);
    public static final EventType ADVANCE_COMPENSATION_PAID = EventType.of("AdvanceCompensationPaid", 1);
    public static final EventType ADVANCE_RECOVERED = EventType.of("AdvanceRecovered", 1);

    private PaymentEvents() {
    }

    public record PaymentLinkIssued(String linkId, String orderId, String buyerId, String supplierId, int installmentSeq,
            String installmentName, Money amount, Instant expiresAt) {
    }

    /**
     * amount: applied to the installment (what the order counts); collected: what the channel took in
     * for it (more when overpaid: the rest is the buyer's credit); surcharge: the buyer's card fee on top.
     */
    public record PaymentReceived(String paymentId, String orderId, String linkId, int installmentSeq, Money amount,
            String channel, Instant receivedAt, Money collected, Money creditedToBuyer, Money surcharge,
            Money outstanding, Instant payLaterDueAt) {
    }

    /** Money arrived for a link that could not take it (already paid, expired, cancelled): kept as the buyer's credit. */
    public record PaymentCreditedToBuyer(String paymentId, String orderId, String linkId, String buyerId, Money amount,
            String channel, String reason) {
    }

    /**
     * The order's money became the supplier's available balance (on shipment): amount in the order's
     * currency, settled in the supplier's settlement currency (at fxRate from fxRateSource when they
     * differ), less the service fee.
     */
    public record FundsSettled(String orderId, String supplierId, Money amount, Money settled,
            @JsonFormat(shape = JsonFormat.Shape.STRING)
            BigDecimal fxRate, String fxRateSource, Money serviceFee, Money net) {
    }

    /** The buyer repaid a pay-later payment it owed. */
    public record PayLaterRepaid(String paymentId, String orderId, String buyerId, Money amount, String channel,
            Instant dueAt, Instant repaidAt) {
    }

    /** Key: the supplier id. version 1 (activated = true) activates e-collection; the account number is masked. */
    public record CollectionInfoChanged(String supplierId, int version, boolean activated, String bankName,
            String accountNumber, String bankCountry, String swiftBic, Instant changedAt) {
    }

    /** Key: the supplier id. The bank account is masked. */
    public record WithdrawalPaid(String withdrawalId, String supplierId, Money amount, String bankAccount, Instant paidAt) {
    }

    /** Key: "BASE/QUOTE". 1 base = rate quote from validFrom. */
    public record FxRateRecorded(String rateId, String base, String quote,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal rate, String source,
            Instant validFrom) {
    }

    public record PaymentLinkCancelled(String linkId, String orderId, int installmentSeq, String reason) {
    }

    public record Beneficiary(String bankName, String accountHolder, String swiftBic) {
    }

    /**
     * Key: the order id. e-Collection: the order's own collection account; the buyer remits amount to
     * accountNumber at the beneficiary's bank, quoting reference. beneficiary is null if the supplier
     * has no collection information on file.
     */
    public record CollectionAccountOpened(String orderId, String supplierId, String buyerId, String accountNumber,
            Money amount, Beneficiary beneficiary, String reference, Instant openedAt) {
    }

    /**
     * Key: the remittance id. A bank credited a remittance to a collection account: amount as remitted,
     * bankFees the banks deducted, credited what arrived (amount - bankFees). orderId: the order whose
     * collection account received it (the supplier may still associate it with other orders).
     */
    public record RemittanceReceived(String remittanceId, String bankReference, String collectionAccount,
            String supplierId, String orderId, Money amount, Money bankFees, Money credited, String remitterName,
            String reference, LocalDate valueDate, Instant receivedAt) {
    }

    /**
     * Key: the order id. The supplier associated amount of a remittance with the order (bankFeeShare of
     * it was taken by the banks); orderAssociated is the order's running total, covered once it reaches
     * orderTotal.
     */
    public record RemittanceAssociated(String associationId, String remittanceId, String orderId, String supplierId,
            Money amount, Money bankFeeShare, Money orderAssociated, Money orderTotal, boolean covered,
            String associatedBy, Instant associatedAt) {
    }

    /** Key: the order id. An association undone (reason ORDER_CANCELLED): amount is back on the remittance. */
    public record RemittanceAssociationUndone(String associationId, String remittanceId, String orderId, String supplierId,
            Money amount, String reason, Instant undoneAt) {
    }

    /** Part of a refund on its way to the buyer: through a payment's channel, or by bank transfer to paidTo. */
    public record RefundPayout(String paymentId, String channel, Money amount, String paidTo) {
    }

    /**
     * Key: the order id. A refund case's amount was paid to the buyer: fromPending out of the
     * supplier's pending money for the order, fromAvailable out of its available balance (its
     * settlement currency), of which advanced (advance compensation) the platform paid and the
     * supplier owes. payBy: when it was due (refund-payment-within business days).
     */
    public record RefundPaid(String caseId, String orderId, String supplierId, String buyerId, String kind, Money amount,
            Money fromPending, Money fromAvailable, Money advanced, List<RefundPayout> payouts, Instant payBy,
            Instant paidAt) {
    }

    /** Key: the order id. e-Collection: the supplier's money lacks shortBy of an accepted refund; it is paid once it does not. */
    public record RefundAwaitingFunds(String caseId, String orderId, String supplierId, String buyerId, Money amount,
            Money shortBy, Instant since) {
    }

    /**
     * Key: the supplier id. The platform paid amount of a Trade Assurance refund the supplier's balance
     * could not cover; owed: all the supplier owes it now in that currency.
     */
    public record AdvanceCompensationPaid(String caseId, String orderId, String supplierId, Money amount, Money owed,
            Instant paidAt) {
    }

    /** Key: the supplier id. amount of what the supplier owed was recovered from the settlement of orderId; owed: what remains. */
    public record AdvanceRecovered(String supplierId, String orderId, Money amount, Money owed, Instant recoveredAt) {
    }
}
