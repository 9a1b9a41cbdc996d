package com.rosettachat.shared.paging;

import com.rosettachat.shared.validation.Input;

/** {@code page} (1+) and {@code per_page} (1–100, default 15) of CONTRACT §1, validated like any other input. */
public record PageRequest(int page, int perPage) {

    public static final int DEFAULT_PER_PAGE = 15;
    public static final int MAX_PER_PAGE = 100;

    /** Records rule failures on {@code input}; the caller validates the whole input at once. */
    public static PageRequest from(Input input) {
        Integer perPage = input.field("per_page").integer().min(1).max(MAX_PER_PAGE).asInt();
        Integer page = input.field("page").integer().min(1).max(Integer.MAX_VALUE).asInt();
        return new PageRequest(page == null ? 1 : page, perPage == null ? DEFAULT_PER_PAGE : perPage);
    }

    public long offset() {
        return (long) (page - 1) * perPage;
    }
}
