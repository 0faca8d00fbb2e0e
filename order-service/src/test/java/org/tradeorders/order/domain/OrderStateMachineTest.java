package org.tradeorders.order.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tradeorders.order.domain.OrderState.*;
import static org.tradeorders.order.domain.OrderTrigger.*;

import java.util.EnumSet;
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
        assertThat(OrderStateMachine.next(from, trigger)).contains(to);
    }

    @ParameterizedTest
    @EnumSource(value = OrderState.class, names = { "COMPLETED", "CANCELLED" })
    void terminalStatesHaveNoWayOut(OrderState terminal) {
        assertThat(terminal.isTerminal()).isTrue();
        for (OrderTrigger t : OrderTrigger.values()) {
            assertThat(OrderStateMachine.next(terminal, t)).as(terminal + " on " + t).isEmpty();
        }
    }

    @Test
    void afterPaymentOnlyARefundCancels() {
        assertThat(OrderStateMachine.next(IN_PRODUCTION, CANCEL)).isEmpty();
        assertThat(OrderStateMachine.next(SHIPPED, CANCEL)).isEmpty();
        assertThat(OrderStateMachine.next(AWAITING_CREDIT, CANCEL)).isEmpty();
    }

    @Test
    void cannotSkipConfirmationCreditOrPayment() {
        assertThat(OrderStateMachine.next(DRAFT, CONFIRM)).isEmpty();
        assertThat(OrderStateMachine.next(AWAITING_CONFIRMATION, CREDIT_RESERVED)).isEmpty();
        assertThat(OrderStateMachine.next(AWAITING_CREDIT, INITIAL_PAYMENT_COVERED)).isEmpty();
        assertThat(OrderStateMachine.next(AWAITING_PAYMENT, SHIP)).isEmpty();
        assertThat(OrderStateMachine.next(IN_PRODUCTION, CONFIRM_RECEIPT)).isEmpty();
    }

    @Test
    void everyNonTerminalStateHasAWayForward() {
        EnumSet<OrderState> open = EnumSet.complementOf(EnumSet.of(COMPLETED, CANCELLED));
        for (OrderState s : open) {
            assertThat(OrderStateMachine.allowedFrom(s)).as(s.name()).isNotEmpty();
        }
    }
}
