package org.tradeorders.platform.paging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PageRequestTest {
    static final List<Integer> FIFTY = IntStream.range(0, 50).boxed().toList();

    @Test
    void aSliceIsThePageAskedForWithTheTotal() {
        Page<Integer> second = new PageRequest(1, 20).slice(FIFTY);
        assertThat(second.items()).containsExactlyElementsOf(FIFTY.subList(20, 40));
        assertThat(second.page()).isEqualTo(1);
        assertThat(second.size()).isEqualTo(20);
        assertThat(second.total()).isEqualTo(50);
    }

    @Test
    void theLastPageHoldsWhatIsLeftAndAPageBeyondItIsEmpty() {
        assertThat(new PageRequest(2, 20).slice(FIFTY).items()).containsExactlyElementsOf(FIFTY.subList(40, 50));
        assertThat(new PageRequest(9, 20).slice(FIFTY).items()).isEmpty();
        assertThat(new PageRequest(PageRequest.MAX_PAGE, PageRequest.MAX_SIZE).slice(FIFTY).items()).isEmpty();
    }

    @Test
    void aPageMapsItsItemsAndKeepsItsPlace() {
        Page<String> mapped = new PageRequest(0, 3).slice(FIFTY).map(i -> "#" + i);
        assertThat(mapped.items()).containsExactly("#0", "#1", "#2");
        assertThat(mapped.total()).isEqualTo(50);
    }
}
