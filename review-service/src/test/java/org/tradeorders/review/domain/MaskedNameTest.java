package org.tradeorders.review.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskedNameTest {
    @Test
    void keepsTheFirstAndLastLetterOnly() {
        assertThat(MaskedName.of("Berlin Hardware GmbH")).isEqualTo("B***H");
        assertThat(MaskedName.of("  Acme ")).isEqualTo("A***e");
    }

    @Test
    void aShortOrMissingNameRevealsNoMore() {
        assertThat(MaskedName.of("AB")).isEqualTo("A***");
        assertThat(MaskedName.of(null)).isEqualTo("***");
        assertThat(MaskedName.of(" ")).isEqualTo("***");
    }

    @Test
    void lettersOutsideTheBasicPlaneStayWhole() {
        assertThat(MaskedName.of("\uD835\uDC00cme \uD835\uDC01")).isEqualTo("\uD835\uDC00***\uD835\uDC01");
    }
}
