package org.tradeorders.platform.waiting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tradeorders.platform.problem.ProblemException;

class WaitRequestTest {

    private static WaitRequest prefer(String... lines) {
        return new WaitRequest(List.of(lines), null);
    }

    private static WaitRequest ifNoneMatch(String... lines) {
        return new WaitRequest(null, List.of(lines));
    }

    @Test
    void theWaitIsFoundAmongOtherPreferencesInAnyOfTheHeaderLines() {
        assertThat(prefer("wait=20").waitAsked()).contains(Duration.ofSeconds(20));
        assertThat(prefer("respond-async, WAIT = 5 ; unknown=x").waitAsked()).contains(Duration.ofSeconds(5));
        assertThat(prefer("return=minimal", "wait=7", "wait=9").waitAsked()).contains(Duration.ofSeconds(7));
        assertThat(prefer("return=minimal").waitAsked()).isEmpty();
        assertThat(prefer("wait=\"12\"").waitAsked()).as("a quoted value").contains(Duration.ofSeconds(12));
        assertThat(prefer("note=\"a, b; wait=1\", wait=4").waitAsked()).as("separators inside quotes")
                .contains(Duration.ofSeconds(4));
        assertThat(new WaitRequest().waitAsked()).isEmpty();
    }

    @Test
    void aWaitThatIsNotAWholeNumberOfSecondsIsRefusedNamingPrefer() {
        for (String bad : List.of("wait", "wait=", "wait=soon", "wait=-1", "wait=1.5", "wait=99999999999999999999")) {
            assertThatThrownBy(() -> prefer(bad).waitAsked()).as(bad).isInstanceOfSatisfying(ProblemException.class,
                    e -> assertThat(e.problem().errors().get(0).field()).isEqualTo("Prefer"));
        }
    }

    @Test
    void theHeldTagsAreTheOpaquePartsWeakOrStrong() {
        assertThat(ifNoneMatch("\"a\", W/\"b\"", "\"c\"").heldTags()).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(ifNoneMatch("*").heldTags()).containsExactly("*");
        assertThat(ifNoneMatch("\"a,b\",\"\u00e9\"").heldTags()).as("a comma and obs-text inside a tag")
                .containsExactlyInAnyOrder("a,b", "\u00e9");
        assertThat(new WaitRequest().heldTags()).isEmpty();
    }

    @Test
    void anEntityTagWithoutItsQuotesIsRefusedNamingIfNoneMatch() {
        for (String bad : List.of("a", "\"a", "W/a", "\"a\"b\"", "\"", "\"a\"\"b\"", "\"\u0007\"")) {
            assertThatThrownBy(() -> ifNoneMatch(bad).heldTags()).as(bad).isInstanceOfSatisfying(ProblemException.class,
                    e -> assertThat(e.problem().errors().get(0).field()).isEqualTo("If-None-Match"));
        }
    }

    @Test
    void equalAnswersHaveEqualTagsAndDifferentAnswersDifferentOnes() {
        String tag = WaitingReads.tagOf("{\"state\":\"DRAFT\"}".getBytes());

        assertThat(WaitingReads.tagOf("{\"state\":\"DRAFT\"}".getBytes())).isEqualTo(tag);
        assertThat(WaitingReads.tagOf("{\"state\":\"SHIPPED\"}".getBytes())).isNotEqualTo(tag);
        assertThat(tag).matches("[A-Za-z0-9_-]{22}");
    }
}
