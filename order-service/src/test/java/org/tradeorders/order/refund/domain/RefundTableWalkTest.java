package org.tradeorders.order.refund.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tradeorders.order.domain.OrderBuilder.NOW;
import static org.tradeorders.order.domain.OrderBuilder.aTradeAssuranceOrder;
import static org.tradeorders.order.domain.OrderBuilder.anECollectionOrder;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.tradeorders.order.domain.Order;
import org.tradeorders.order.domain.OrderKind;
import org.tradeorders.order.domain.OrderState;
import org.tradeorders.order.domain.Party;
import org.tradeorders.platform.domain.RuleViolation;
import org.tradeorders.platform.money.Money;

/**
 * Every edge of the refund case's transition table, for both kinds, taken through the aggregate's
 * own methods (as the rooms call them): each allowed trigger moves the case where the table says,
 * and every other one is refused with invalid-transition, leaving the case as it was.
 */
class RefundTableWalkTest {
    private static final RefundRules RULES = new TestRefundRules();
    private static final Instant THEN = NOW.plus(Duration.ofDays(3));

    private static Money usd(String amount) {
        return new Money(new BigDecimal(amount), "USD");
    }

    private static RefundCase opened(OrderKind kind) {
        Order order = (kind == OrderKind.TRADE_ASSURANCE ? aTradeAssuranceOrder() : anECollectionOrder())
                .in(OrderState.SHIPPED).build();
        order.recordPayment(1, usd(kind == OrderKind.TRADE_ASSURANCE ? "3750.00" : "5000.00"), NOW);
        return RefundCase.open(order, Party.BUYER, RefundReason.NOT_AS_AGREED, usd("2000.00"), "cracked",
                new RefundCoverage(RULES), RULES, NOW);
    }

    /** A case of {@code kind} brought to {@code state} by the shortest path, or empty if the kind never reaches it. */
    private static Optional<RefundCase> inState(OrderKind kind, RefundState state) {
        RefundCase c = opened(kind);
        try {
            reach(c, state);
        } catch (RuleViolation unreachable) {
            return Optional.empty();
        }
        return c.state == state ? Optional.of(c) : Optional.empty();
    }

    private static void reach(RefundCase c, RefundState state) {
        switch (state) {
            case REQUESTED -> { }
            case COUNTER_OFFERED -> fire(c, RefundTrigger.COUNTER_OFFER);
            case REJECTED -> fire(c, RefundTrigger.REJECT);
            case AGREED -> fire(c, RefundTrigger.ACCEPT);
            case WITHDRAWN -> fire(c, RefundTrigger.WITHDRAW);
            case ESCALATED -> fire(c, RefundTrigger.ESCALATE);
            case DECIDED -> {
                fire(c, RefundTrigger.ESCALATE);
                fire(c, RefundTrigger.DECIDE_REFUND);
            }
            case CLOSED -> {
                fire(c, RefundTrigger.ESCALATE);
                fire(c, RefundTrigger.DECIDE_NO_REFUND);
            }
            case PAID -> {
                fire(c, RefundTrigger.ACCEPT);
                fire(c, RefundTrigger.PAY);
            }
        }
    }

    /** The trigger, as the party it belongs to would pull it. */
    private static void fire(RefundCase c, RefundTrigger trigger) {
        Map<RefundTrigger, Consumer<RefundCase>> moves = Map.ofEntries(
                Map.entry(RefundTrigger.ACCEPT, x -> x.accept(Party.SUPPLIER, THEN)),
                Map.entry(RefundTrigger.REJECT, x -> x.reject(Party.SUPPLIER, "as agreed", THEN)),
                Map.entry(RefundTrigger.COUNTER_OFFER, x -> x.counterOffer(Party.SUPPLIER, usd("100.00"), "less", THEN)),
                Map.entry(RefundTrigger.ACCEPT_COUNTER_OFFER, x -> x.acceptCounterOffer(Party.BUYER, THEN)),
                Map.entry(RefundTrigger.REVISE, x -> x.revise(Party.BUYER, usd("1500.00"), null, RULES, THEN)),
                Map.entry(RefundTrigger.WITHDRAW, x -> x.withdraw(Party.BUYER, THEN)),
                Map.entry(RefundTrigger.ESCALATE, x -> x.escalate(Party.BUYER, RULES, THEN)),
                Map.entry(RefundTrigger.AUTO_ESCALATE, x -> {
                    if (!x.autoEscalate(RULES, THEN)) {
                        throw new RuleViolation("invalid-transition", "not escalated by itself");
                    }
                }),
                Map.entry(RefundTrigger.DECIDE_REFUND, x -> x.decide("OPS-1", usd("800.00"), "photos", THEN)),
                Map.entry(RefundTrigger.DECIDE_NO_REFUND, x -> x.decide("OPS-1", usd("0"), "as agreed", THEN)),
                Map.entry(RefundTrigger.PAY, x -> {
                    if (!x.paid(THEN, THEN)) {
                        throw new RuleViolation("invalid-transition", "paid already");
                    }
                }));
        assertThat(moves).containsOnlyKeys(RefundTrigger.values());
        moves.get(trigger).accept(c);
    }

    @Test
    void everyAllowedTriggerMovesTheCaseWhereTheTableSaysAndEveryOtherIsRefused() {
        int walked = 0;
        for (OrderKind kind : OrderKind.values()) {
            for (RefundState from : RefundState.values()) {
                for (RefundTrigger trigger : RefundTrigger.values()) {
                    Optional<RefundCase> reached = inState(kind, from);
                    if (reached.isEmpty()) {
                        assertThat(RefundStateMachine.allowedFrom(kind, from)).as(kind + " never reaches " + from).isEmpty();
                        continue;
                    }
                    RefundCase c = reached.get();
                    Optional<RefundState> to = RefundStateMachine.next(kind, from, trigger);
                    if (to.isPresent()) {
                        fire(c, trigger);
                        assertThat(c.state).as(kind + ": " + from + " --" + trigger + "->").isEqualTo(to.get());
                        walked++;
                    } else {
                        assertThatThrownBy(() -> fire(c, trigger)).as(kind + ": " + from + " --" + trigger)
                                .isInstanceOfSatisfying(RuleViolation.class,
                                        e -> assertThat(e.slug()).isEqualTo("invalid-transition"));
                        assertThat(c.state).isEqualTo(from);
                    }
                }
            }
        }
        assertThat(walked).as("the table's edges, all of them walked").isEqualTo(26); // 21 Trade Assurance, 5 e-Collection
    }
}
