package org.tradeorders.order.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tradeorders.order.domain.OrderState.*;
import static org.tradeorders.order.domain.OrderTrigger.*;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class OrderStateMachineTest {

    @ParameterizedTest
    @CsvSource({
            "DRAFT, SUBMIT, AWAITING_CONFIRMATION",
            "DRAFT, CANCEL, CANCELLED",
            "AWAITING_CONFIRMATION, CONFIRM, AWAITING_CREDIT",
            "AWAITING_CONFIRMATION, REQUEST_MODIFICATION, DRAFT",
            "AWAITING_CONFIRMATION, CONFIRMATION_TIMEOUT, CANCELLED",
            "AWAITING_CREDIT, CREDIT_RESERVED, AWAITING_PAYMENT",
            "AWAITING_CREDIT, CREDIT_REJECTED, DRAFT",
            "AWAITING_PAYMENT, INITIAL_PAYMENT_COVERED, IN_PRODUCTION",
            "AWAITING_PAYMENT, PAYMENT_TIMEOUT, CANCELLED",
            "IN_PRODUCTION, SHIP, SHIPPED",
            "IN_PRODUCTION, REFUND_BEFORE_SHIPMENT, CANCELLED",
            "SHIPPED, CONFIRM_RECEIPT, COMPLETED",
            "SHIPPED, RECEIPT_TIMEOUT, COMPLETED" })
    void allowedTransitions(OrderState from, OrderTrigger trigger, OrderState to) {
        assertThat(OrderStateMachine.next(OrderKind.TRADE_ASSURANCE, from, trigger)).contains(to);
    }

    @ParameterizedTest
    @EnumSource(value = OrderState.class, names = { "COMPLETED", "CANCELLED" })
    void terminalStatesHaveNoWayOut(OrderState terminal) {
        assertThat(terminal.isTerminal()).isTrue();
        for (OrderTrigger t : OrderTrigger.values()) {
            assertThat(OrderStateMachine.next(OrderKind.TRADE_ASSURANCE, terminal, t)).as(terminal + " on " + t).isEmpty();
        }
    }

    @Test
    void afterPaymentOnlyARefundCancels() {
        assertThat(OrderStateMachine.next(OrderKind.TRADE_ASSURANCE, IN_PRODUCTION, CANCEL)).isEmpty();
        assertThat(OrderStateMachine.next(OrderKind.TRADE_ASSURANCE, SHIPPED, CANCEL)).isEmpty();
        assertThat(OrderStateMachine.next(OrderKind.TRADE_ASSURANCE, AWAITING_CREDIT, CANCEL)).isEmpty();
    }

    @Test
    void cannotSkipConfirmationCreditOrPayment() {
        assertThat(OrderStateMachine.next(OrderKind.TRADE_ASSURANCE, DRAFT, CONFIRM)).isEmpty();
        assertThat(OrderStateMachine.next(OrderKind.TRADE_ASSURANCE, AWAITING_CONFIRMATION, CREDIT_RESERVED)).isEmpty();
        assertThat(OrderStateMachine.next(OrderKind.TRADE_ASSURANCE, AWAITING_CREDIT, INITIAL_PAYMENT_COVERED)).isEmpty();
        assertThat(OrderStateMachine.next(OrderKind.TRADE_ASSURANCE, AWAITING_PAYMENT, SHIP)).isEmpty();
        assertThat(OrderStateMachine.next(OrderKind.TRADE_ASSURANCE, IN_PRODUCTION, CONFIRM_RECEIPT)).isEmpty();
    }

    @Test
    void everyNonTerminalStateHasAWayForward() {
        for (OrderKind kind : OrderKind.values()) {
            for (OrderState s : OrderStateMachine.statesOf(kind)) {
                assertThat(OrderStateMachine.allowedFrom(kind, s).isEmpty()).as(kind + " " + s).isEqualTo(s.isTerminal());
            }
        }
    }

    @ParameterizedTest
    @CsvSource({
            "DRAFT, SUBMIT, AWAITING_CONFIRMATION",
            "DRAFT, CANCEL, CANCELLED",
            "AWAITING_CONFIRMATION, CONFIRM, AWAITING_REMITTANCE",
            "AWAITING_CONFIRMATION, REQUEST_MODIFICATION, DRAFT",
            "AWAITING_CONFIRMATION, CANCEL, CANCELLED",
            "AWAITING_REMITTANCE, REMITTANCE_COVERED, PAID",
            "AWAITING_REMITTANCE, CANCEL, CANCELLED",
            "PAID, SHIP, SHIPPED",
            "SHIPPED, CONFIRM_RECEIPT, COMPLETED" })
    void eCollectionTransitions(OrderState from, OrderTrigger trigger, OrderState to) {
        assertThat(OrderStateMachine.next(OrderKind.E_COLLECTION, from, trigger)).contains(to);
    }

    @Test
    void eCollectionNeverWaitsForCreditAndTradeAssuranceNeverForRemittances() {
        assertThat(OrderStateMachine.statesOf(OrderKind.E_COLLECTION)).doesNotContain(AWAITING_CREDIT, AWAITING_PAYMENT, IN_PRODUCTION);
        assertThat(OrderStateMachine.statesOf(OrderKind.TRADE_ASSURANCE)).doesNotContain(AWAITING_REMITTANCE, PAID);
        assertThat(OrderStateMachine.next(OrderKind.E_COLLECTION, PAID, CANCEL)).isEmpty();
        assertThat(OrderStateMachine.next(OrderKind.E_COLLECTION, AWAITING_CONFIRMATION, REMITTANCE_COVERED)).isEmpty();
    }
}
