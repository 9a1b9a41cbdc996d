package com.rosettachat.shared.paging;

import java.util.List;
import java.util.function.Function;

/** One page of a length-aware list, as services return it; the web layer renders links and meta. */
public record Page<T>(List<T> items, PageRequest request, long total) {

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), request, total);
    }

    public int lastPage() {
        return (int) Math.max(1, (total + request.perPage() - 1) / request.perPage());
    }
}
