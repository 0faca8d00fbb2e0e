package org.tradeorders.order.refund.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tradeorders.order.domain.OrderBuilder.NOW;
import static org.tradeorders.order.domain.OrderBuilder.aTradeAssuranceOrder;
import static org.tradeorders.order.domain.OrderBuilder.anECollectionOrder;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tradeorders.order.domain.InstallmentDue;
import org.tradeorders.order.domain.Order;
import org.tradeorders.order.domain.OrderKind;
import org.tradeorders.order.domain.OrderState;
import org.tradeorders.order.domain.Party;
import org.tradeorders.platform.domain.InvalidInput;
import org.tradeorders.platform.domain.RuleViolation;
import org.tradeorders.platform.money.Money;

/** A refund case guards its own moves: each path through its table, and what the order lets it claim. */
class RefundCaseTest {
    private static final RefundRules RULES = new TestRefundRules();
    private static final RefundCoverage COVERAGE = new RefundCoverage(RULES);
    private static final Instant LATER = NOW.plus(Duration.ofDays(1));

    private static Money usd(String amount) {
        return new Money(new BigDecimal(amount), "USD");
    }

    private static void refused(Runnable change, String slug) {
        assertThatThrownBy(change::run).isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.slug()).isEqualTo(slug));
    }

    private static void invalid(Runnable change, String field) {
        assertThatThrownBy(change::run).isInstanceOfSatisfying(InvalidInput.class,
                e -> assertThat(e.fields()).extracting(InvalidInput.Field::name).containsExactly(field));
    }

    /** A Trade Assurance order of 12,500.00 (150.00 of it freight), shipped, with everything paid. */
    private static Order shippedAndPaid() {
        Order order = aTradeAssuranceOrder().in(OrderState.SHIPPED).build();
        order.recordPayment(1, usd("3750.00"), NOW);
        order.recordPayment(2, usd("8750.00"), NOW);
        return order;
    }

    private static RefundCase opened(Order order, RefundReason reason, String amount) {
        return RefundCase.open(order, Party.BUYER, reason, usd(amount), "12 panels cracked", COVERAGE, RULES, NOW);
    }

    @Test
    void onlyTheBuyerOpensACaseAndOnlyOnceSomethingWasPaid() {
        refused(() -> RefundCase.open(shippedAndPaid(), Party.SUPPLIER, RefundReason.NOT_AS_AGREED, usd("100.00"), "x",
                COVERAGE, RULES, NOW), "not-buyer");
        Order unpaid = aTradeAssuranceOrder().in(OrderState.AWAITING_PAYMENT).build();
        refused(() -> opened(unpaid, RefundReason.LATE_SHIPMENT, "100.00"), "nothing-paid");
    }

    @Test
    void aClaimAfterShipmentCoversWhatWasPaidButNeverTheFreight() {
        RefundCase c = opened(shippedAndPaid(), RefundReason.NOT_AS_AGREED, "12350.00");
        assertThat(c.coverage).isEqualByComparingTo("12350.00");
        assertThat(c.state).isEqualTo(RefundState.REQUESTED);
        assertThat(c.responseDueAt).isEqualTo(NOW.plus(Duration.ofDays(3)));
        assertThat(c.escalationAllowedAt).isEqualTo(NOW.plus(Duration.ofDays(3)));
        assertThat(c.autoEscalateAt).isEqualTo(NOW.plus(Duration.ofDays(7)));
        invalid(() -> opened(shippedAndPaid(), RefundReason.NOT_AS_AGREED, "12350.01"), "amount.amount");
        invalid(() -> RefundCase.open(shippedAndPaid(), Party.BUYER, RefundReason.NOT_AS_AGREED,
                new Money(new BigDecimal("100.00"), "EUR"), "x", COVERAGE, RULES, NOW), "amount.currency");
    }

    @Test
    void aLateShipmentIsClaimedOnlyOnceTheDeadlinePassedAndCoversWhatWasPaidBeforeShipment() {
        Order order = aTradeAssuranceOrder().withoutInstallments().installment("30", InstallmentDue.BEFORE_PRODUCTION, null)
                .installment("70", InstallmentDue.AFTER_SHIPMENT, 30).in(OrderState.IN_PRODUCTION).build();
        order.recordPayment(1, usd("3750.00"), NOW);
        Instant deadlinePassed = order.shipment.dueAt().plusSeconds(1);
        refused(() -> RefundCase.open(order, Party.BUYER, RefundReason.LATE_SHIPMENT, usd("100.00"), "late", COVERAGE,
                RULES, order.shipment.dueAt().minusSeconds(1)), "not-late");
        RefundCase c = RefundCase.open(order, Party.BUYER, RefundReason.LATE_SHIPMENT, usd("3750.00"), "late", COVERAGE,
                RULES, deadlinePassed);
        assertThat(c.coverage).isEqualByComparingTo("3750.00");
        // a deadline the buyer agreed to extend is the deadline
        order.shipment.deadline = order.shipment.deadline.plusDays(30);
        refused(() -> RefundCase.open(order, Party.BUYER, RefundReason.LATE_SHIPMENT, usd("100.00"), "late", COVERAGE,
                RULES, deadlinePassed), "not-late");
        refused(() -> opened(shippedAndPaid(), RefundReason.LATE_SHIPMENT, "100.00"), "not-late");
    }

    @Test
    void aClaimAfterDeliveryIsPossibleForTheClaimWindowAfterReceiptWasConfirmed() {
        Order order = shippedAndPaid();
        order.state = OrderState.COMPLETED;
        order.receiving.confirmedAt = NOW.minus(Duration.ofDays(30));
        assertThat(opened(order, RefundReason.QUANTITY_SHORT, "500.00").coverage).isEqualByComparingTo("12350.00");
        order.receiving.confirmedAt = NOW.minus(Duration.ofDays(30)).minusSeconds(1);
        refused(() -> opened(order, RefundReason.QUANTITY_SHORT, "500.00"), "claim-window-closed");
        Order producing = aTradeAssuranceOrder().in(OrderState.IN_PRODUCTION).build();
        producing.recordPayment(1, usd("3750.00"), NOW);
        refused(() -> opened(producing, RefundReason.NOT_RECEIVED, "100.00"), "not-shipped");
    }

    @Test
    void theSupplierAcceptsAndTheRequestedAmountIsToBePaid() {
        RefundCase c = opened(shippedAndPaid(), RefundReason.NOT_AS_AGREED, "2000.00");
        refused(() -> c.accept(Party.BUYER, LATER), "not-supplier");
        c.accept(Party.SUPPLIER, LATER);
        assertThat(c.state).isEqualTo(RefundState.AGREED);
        assertThat(c.toPay).isEqualByComparingTo("2000.00");
        assertThat(c.lostBySupplier(RULES)).isTrue();
        assertThat(c.paid(LATER, LATER)).isTrue();
        assertThat(c.state).isEqualTo(RefundState.PAID);
        assertThat(c.paidAt).isEqualTo(LATER);
        assertThat(c.isOpen()).isFalse();
        assertThat(c.paid(LATER, LATER)).as("a second report of the payment changes nothing").isFalse();
    }

    @Test
    void aCounterOfferTheBuyerAcceptsIsTheRefundAndAtHalfTheClaimOrLessTheSupplierDidNotLose() {
        RefundCase c = opened(shippedAndPaid(), RefundReason.QUANTITY_SHORT, "2000.00");
        invalid(() -> c.counterOffer(Party.SUPPLIER, usd("2000.00"), "too much", LATER), "amount.amount");
        c.counterOffer(Party.SUPPLIER, usd("1000.00"), "10 of the 20 cartons arrived", LATER);
        assertThat(c.state).isEqualTo(RefundState.COUNTER_OFFERED);
        refused(() -> c.acceptCounterOffer(Party.SUPPLIER, LATER), "not-buyer");
        c.acceptCounterOffer(Party.BUYER, LATER);
        assertThat(c.toPay).isEqualByComparingTo("1000.00");
        assertThat(c.lostBySupplier(RULES)).isFalse();
    }

    @Test
    void aRevisionAsksTheSupplierAnewAndAWithdrawnCaseIsOver() {
        RefundCase c = opened(shippedAndPaid(), RefundReason.NOT_AS_AGREED, "2000.00");
        c.reject(Party.SUPPLIER, "the panels left intact", LATER);
        assertThat(c.state).isEqualTo(RefundState.REJECTED);
        assertThat(c.isOpen()).isTrue(); // Trade Assurance: the buyer may still escalate
        c.revise(Party.BUYER, usd("1500.00"), null, RULES, LATER);
        assertThat(c.state).isEqualTo(RefundState.REQUESTED);
        assertThat(c.requested).isEqualByComparingTo("1500.00");
        assertThat(c.firstClaim).isEqualByComparingTo("2000.00");
        assertThat(c.supplierNote).isNull();
        assertThat(c.responseDueAt).isEqualTo(LATER.plus(Duration.ofDays(3)));
        c.withdraw(Party.BUYER, LATER);
        assertThat(c.state).isEqualTo(RefundState.WITHDRAWN);
        assertThat(c.isOpen()).isFalse();
        refused(() -> c.accept(Party.SUPPLIER, LATER), "invalid-transition");
    }

    @Test
    void theBuyerEscalatesFromDayThreeOrTheCaseEscalatesByItselfOnDaySevenAndAnOperatorDecides() {
        RefundCase early = opened(shippedAndPaid(), RefundReason.NOT_AS_AGREED, "2000.00");
        refused(() -> early.escalate(Party.BUYER, RULES, NOW.plus(Duration.ofDays(3)).minusSeconds(1)),
                "too-early-to-escalate");
        early.escalate(Party.BUYER, RULES, NOW.plus(Duration.ofDays(3)));
        assertThat(early.state).isEqualTo(RefundState.ESCALATED);
        assertThat(early.evidenceDueAt).isEqualTo(NOW.plus(Duration.ofDays(6)));
        assertThat(early.autoEscalate(RULES, NOW.plus(Duration.ofDays(7)))).isFalse();
        // both parties add evidence until the evidence due time, not after
        early.requireEvidenceOpen(NOW.plus(Duration.ofDays(6)).minusSeconds(1));
        refused(() -> early.requireEvidenceOpen(NOW.plus(Duration.ofDays(6))), "evidence-closed");

        RefundCase ignored = opened(shippedAndPaid(), RefundReason.NOT_AS_AGREED, "2000.00");
        assertThat(ignored.autoEscalate(RULES, NOW.plus(Duration.ofDays(7)))).isTrue();
        invalid(() -> ignored.decide("OPS-1", usd("12350.01"), "more than covered", LATER), "amount.amount");
        ignored.decide("OPS-1", usd("800.00"), "photos show 8 cracked panels", LATER);
        assertThat(ignored.state).isEqualTo(RefundState.DECIDED);
        assertThat(ignored.toPay).isEqualByComparingTo("800.00");
        assertThat(ignored.lostBySupplier(RULES)).isTrue();
        refused(() -> ignored.decide("OPS-2", usd("900.00"), "again", LATER), "invalid-transition");
    }

    @Test
    void aDecisionWithoutRefundClosesTheCase() {
        RefundCase c = opened(shippedAndPaid(), RefundReason.NOT_RECEIVED, "2000.00");
        c.autoEscalate(RULES, NOW.plus(Duration.ofDays(7)));
        c.decide("OPS-1", usd("0"), "the carrier confirms delivery", LATER);
        assertThat(c.state).isEqualTo(RefundState.CLOSED);
        assertThat(c.toPay).isNull();
        assertThat(c.isOpen()).isFalse();
    }

    @Test
    void anECollectionRefundHappensOnlyByTheSuppliersAcceptanceAndARefusalIsFinal() {
        Order order = anECollectionOrder().in(OrderState.SHIPPED).build();
        order.recordPayment(1, usd("5000.00"), NOW);
        RefundCase c = opened(order, RefundReason.NOT_AS_AGREED, "5000.00");
        assertThat(c.kind).isEqualTo(OrderKind.E_COLLECTION);
        assertThat(c.coverage).isEqualByComparingTo("5000.00"); // what the remittances paid
        assertThat(c.escalationAllowedAt).isNull();
        assertThat(c.autoEscalateAt).isNull();
        refused(() -> c.counterOffer(Party.SUPPLIER, usd("100.00"), "x", LATER), "invalid-transition");
        refused(() -> c.escalate(Party.BUYER, RULES, NOW.plus(Duration.ofDays(5))), "invalid-transition");
        assertThat(c.autoEscalate(RULES, NOW.plus(Duration.ofDays(8)))).isFalse();
        c.reject(Party.SUPPLIER, "as agreed", LATER);
        assertThat(c.isOpen()).isFalse();
    }

    @Test
    void everyStateOfEachKindIsReachableAndOnlyTheFinalOnesAreClosed() {
        assertThat(RefundStateMachine.isOpen(OrderKind.TRADE_ASSURANCE, RefundState.REJECTED)).isTrue();
        assertThat(RefundStateMachine.isOpen(OrderKind.E_COLLECTION, RefundState.REJECTED)).isFalse();
        for (RefundState s : new RefundState[] {RefundState.PAID, RefundState.WITHDRAWN, RefundState.CLOSED}) {
            assertThat(RefundStateMachine.isOpen(OrderKind.TRADE_ASSURANCE, s)).isFalse();
        }
        assertThat(RefundStateMachine.allowedFrom(OrderKind.E_COLLECTION, RefundState.ESCALATED)).isEmpty();
    }

    @Test
    void refundsArePaidWithinBusinessDaysSkippingWeekendsAndHolidays() {
        BusinessDays days = new BusinessDays(RULES.holidays().orElse(Set.of()));
        // Tuesday 2026-12-22: the 23rd, 24th, (25th a holiday, 26th-27th a weekend) 28th, 29th, 30th, 31st, 2027-01-01
        assertThat(days.endOfBusinessDaysAfter(Instant.parse("2026-12-22T15:00:00Z"), 7))
                .isEqualTo(Instant.parse("2027-01-02T00:00:00Z"));
        assertThat(days.isBusinessDay(LocalDate.parse("2026-12-26"))).isFalse();
        assertThat(days.isBusinessDay(LocalDate.parse("2026-12-28"))).isTrue();
    }

    @Test
    void onlyAnUnresolvedNotReceivedDisputeHoldsTheAutomaticReceiptConfirmation() {
        RefundCase c = opened(shippedAndPaid(), RefundReason.NOT_RECEIVED, "100.00");
        assertThat(c.holdsReceipt()).isTrue();
        c.reject(Party.SUPPLIER, "the carrier delivered it", LATER);
        assertThat(c.holdsReceipt()).isTrue();
        c.autoEscalate(RULES, NOW.plus(Duration.ofDays(7)));
        assertThat(c.holdsReceipt()).isTrue();
        c.decide("OPS-1", usd("100.00"), "lost in transit", LATER);
        assertThat(c.holdsReceipt()).isFalse();
        assertThat(opened(shippedAndPaid(), RefundReason.NOT_AS_AGREED, "100.00").holdsReceipt()).isFalse();
    }
}
