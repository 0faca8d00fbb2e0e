package org.tradeorders.platform.paging;

import jakarta.persistence.Query;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import java.util.List;

/**
 * The page a list request asks for, the same on every list endpoint: {@code ?page} from 0 and
 * {@code ?size} from 1 to {@link #MAX_SIZE} (default {@link #DEFAULT_SIZE}). A resource takes it as a
 * {@code @BeanParam @Valid PageRequest}; a size above the maximum is refused, never cut down.
 */
public class PageRequest {
    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    /** Far beyond any real list, and small enough that page × size never overflows. */
    public static final int MAX_PAGE = 10_000_000;

    @QueryParam("page")
    @DefaultValue("0")
    @Min(0)
    @Max(MAX_PAGE)
    int page;

    @QueryParam("size")
    @DefaultValue("" + DEFAULT_SIZE)
    @Min(1)
    @Max(MAX_SIZE)
    int size;

    public PageRequest() {
        this(0, DEFAULT_SIZE);
    }

    public PageRequest(int page, int size) {
        this.page = page;
        this.size = size;
    }

    public int page() {
        return page;
    }

    public int size() {
        return size;
    }

    public int offset() {
        return page * size;
    }

    /** This page of the query's rows (it must have a stable order), and the total the count query gave. */
    @SuppressWarnings("unchecked")
    public <T> Page<T> of(Query rows, long total) {
        return new Page<>((List<T>) rows.setFirstResult(offset()).setMaxResults(size).getResultList(), page, size, total);
    }

    /** This page of a list that is bounded by its aggregate (an order's timeline), already in order. */
    public <T> Page<T> slice(List<T> all) {
        int from = (int) Math.min((long) offset(), all.size());
        return new Page<>(List.copyOf(all.subList(from, Math.min(all.size(), from + size))), page, size, all.size());
    }
}
