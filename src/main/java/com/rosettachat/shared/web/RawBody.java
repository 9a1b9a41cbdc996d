package com.rosettachat.shared.web;

import com.rosettachat.shared.validation.Input;

/**
 * The request body's exact bytes (at most {@code rosetta.http.max-body-bytes}), for handlers that
 * check a signature over them before trusting, or even parsing, a single field.
 */
public record RawBody(byte[] bytes) {

    /** The body as an {@link Input}: blank is empty; not a JSON object is 400, as for every JSON route. */
    public Input json() {
        return Input.of(InputArgumentResolver.parseObject(bytes));
    }
}
