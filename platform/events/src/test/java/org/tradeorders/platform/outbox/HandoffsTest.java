package org.tradeorders.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HandoffsTest {
    private final Handoffs handoffs = new Handoffs();

    @BeforeEach
    void openTheRelay() {
        handoffs.open();
    }

    private static Handoffs.Event event(long seq, String aggregate) {
        return new Handoffs.Event(seq, "event-" + seq, "tradeorders.OrderConfirmed.v1", aggregate, "orders", "{}",
                Instant.EPOCH, null);
    }

    private boolean handOff(long seq, String aggregate, Long... olderUnpublished) {
        return handoffs.handOff(List.of(event(seq, aggregate)), handoffs.admit(List.of(olderUnpublished)));
    }

    private List<Long> drained() {
        return handoffs.drain().stream().map(Handoffs.Event::seq).toList();
    }

    @Test
    void anEventWithNothingOlderUnpublishedIsHandedOffAndSentInTheOrderItCame() {
        assertThat(handOff(3, "order-a")).isTrue();
        assertThat(handOff(1, "order-b")).isTrue();

        assertThat(drained()).containsExactly(3L, 1L);
        assertThat(handoffs.hasQueued()).isFalse();
    }

    @Test
    void anEventBehindAnOlderEventThisRelayDoesNotKnowIsLeftToTheDatabaseRound() {
        assertThat(handoffs.admit(List.of(7L))).isEqualTo(Handoffs.REFUSED);
        assertThat(handoffs.handOff(List.of(event(8, "order-a")), Handoffs.REFUSED)).isFalse();
        assertThat(handoffs.hasQueued()).isFalse();
    }

    @Test
    void anEventBehindQueuedSentOrAcknowledgedEventsOfItsAggregateIsHandedOffAfterThem() {
        handOff(1, "order-a");
        assertThat(handOff(2, "order-a", 1L)).isTrue();
        assertThat(drained()).containsExactly(1L, 2L);

        assertThat(handOff(3, "order-a", 1L, 2L)).as("being sent").isTrue();
        handoffs.acknowledged(List.of(1L, 2L));
        assertThat(handOff(4, "order-a", 1L, 2L, 3L)).as("acknowledged, not yet marked").isTrue();
        assertThat(drained()).containsExactly(3L, 4L);
    }

    @Test
    void aFailedSendDropsTheQueueAndRefusesEveryHandOffAdmittedBeforeIt() {
        handOff(1, "order-a");
        handOff(2, "order-b");
        List<Handoffs.Event> sending = handoffs.drain();
        long admittedBeforeTheFailure = handoffs.admit(List.of(1L));
        handOff(3, "order-c");

        handoffs.failed(sending);

        assertThat(handoffs.hasQueued()).as("order-c waits for the database round too").isFalse();
        assertThat(handoffs.handOff(List.of(event(4, "order-a")), admittedBeforeTheFailure)).isFalse();
        assertThat(handoffs.admit(List.of(1L))).as("event 1 is unpublished and no longer known").isEqualTo(Handoffs.REFUSED);
        assertThat(handOff(5, "order-d")).as("a new aggregate goes straight on").isTrue();
    }

    @Test
    void acknowledgedEventsAreMarkedByTheNextRoundAndStayKnownForOneMoreRound() {
        handOff(1, "order-a");
        handoffs.drain();
        handoffs.acknowledged(List.of(1L));
        assertThat(handoffs.marks()).containsExactly(1L);

        handoffs.roundCommitted(handoffs.marks(), List.of());
        assertThat(handoffs.marks()).isEmpty();
        assertThat(handoffs.admit(List.of(1L))).as("a writer that read it as unpublished just before").isNotEqualTo(Handoffs.REFUSED);

        handoffs.roundCommitted(handoffs.marks(), List.of());
        assertThat(handoffs.admit(List.of(1L))).isEqualTo(Handoffs.REFUSED);
    }

    @Test
    void anEventTheDatabaseRoundAlreadySentIsNotQueuedAgain() {
        handOff(1, "order-a");
        handoffs.roundCommitted(List.of(), List.of(1L, 2L));

        assertThat(handoffs.hasQueued()).as("the round sent the queued one").isFalse();
        assertThat(handOff(2, "order-b")).as("its hand-off came after the round").isTrue();
        assertThat(handoffs.hasQueued()).isFalse();
    }

    @Test
    void aRelayThatNoLongerLeadsTakesNoHandOffsAndForgetsWhatItHadQueued() {
        handOff(1, "order-a");
        handoffs.close();

        assertThat(handoffs.hasQueued()).isFalse();
        assertThat(handoffs.admit(List.of())).isEqualTo(Handoffs.REFUSED);

        handoffs.open();
        assertThat(handoffs.admit(List.of(1L))).as("event 1 waits for the database round").isEqualTo(Handoffs.REFUSED);
    }
}
