package com.rosettachat.support;

import java.io.InputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Builds multipart/form-data bodies: small ones in memory, large files streamed from a supplier. */
public final class Multipart {

    private final String boundary = "----rosetta" + System.nanoTime();
    private final List<HttpRequest.BodyPublisher> parts = new ArrayList<>();

    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    public Multipart field(String name, String value) {
        parts.add(HttpRequest.BodyPublishers.ofByteArray(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    public Multipart file(String name, String fileName, String contentType, byte[] bytes) {
        return file(name, fileName, contentType, HttpRequest.BodyPublishers.ofByteArray(bytes));
    }

    public Multipart file(String name, String fileName, String contentType, Supplier<InputStream> stream) {
        return file(name, fileName, contentType, HttpRequest.BodyPublishers.ofInputStream(stream));
    }

    private Multipart file(String name, String fileName, String contentType, HttpRequest.BodyPublisher content) {
        parts.add(HttpRequest.BodyPublishers.ofByteArray(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"; filename=\"" + fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8)));
        parts.add(content);
        parts.add(HttpRequest.BodyPublishers.ofByteArray("\r\n".getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    public HttpRequest.BodyPublisher publisher() {
        List<HttpRequest.BodyPublisher> all = new ArrayList<>(parts);
        all.add(HttpRequest.BodyPublishers.ofByteArray(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8)));
        return HttpRequest.BodyPublishers.concat(all.toArray(HttpRequest.BodyPublisher[]::new));
    }

    /**
     * A stream of {@code size} pseudo-random bytes that never exists in memory as a whole: a 1 MiB
     * random block, varied per MiB, so ranges of a large upload can be checked byte for byte.
     */
    public static InputStream generated(long size, long seed) {
        byte[] block = new byte[1 << 20];
        new java.util.Random(seed).nextBytes(block);
        return new InputStream() {
            private long position;

            @Override
            public int read() {
                if (position >= size) {
                    return -1;
                }
                int b = (block[(int) (position & 0xfffff)] ^ (int) (position >>> 20)) & 0xff;
                position++;
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (position >= size) {
                    return -1;
                }
                int offsetInBlock = (int) (position & 0xfffff);
                int n = (int) Math.min(Math.min(len, size - position), block.length - offsetInBlock);
                byte salt = (byte) (position >>> 20);
                for (int i = 0; i < n; i++) {
                    b[off + i] = (byte) (block[offsetInBlock + i] ^ salt);
                }
                position += n;
                return n;
            }
        };
    }
}
