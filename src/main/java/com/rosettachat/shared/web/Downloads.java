package com.rosettachat.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpRange;

/**
 * Streams stored bytes to the client with a single-range {@code Range} answer (206/416), a
 * download-only {@code Content-Disposition} carrying the name as RFC 5987 UTF-8, and no buffering
 * of the whole file in memory.
 */
public final class Downloads {

    private Downloads() {
    }

    /** Opens {@code [offset, offset + length)} of the stored bytes. */
    @FunctionalInterface
    public interface Opener {
        InputStream open(long offset, long length) throws IOException;
    }

    public static void stream(HttpServletRequest request, HttpServletResponse response, String fileName,
                              String mimeType, long size, Opener opener) throws IOException {
        long start = 0;
        long length = size;
        String rangeHeader = request.getHeader("Range");
        response.setHeader("Accept-Ranges", "bytes");
        if (rangeHeader != null && size > 0) {
            List<HttpRange> ranges;
            try {
                ranges = HttpRange.parseRanges(rangeHeader);
            } catch (IllegalArgumentException e) {
                ranges = List.of();
            }
            if (ranges.size() == 1) {
                long first = rangeStart(ranges.get(0), size);
                if (first < 0) {
                    response.setStatus(416);
                    response.setHeader("Content-Range", "bytes */" + size);
                    response.setContentLength(0);
                    return;
                }
                long last = Math.min(ranges.get(0).getRangeEnd(size), size - 1);
                start = first;
                length = last - first + 1;
                response.setStatus(206);
                response.setHeader("Content-Range", "bytes " + first + "-" + last + "/" + size);
            }
        }
        response.setContentType(mimeType);
        response.setContentLengthLong(length);
        response.setHeader("Content-Disposition", contentDisposition(fileName));
        response.setHeader("Cache-Control", "private, max-age=0");
        try (InputStream in = opener.open(start, length); OutputStream out = response.getOutputStream()) {
            in.transferTo(out);
        }
    }

    /** {@code attachment; filename*=UTF-8''...} (RFC 6266/5987): never rendered inline, any name survives. */
    public static String contentDisposition(String fileName) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : fileName.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return "attachment; filename*=UTF-8''" + encoded;
    }

    /** The first byte of a satisfiable range, or -1 when it lies past the end. */
    private static long rangeStart(HttpRange range, long size) {
        try {
            long first = range.getRangeStart(size);
            return first >= size ? -1 : first;
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }
}
