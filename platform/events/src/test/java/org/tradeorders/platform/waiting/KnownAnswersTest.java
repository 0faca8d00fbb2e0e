package org.tradeorders.platform.waiting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class KnownAnswersTest {
    private final KnownAnswers known = new KnownAnswers(100);

    @Test
    void theTagLastReadIsHeldUntilAChangeOfItsAggregateIsAnnounced() {
        known.reading("order-1").read("buyer", "tag-1");
        assertThat(known.holds("order-1", "buyer", Set.of("tag-1"))).isTrue();

        known.forget("order-1");

        assertThat(known.holds("order-1", "buyer", Set.of("tag-1"))).isFalse();
    }

    @Test
    void aReadDuringWhichAChangeWasAnnouncedIsNotRemembered() {
        KnownAnswers.Reading reading = known.reading("order-1");
        known.forget("order-1"); // a change committed after the read's snapshot, announced before the read ended

        reading.read("buyer", "tag-before-the-change");

        assertThat(known.holds("order-1", "buyer", Set.of("tag-before-the-change"))).isFalse();
    }

    @Test
    void aReadThatOutlivedAForgettingAndANewReadingIsNotRememberedEither() {
        KnownAnswers.Reading stale = known.reading("order-1");
        known.forget("order-1");
        known.reading("order-1").read("buyer", "tag-after-the-change");

        stale.read("buyer", "tag-before-the-change");

        assertThat(known.holds("order-1", "buyer", Set.of("tag-before-the-change"))).isFalse();
        assertThat(known.holds("order-1", "buyer", Set.of("tag-after-the-change"))).isTrue();
    }

    @Test
    void anotherAskersTagOrAnOlderTagIsNotHeld() {
        known.reading("order-1").read("buyer", "tag-1");
        known.reading("order-1").read("buyer", "tag-2"); // unannounced change, such as an event marked published

        assertThat(known.holds("order-1", "supplier", Set.of("tag-2"))).isFalse();
        assertThat(known.holds("order-1", "buyer", Set.of("tag-1"))).isFalse();
        assertThat(known.holds("order-1", "buyer", Set.of("tag-1", "tag-2"))).isTrue();
    }

    @Test
    void beyondItsCapacityItForgetsEverything() {
        KnownAnswers small = new KnownAnswers(2);
        small.reading("order-1").read("buyer", "tag-1");
        small.reading("order-2").read("buyer", "tag-2");

        small.reading("order-3").read("buyer", "tag-3");

        assertThat(small.holds("order-1", "buyer", Set.of("tag-1"))).isFalse();
        assertThat(small.holds("order-2", "buyer", Set.of("tag-2"))).isFalse();
        assertThat(small.holds("order-3", "buyer", Set.of("tag-3"))).isTrue();
    }

    @Test
    void everythingIsForgottenWhenChangesMayHaveGoneUnannounced() {
        known.reading("order-1").read("buyer", "tag-1");

        known.forgetAll();

        assertThat(known.holds("order-1", "buyer", Set.of("tag-1"))).isFalse();
    }
}
