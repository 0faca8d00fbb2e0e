package org.tradeorders.order.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.tradeorders.order.domain.OrderBuilder.NOW;
import static org.tradeorders.order.domain.OrderBuilder.aTradeAssuranceOrder;
import static org.tradeorders.order.domain.OrderBuilder.anECollectionOrder;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tradeorders.platform.domain.InvalidInput;
import org.tradeorders.platform.domain.RuleViolation;
import org.tradeorders.platform.money.Money;

/** The order guards its own changes: each rule of shared/domain.md, without booting anything. */
class OrderAggregateTest {
    private static final Instant LATER = NOW.plus(Duration.ofHours(1));

    private static void refused(Runnable change, String slug) {
        assertThatThrownBy(change::run).isInstanceOfSatisfying(RuleViolation.class,
                e -> assertThat(e.slug()).isEqualTo(slug));
    }

    private static Money usd(String amount) {
        return new Money(new BigDecimal(amount), "USD");
    }

    @Test
    void onlyTheInitiatorSubmitsAndSubmittingClearsWhyTheOrderCameBack() {
        Order order = aTradeAssuranceOrder().build();
        order.returnReason = "CREDIT_LIMIT_EXCEEDED";
        refused(() -> order.submit(Party.BUYER, LATER), "not-initiator");
        order.submit(Party.SUPPLIER, LATER);
        assertThat(order.state).isEqualTo(OrderState.AWAITING_CONFIRMATION);
        assertThat(order.returnReason).isNull();
        assertThat(order.updatedAt).isEqualTo(LATER);
    }

    @Test
    void theCounterpartyConfirmsTheVersionItReadAndNoOther() {
        Order order = aTradeAssuranceOrder().in(OrderState.AWAITING_CONFIRMATION).atVersion(2).build();
        order.modificationNote = "lower the price";
        refused(() -> order.confirm(Party.SUPPLIER, 2, LATER), "not-counterparty");
        refused(() -> order.confirm(Party.BUYER, 1, LATER), "stale-version");
        assertThat(order.state).isEqualTo(OrderState.AWAITING_CONFIRMATION);
        order.confirm(Party.BUYER, 2, LATER);
        assertThat(order.state).isEqualTo(OrderState.AWAITING_CREDIT);
        assertThat(order.modificationNote).isNull();
    }

    @Test
    void aBuyersDraftIsConfirmedOnlyOnceTheSupplierCompletedItsTerms() {
        Order order = aTradeAssuranceOrder().initiatedByTheBuyer().in(OrderState.AWAITING_CONFIRMATION).build();
        refused(() -> order.confirm(Party.SUPPLIER, 1, LATER), "terms-incomplete");
        order.supplierCompletedTerms = true;
        order.confirm(Party.SUPPLIER, 1, LATER);
        assertThat(order.state).isEqualTo(OrderState.AWAITING_CREDIT);
    }

    @Test
    void anECollectionOrderIsConfirmedOnlyOnceItsCollectionAccountIsOpen() {
        Order order = anECollectionOrder().in(OrderState.AWAITING_CONFIRMATION).build();
        refused(() -> order.confirm(Party.BUYER, 1, LATER), "collection-account-pending");
        order.collectionAccount = "VA-1";
        order.confirm(Party.BUYER, 1, LATER);
        assertThat(order.state).isEqualTo(OrderState.AWAITING_REMITTANCE);
    }

    @Test
    void aStepTheTransitionTableDoesNotAllowIsRefusedAndChangesNothing() {
        Order order = aTradeAssuranceOrder().in(OrderState.IN_PRODUCTION).build();
        refused(() -> order.requestModification(Party.BUYER, "change it", LATER), "invalid-transition");
        assertThat(order.state).isEqualTo(OrderState.IN_PRODUCTION);
        assertThat(order.modificationNote).isNull();
        assertThat(order.updatedAt).isEqualTo(NOW);
    }

    @Test
    void theSupplierChangesTermsOnlyBeforeConfirmationAndAnECollectionOrderOnlyInDraft() {
        refused(() -> aTradeAssuranceOrder().in(OrderState.AWAITING_CREDIT).build().requireTermsOpenToSupplier(),
                "terms-fixed");
        aTradeAssuranceOrder().in(OrderState.AWAITING_CONFIRMATION).build().requireTermsOpenToSupplier();
        refused(() -> anECollectionOrder().in(OrderState.AWAITING_CONFIRMATION).build().requireTermsOpenToSupplier(),
                "terms-fixed");
        anECollectionOrder().build().requireTermsOpenToSupplier();
    }

    @Test
    void aBuyerEditsOnlyADraftItInitiated() {
        refused(() -> aTradeAssuranceOrder().build().requireBuyersDraft(), "not-buyer-draft");
        refused(() -> aTradeAssuranceOrder().initiatedByTheBuyer().in(OrderState.AWAITING_CONFIRMATION).build()
                .requireBuyersDraft(), "not-buyer-draft");
        aTradeAssuranceOrder().initiatedByTheBuyer().build().requireBuyersDraft();
    }

    @Test
    void aNewVersionIsRepricedAndNumbered() {
        Order order = aTradeAssuranceOrder().build();
        order.lines.get(0).quantity = 2000;
        order.newVersion(LATER);
        assertThat(order.termsVersion).isEqualTo(2);
        assertThat(order.total).isEqualByComparingTo("24850.00");
        assertThat(order.installments.get(0).amount).isEqualByComparingTo("7455.00");
    }

    @Test
    void aPartyCancelsOnlyBeforeAnyPaymentAndTheCancelRemembersTheStateItLeft() {
        Order paid = aTradeAssuranceOrder().in(OrderState.AWAITING_PAYMENT).build();
        paid.recordPayment(1, usd("100.00"), LATER);
        refused(() -> paid.cancelByParty(LATER), "paid-order");
        assertThat(paid.state).isEqualTo(OrderState.AWAITING_PAYMENT);

        Order unpaid = aTradeAssuranceOrder().in(OrderState.AWAITING_PAYMENT).build();
        assertThat(unpaid.cancelByParty(LATER)).isEqualTo(OrderState.AWAITING_PAYMENT);
        assertThat(unpaid.state).isEqualTo(OrderState.CANCELLED);
    }

    @Test
    void paymentsAccumulatePerInstallmentOnlyInTheOrdersCurrency() {
        Order order = aTradeAssuranceOrder().in(OrderState.AWAITING_PAYMENT).build();
        assertThat(order.recordPayment(1, new Money(new BigDecimal("3750.00"), "EUR"), LATER)).isNull();
        assertThat(order.recordPayment(9, usd("3750.00"), LATER)).isNull();
        order.recordPayment(1, usd("3000.00"), LATER);
        assertThat(order.plan().initialPaymentCovered()).isFalse();
        Installment deposit = order.recordPayment(1, usd("750.00"), LATER);
        assertThat(deposit.paid).isEqualByComparingTo("3750.00");
        assertThat(order.plan().initialPaymentCovered()).isTrue();
        assertThat(order.plan().paidForShipment()).isFalse();
    }

    @Test
    void productionTurnsShipWithinDaysIntoADeadlineFromThatDay() {
        Order order = aTradeAssuranceOrder().shippingWithinDays(20).in(OrderState.AWAITING_PAYMENT).build();
        order.startProduction(OrderTrigger.INITIAL_PAYMENT_COVERED, NOW);
        assertThat(order.state).isEqualTo(OrderState.IN_PRODUCTION);
        assertThat(order.shipment.deadline).isEqualTo(LocalDate.parse("2026-12-21"));
        assertThat(order.shipment.dueAt()).isEqualTo(Instant.parse("2026-12-22T00:00:00Z"));
    }

    @Test
    void readinessToShipIsAnnouncedOnceWhenEverythingDueBeforeShipmentIsPaid() {
        Order order = aTradeAssuranceOrder().in(OrderState.IN_PRODUCTION).build();
        order.recordPayment(1, usd("3750.00"), LATER);
        assertThat(order.becomesReadyToShip()).isFalse();
        order.recordPayment(2, usd("8750.00"), LATER);
        assertThat(order.becomesReadyToShip()).isTrue();
        assertThat(order.becomesReadyToShip()).isFalse();
    }

    @Test
    void theShipmentDeadlineMovesOnlyByAgreementAndNeverBeyondTheLimit() {
        Order order = aTradeAssuranceOrder().in(OrderState.IN_PRODUCTION).build();
        refused(() -> order.answerShipmentExtension(true, LATER), "no-proposal");
        refused(() -> order.proposeShipmentExtension(91, 90, LATER), "extension-limit");
        order.proposeShipmentExtension(60, 90, LATER);
        assertThat(order.answerShipmentExtension(false, LATER)).isZero();
        assertThat(order.shipment.deadline).isEqualTo(LocalDate.parse("2027-01-31"));
        order.proposeShipmentExtension(60, 90, LATER);
        assertThat(order.answerShipmentExtension(true, LATER)).isEqualTo(60);
        assertThat(order.shipment.deadline).isEqualTo(LocalDate.parse("2027-04-01"));
        refused(() -> order.proposeShipmentExtension(31, 90, LATER), "extension-limit");
        refused(() -> aTradeAssuranceOrder().in(OrderState.SHIPPED).build().proposeShipmentExtension(1, 90, LATER),
                "not-in-production");
    }

    @Test
    void shippingOpensTheReceivingWindowAndDatesEachBalanceDueAfterShipment() {
        Order order = aTradeAssuranceOrder().withoutInstallments().installment("30", InstallmentDue.BEFORE_PRODUCTION, null)
                .installment("70", InstallmentDue.AFTER_SHIPMENT, 45).in(OrderState.IN_PRODUCTION).build();
        order.ship(Duration.ofDays(30), NOW);
        assertThat(order.state).isEqualTo(OrderState.SHIPPED);
        assertThat(order.receiving.dueAt).isEqualTo(NOW.plus(Duration.ofDays(30)));
        assertThat(order.installments.get(1).dueAt).isEqualTo(NOW.plus(Duration.ofDays(45)));
        assertThat(order.plan().nextBalanceDue()).contains(NOW.plus(Duration.ofDays(45)));
        assertThat(order.plan().overdueBalances(NOW.plus(Duration.ofDays(45)))).hasSize(1);
    }

    @Test
    void eachPartyExtendsTheReceivingWindowOnceByAtMostTheLimit() {
        Order order = aTradeAssuranceOrder().in(OrderState.IN_PRODUCTION).build();
        refused(() -> order.extendReceivingWindow(Party.BUYER, 5, 15, LATER), "not-shipped");
        order.ship(Duration.ofDays(30), NOW);
        assertThatThrownBy(() -> order.extendReceivingWindow(Party.BUYER, 16, 15, LATER))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fields()).extracting(InvalidInput.Field::name)
                        .containsExactly("days"));
        order.extendReceivingWindow(Party.BUYER, 15, 15, LATER);
        refused(() -> order.extendReceivingWindow(Party.BUYER, 1, 15, LATER), "already-extended");
        order.extendReceivingWindow(Party.SUPPLIER, 5, 15, LATER);
        assertThat(order.receiving.dueAt).isEqualTo(NOW.plus(Duration.ofDays(50)));
    }

    @Test
    void aTradeAssurancePlanAddsUpTo100WithAnInitialPaymentAndDaysOnlyAfterShipment() {
        Order plan = aTradeAssuranceOrder().withoutInstallments().installment("40", InstallmentDue.BEFORE_SHIPMENT, 10)
                .installment("50", InstallmentDue.AFTER_SHIPMENT, null).build();
        assertThat(InstallmentPlan.violations(OrderKind.TRADE_ASSURANCE, plan.installments))
                .extracting(InvalidInput.Field::name, InvalidInput.Field::reason).containsExactly(
                        tuple("installments[0].dueDays", "applies only to an installment due AFTER_SHIPMENT"),
                        tuple("installments[1].dueDays",
                                "is required for an installment due AFTER_SHIPMENT (days after shipment)"),
                        tuple("installments", "percentages add up to 90, not 100"),
                        tuple("installments",
                                "need an initial payment (an installment due BEFORE_PRODUCTION)"));
        assertThat(InstallmentPlan.violations(OrderKind.TRADE_ASSURANCE, List.of()))
                .extracting(InvalidInput.Field::reason).containsExactly("must not be empty");
        assertThat(InstallmentPlan.violations(OrderKind.TRADE_ASSURANCE, aTradeAssuranceOrder().build().installments)).isEmpty();
    }

    @Test
    void anECollectionOrderTakesNoPlanAndKeepsWhatWasRemittedThroughARevision() {
        assertThat(InstallmentPlan.violations(OrderKind.E_COLLECTION, aTradeAssuranceOrder().build().installments))
                .extracting(InvalidInput.Field::name).containsExactly("installments");
        Order order = anECollectionOrder().build();
        order.recordPayment(1, usd("5000.00"), LATER);
        order.replaceInstallments(List.of());
        order.newVersion(LATER);
        assertThat(order.installments).singleElement().satisfies(in -> {
            assertThat(in.percent).isEqualByComparingTo("100");
            assertThat(in.paid).isEqualByComparingTo("5000.00");
            assertThat(in.amount).isEqualByComparingTo("12500.00");
        });
        assertThat(order.remittancesCover()).isFalse();
        order.recordPayment(1, usd("7500.00"), LATER);
        assertThat(order.remittancesCover()).isTrue();
        order.undoPayment(1, usd("20000.00"), LATER);
        assertThat(order.plan().paid()).isEqualByComparingTo("0");
    }
}
