package org.tradeorders.platform.waiting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class KnownAnswersTest {
    private final KnownAnswers known = new KnownAnswers(100);

    @Test
    void theTagLastReadIsHeldUntilAChangeOfItsAggregateIsAnnounced() {
        known.reading("order-1").read("buyer", "tag-1");
        assertThat(known.current("order-1", "buyer", Set.of("tag-1")).isPresent()).isTrue();

        known.forget("order-1");

        assertThat(known.current("order-1", "buyer", Set.of("tag-1")).isPresent()).isFalse();
    }

    @Test
    void aReadDuringWhichAChangeWasAnnouncedIsNotRemembered() {
        KnownAnswers.Reading reading = known.reading("order-1");
        known.forget("order-1"); // a change committed after the read's snapshot, announced before the read ended

        reading.read("buyer", "tag-before-the-change");

        assertThat(known.current("order-1", "buyer", Set.of("tag-before-the-change")).isPresent()).isFalse();
    }

    @Test
    void aReadThatOutlivedAForgettingAndANewReadingIsNotRememberedEither() {
        KnownAnswers.Reading stale = known.reading("order-1");
        known.forget("order-1");
        known.reading("order-1").read("buyer", "tag-after-the-change");

        stale.read("buyer", "tag-before-the-change");

        assertThat(known.current("order-1", "buyer", Set.of("tag-before-the-change")).isPresent()).isFalse();
        assertThat(known.current("order-1", "buyer", Set.of("tag-after-the-change")).isPresent()).isTrue();
    }

    @Test
    void anotherAskersTagOrAnOlderTagIsNotHeld() {
        known.reading("order-1").read("buyer", "tag-1");
        known.reading("order-1").read("buyer", "tag-2"); // unannounced change, such as an event marked published

        assertThat(known.current("order-1", "supplier", Set.of("tag-2")).isPresent()).isFalse();
        assertThat(known.current("order-1", "buyer", Set.of("tag-1")).isPresent()).isFalse();
        assertThat(known.current("order-1", "buyer", Set.of("tag-1", "tag-2"))).contains("tag-2");
    }

    @Test
    void beyondItsCapacityOfAnswersItForgetsEverything() {
        KnownAnswers small = new KnownAnswers(2);
        small.reading("order-1").read("buyer", "tag-1");
        small.reading("order-1").read("supplier", "tag-1s");

        small.reading("order-1").read("operator", "tag-1o"); // a third answer, though of the same aggregate

        assertThat(small.current("order-1", "buyer", Set.of("tag-1")).isPresent()).isFalse();
        assertThat(small.current("order-1", "operator", Set.of("tag-1o")).isPresent()).isFalse();
        small.reading("order-2").read("buyer", "tag-2");
        assertThat(small.current("order-2", "buyer", Set.of("tag-2")).isPresent()).as("counting starts again").isTrue();
    }

    @Test
    void aForgottenAggregatesAnswersNoLongerCountAgainstTheCapacity() {
        KnownAnswers small = new KnownAnswers(2);
        small.reading("order-1").read("buyer", "tag-1");
        small.reading("order-1").read("supplier", "tag-1s");
        small.forget("order-1");

        small.reading("order-2").read("buyer", "tag-2");
        small.reading("order-2").read("supplier", "tag-2s");

        assertThat(small.current("order-2", "buyer", Set.of("tag-2")).isPresent()).isTrue();
        assertThat(small.current("order-2", "supplier", Set.of("tag-2s")).isPresent()).isTrue();
    }

    @Test
    void everythingIsForgottenWhenChangesMayHaveGoneUnannounced() {
        known.reading("order-1").read("buyer", "tag-1");

        known.forgetAll();

        assertThat(known.current("order-1", "buyer", Set.of("tag-1")).isPresent()).isFalse();
    }
}
