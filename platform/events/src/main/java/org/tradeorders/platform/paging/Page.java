package org.tradeorders.platform.paging;

import java.util.List;
import java.util.function.Function;

/** One page of a list, the same shape on every list endpoint: its items, which page, its size, and the total. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public <R> Page<R> map(Function<? super T, ? extends R> view) {
        return new Page<>(items.stream().<R>map(view).toList(), page, size, total);
    }
}
