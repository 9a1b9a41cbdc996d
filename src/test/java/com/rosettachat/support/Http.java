package com.rosettachat.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client against the running server: tests see exactly what a client app sees. */
public final class Http {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String forwardedFor;

    public Http(String base) {
        this(base, null);
    }

    private Http(String base, String forwardedFor) {
        this.base = base;
        this.forwardedFor = forwardedFor;
    }

    /**
     * The same server as reached by a client at {@code clientAddress}, through a proxy on this
     * machine (the suite runs with {@code server.forward-headers-strategy=native}, as production
     * behind a proxy does), so a test of a per-IP limit has an address, and a budget, of its own.
     */
    public Http from(String clientAddress) {
        return new Http(base, clientAddress);
    }

    public String base() {
        return base;
    }

    /** A request being built: method, path, optional bearer token, headers and body. */
    public final class Call {
        private final String method;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private byte[] body;
        private HttpRequest.BodyPublisher publisher;

        private Call(String method, String path) {
            this.method = method;
            this.path = path;
            if (forwardedFor != null) {
                headers.put("X-Forwarded-For", forwardedFor);
            }
        }

        public Call token(String token) {
            return token == null ? this : header("Authorization", "Bearer " + token);
        }

        public Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /** A JSON body from a map/list/record, or a raw string sent as-is. */
        public Call json(Object value) {
            header("Content-Type", "application/json");
            body = value instanceof String s ? s.getBytes(java.nio.charset.StandardCharsets.UTF_8) : JSON.writeValueAsBytes(value);
            return this;
        }

        public Call body(String contentType, byte[] bytes) {
            header("Content-Type", contentType);
            body = bytes;
            return this;
        }

        /** A streamed body, for uploads too large to hold in memory. */
        public Call stream(String contentType, HttpRequest.BodyPublisher bodyPublisher) {
            header("Content-Type", contentType);
            publisher = bodyPublisher;
            return this;
        }

        public Response send() {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120));
            headers.forEach(builder::header);
            builder.header("Accept", headers.getOrDefault("Accept", "application/json"));
            builder.method(method, publisher != null ? publisher
                    : body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            try {
                HttpResponse<byte[]> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
                return new Response(response);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The decoded query parameters of a URI, in order. */
    public static Map<String, String> query(URI uri) {
        Map<String, String> query = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                query.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : java.net.URLDecoder.decode(
                        pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return query;
    }

    public Call get(String path) {
        return new Call("GET", path);
    }

    public Call post(String path) {
        return new Call("POST", path);
    }

    public Call put(String path) {
        return new Call("PUT", path);
    }

    public Call patch(String path) {
        return new Call("PATCH", path);
    }

    public Call delete(String path) {
        return new Call("DELETE", path);
    }

    public Call method(String method, String path) {
        return new Call(method, path);
    }

    /** A response with its JSON parsed on demand. */
    public static final class Response {
        private final HttpResponse<byte[]> raw;
        private JsonNode json;

        Response(HttpResponse<byte[]> raw) {
            this.raw = raw;
        }

        public byte[] bytes() {
            return raw.body();
        }

        public int status() {
            return raw.statusCode();
        }

        public String body() {
            return new String(raw.body(), java.nio.charset.StandardCharsets.UTF_8);
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public java.util.List<String> headers(String name) {
            return raw.headers().allValues(name);
        }

        public JsonNode json() {
            if (json == null) {
                json = JSON.readTree(body());
            }
            return json;
        }

        /** The text at a JSON pointer such as {@code /errors/email/0}. */
        public String text(String pointer) {
            JsonNode node = json().at(pointer);
            return node.isMissingNode() || node.isNull() ? null : node.asString();
        }

        @Override
        public String toString() {
            return raw.statusCode() + " " + body();
        }
    }
}
