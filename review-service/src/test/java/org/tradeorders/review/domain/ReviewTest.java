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

    @Test
    void theBuyerEditsOnceInsideTheWindowAndTheEditReturnsTheFirstVersion() {
        Review r = aReview();
        r.text = "slow";
        Instant closes = SUBMITTED.plus(WINDOW);

        ReviewVersion first = r.edit(new Stars(5, 5, 5), "fixed", SUBMITTED.plusSeconds(3600), closes);

        assertThat(first.key).isEqualTo(new ReviewVersion.Key("ORD-1", 1));
        assertThat(first.text).isEqualTo("slow");
        assertThat(first.serviceAttitude).isEqualTo(4);
        assertThat(first.writtenAt).isEqualTo(SUBMITTED);
        assertThat(r.stars()).isEqualTo(new Stars(5, 5, 5));
        assertThat(r.editedAt).isEqualTo(SUBMITTED.plusSeconds(3600));
        assertThatThrownBy(() -> r.edit(new Stars(1, 1, 1), "again", SUBMITTED.plusSeconds(7200), closes))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("edited at");
        assertThat(r.stars()).isEqualTo(new Stars(5, 5, 5));
    }

    @Test
    void anEditAtTheWindowsCloseIsRefused() {
        Review r = aReview();
        Instant closes = SUBMITTED.plus(WINDOW);

        assertThatThrownBy(() -> r.edit(new Stars(1, 1, 1), "late", closes, closes)).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("closed at");
        assertThat(r.editedAt).isNull();
        assertThat(r.stars()).isEqualTo(new Stars(4, 4, 5));
    }

    @Test
    void anEditOpensTheReplyWindowAgain() {
        Review r = aReview();
        Instant edited = SUBMITTED.plus(Duration.ofDays(20));
        r.edit(new Stars(5, 5, 5), "better", edited, SUBMITTED.plus(Duration.ofDays(30)));

        r.reply("thanks", edited.plus(WINDOW), WINDOW);

        assertThat(r.repliedAt).isEqualTo(edited.plus(WINDOW));
    }
}
