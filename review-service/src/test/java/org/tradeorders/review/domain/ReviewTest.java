package org.tradeorders.review.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.tradeorders.platform.domain.RuleViolation;

/** The review guards its one reply itself: plain JUnit, nothing booted. */
class ReviewTest {
    static final Instant SUBMITTED = Instant.parse("2026-12-01T10:00:00Z");
    static final Duration WINDOW = Duration.ofDays(30);

    static Review aReview() {
        Review r = new Review();
        r.orderId = "ORD-1";
        r.supplierId = "SUP-1";
        r.buyerId = "BUY-1";
        r.serviceAttitude = 4;
        r.deliverySpeed = 4;
        r.descriptionAccuracy = 5;
        r.submittedAt = SUBMITTED;
        return r;
    }

    @Test
    void theSupplierRepliesOnceInsideTheWindowEvenOnItsLastInstant() {
        Review r = aReview();
        r.reply("thanks", SUBMITTED.plus(WINDOW), WINDOW);

        assertThat(r.replyText).isEqualTo("thanks");
        assertThat(r.repliedAt).isEqualTo(SUBMITTED.plus(WINDOW));
    }

    @Test
    void aSecondReplyIsRefusedAndTheFirstStays() {
        Review r = aReview();
        r.reply("thanks", SUBMITTED.plusSeconds(60), WINDOW);

        assertThatThrownBy(() -> r.reply("again", SUBMITTED.plusSeconds(120), WINDOW)).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("replied to");
        assertThat(r.replyText).isEqualTo("thanks");
    }

    @Test
    void aReplyAfterTheWindowIsRefusedAndNothingIsKept() {
        Review r = aReview();

        assertThatThrownBy(() -> r.reply("late", SUBMITTED.plus(WINDOW).plusSeconds(1), WINDOW))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("closed at");
        assertThat(r.replyText).isNull();
        assertThat(r.repliedAt).isNull();
    }
}
