package org.tradeorders.platform.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class StrictJsonTest {
    record Line(String productName, int quantity) {
    }

    record Draft(List<Line> lines, String note) {
    }

    static ObjectMapper strict() {
        ObjectMapper mapper = new ObjectMapper();
        new StrictJson().customize(mapper);
        return mapper;
    }

    @Test
    void textWithControlCharactersOrUnpairedSurrogatesIsRefusedButLineBreaksAreText() throws Exception {
        ObjectMapper json = strict();
        assertThat(json.readValue("{\"note\":\"two\\nlines\\tand a tab\"}", Draft.class).note()).isEqualTo("two\nlines\tand a tab");
        assertThat(json.readValue("{\"note\":\"emoji \\ud83d\\ude00 is text\"}", Draft.class).note()).contains("\ud83d\ude00");
        for (String bad : List.of("bell\\u0007", "nul\\u0000", "lone \\ud800", "lone \\udc00 low", "non \\uffff")) {
            assertThatThrownBy(() -> json.readValue("{\"lines\":[{\"productName\":\"" + bad + "\",\"quantity\":1}]}", Draft.class))
                    .as(bad).isInstanceOf(InvalidFormatException.class).hasMessageContaining(StrictJson.NOT_TEXT);
        }
    }

    @Test
    void aFractionIsNoIntegerAndNullIsNoZero() {
        ObjectMapper json = strict();
        assertThatThrownBy(() -> json.readValue("{\"lines\":[{\"productName\":\"a\",\"quantity\":1.5}]}", Draft.class))
                .isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> json.readValue("{\"lines\":[{\"productName\":\"a\",\"quantity\":null}]}", Draft.class))
                .isInstanceOf(MismatchedInputException.class);
    }
}
