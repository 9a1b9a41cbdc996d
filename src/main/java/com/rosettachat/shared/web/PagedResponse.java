package com.rosettachat.shared.web;

import com.rosettachat.shared.paging.Page;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.web.util.UriComponentsBuilder;

/** Laravel's length-aware paginator JSON: {@code data}, {@code links} and {@code meta}. */
public record PagedResponse<T>(List<T> data, Links links, Meta meta) {

    public record Links(String first, String last, String prev, String next) {
    }

    public record Meta(int currentPage, Integer from, int lastPage, String path, int perPage, Integer to, long total) {
    }

    public static <T> PagedResponse<T> of(Page<T> page, HttpServletRequest request) {
        String path = UriComponentsBuilder.fromUriString(request.getRequestURL().toString())
                .replaceQuery(null).build().toUriString();
        int current = page.request().page();
        int last = page.lastPage();
        boolean empty = page.items().isEmpty();
        Integer from = empty ? null : (int) page.request().offset() + 1;
        Integer to = empty ? null : (int) page.request().offset() + page.items().size();
        Links links = new Links(
                link(request, 1),
                link(request, last),
                current > 1 ? link(request, current - 1) : null,
                current < last ? link(request, current + 1) : null);
        return new PagedResponse<>(page.items(), links,
                new Meta(current, from, last, path, page.request().perPage(), to, page.total()));
    }

    /** Keeps the caller's other query parameters (filters, per_page) so following a link stays on the same list. */
    private static String link(HttpServletRequest request, int page) {
        UriComponentsBuilder builder = UriComponentsBuilder.fromUriString(request.getRequestURL().toString());
        if (request.getQueryString() != null) {
            builder.query(request.getQueryString());
        }
        return builder.replaceQueryParam("page", page).build().toUriString();
    }
}
