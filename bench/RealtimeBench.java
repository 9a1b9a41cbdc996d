import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load generator for the realtime engine: a single-threaded NIO WebSocket client (so that the
 * client costs little of the two cores it shares with the server) that speaks just enough Pusher.
 *
 * <pre>java bench/RealtimeBench.java http://127.0.0.1:18091 SERVER_PID</pre>
 *
 * Phases: fan-out latency (one message at a time to BENCH_SUBSCRIBERS sockets on one channel),
 * a burst (BENCH_BURST messages in one publish call) for deliveries per second and server CPU
 * per delivery, then idle sockets added up to BENCH_IDLE_MAX, heap measured after full GCs.
 */
public class RealtimeBench {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static String base;
    static InetSocketAddress server;
    static long serverPid;

    // delivery bookkeeping, touched only by the client's I/O thread once messages flow
    static volatile int phase; // 1 single messages, 2 burst
    static long[] sentAt;
    static long[] latencies;
    static long[] serverLatencies;
    static int latencyCount;
    static long[] lastDelivery;
    static volatile int burstReceived;
    static CountDownLatch burstDone;
    static int burstTarget;

    public static void main(String[] args) throws Exception {
        base = args[0];
        URI uri = URI.create(base);
        server = new InetSocketAddress(uri.getHost(), uri.getPort());
        serverPid = Long.parseLong(args[1]);
        int subscribers = env("BENCH_SUBSCRIBERS", 1000);
        int messages = env("BENCH_MESSAGES", 200);
        int burst = env("BENCH_BURST", 200);
        int idleMax = env("BENCH_IDLE_MAX", 18_000);
        Client client = new Client();

        long heapStart = heapUsedKb();
        long rssStart = rssKb();
        String[] fanUser = register("fanout");
        String fanChannel = "private-user." + fanUser[0];
        List<Conn> fan = client.openAll(subscribers);
        subscribeAll(fan, fanUser[1], i -> fanChannel);
        System.out.printf("fan-out: %d sockets subscribed to %s%n", fan.size(), fanChannel);

        // warm-up, then one message at a time
        sentAt = new long[messages + 50];
        latencies = new long[(messages + 50) * subscribers];
        serverLatencies = new long[(messages + 50) * subscribers];
        lastDelivery = new long[messages + 50];
        phase = 1;
        for (int i = 0; i < 50; i++) {
            sentAt[messages + i] = System.nanoTime();
            publish(fanChannel, "t" + (messages + i), null);
            Thread.sleep(10);
        }
        Thread.sleep(1000);
        latencyCount = 0;
        long singlesCpuBefore = cpuTicks(serverPid);
        for (int i = 0; i < messages; i++) {
            sentAt[i] = System.nanoTime();
            publish(fanChannel, "t" + i, null);
            Thread.sleep(20);
        }
        Thread.sleep(2000);
        long singlesCpu = cpuTicks(serverPid) - singlesCpuBefore;
        long[] all = Arrays.copyOf(latencies, latencyCount);
        Arrays.sort(all);
        long[] fromPublish = Arrays.copyOf(serverLatencies, latencyCount);
        Arrays.sort(fromPublish);
        long[] completion = new long[messages];
        for (int i = 0; i < messages; i++) {
            completion[i] = lastDelivery[i] - sentAt[i];
        }
        Arrays.sort(completion);
        System.out.printf("fan-out of one message to %d sockets, %d messages: %d of %d deliveries arrived%n",
                subscribers, messages, all.length, messages * subscribers);
        System.out.printf("  from the Broadcaster.publish call   p50 %.1f ms  p99 %.1f ms  max %.1f ms%n",
                ms(pct(fromPublish, 50)), ms(pct(fromPublish, 99)), ms(fromPublish[fromPublish.length - 1]));
        System.out.printf("  from the client's HTTP publish     p50 %.1f ms  p99 %.1f ms  max %.1f ms%n",
                ms(pct(all, 50)), ms(pct(all, 99)), ms(all[all.length - 1]));
        System.out.printf("  last socket     p50 %.1f ms  p99 %.1f ms (time until every socket had the message)%n",
                ms(pct(completion, 50)), ms(pct(completion, 99)));
        System.out.printf("  server CPU %.1f us per delivery (publish requests included)%n",
                singlesCpu * 10_000.0 / Math.max(1, all.length));

        // burst: many messages in one publish call
        phase = 2;
        burstTarget = burst * subscribers;
        burstDone = new CountDownLatch(1);
        long cpuBefore = cpuTicks(serverPid);
        long clientCpuBefore = cpuTicks(ProcessHandle.current().pid());
        long start = System.nanoTime();
        publish(fanChannel, "b", burst);
        boolean complete = burstDone.await(120, TimeUnit.SECONDS);
        long elapsed = System.nanoTime() - start;
        long cpu = cpuTicks(serverPid) - cpuBefore;
        long clientCpu = cpuTicks(ProcessHandle.current().pid()) - clientCpuBefore;
        System.out.printf("burst: %d messages x %d sockets = %d deliveries%s in %.0f ms: %.0f deliveries/s%n",
                burst, subscribers, burstReceived, complete ? "" : " (INCOMPLETE)", ms(elapsed),
                burstReceived / (elapsed / 1e9));
        System.out.printf("  server CPU %.0f ms = %.1f us per delivery (client CPU %.0f ms)%n",
                cpu * 10.0, cpu * 10_000.0 / Math.max(1, burstReceived), clientCpu * 10.0);
        phase = 0;

        // idle sockets on top, spread over a few users' channels
        long heapBefore = heapUsedKb();
        histogram("before-idle");
        long rssBefore = rssKb();
        List<String[]> users = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            users.add(register("idle" + i));
        }
        List<Conn> idle = new ArrayList<>();
        int step = 2000;
        String failure = null;
        while (idle.size() < idleMax) {
            int n = Math.min(step, idleMax - idle.size());
            try {
                List<Conn> batch = client.openAll(n);
                int offset = idle.size();
                subscribeAll(batch, null, i -> "private-user." + users.get((offset + i) % users.size())[0],
                        i -> users.get((offset + i) % users.size())[1]);
                idle.addAll(batch);
            } catch (Exception e) {
                failure = e.toString();
                break;
            }
            long heap = heapUsedKb();
            long rss = rssKb();
            System.out.printf("idle: %6d sockets (+%d fan-out) heap %5d MB (%.1f KB/socket)  RSS %5d MB (%.1f KB/socket)%n",
                    idle.size(), fan.size(), heap / 1024, (heap - heapBefore) / (double) idle.size(),
                    rss / 1024, (rss - rssBefore) / (double) idle.size());
        }
        histogram("after-idle");
        System.out.printf("largest number of sockets held: %d (%d idle + %d fan-out)%s%n", idle.size() + fan.size(),
                idle.size(), fan.size(), failure == null ? "" : "; stopped by " + failure);
        System.out.printf("server heap before any socket %d MB, RSS %d MB%n", heapStart / 1024, rssStart / 1024);
        System.exit(0);
    }

    static void onMessage(String text) {
        int at = text.indexOf("text\\\":\\\"");
        if (at < 0) {
            return;
        }
        int from = at + 10;
        int to = from;
        while (to < text.length() && Character.isDigit(text.charAt(to))) {
            to++;
        }
        int index = Integer.parseInt(text, from, to, 10);
        long now = System.nanoTime();
        if (phase == 1 && text.charAt(at + 9) == 't') {
            long latency = now - sentAt[index];
            if (latencyCount < latencies.length) {
                serverLatencies[latencyCount] = now - publishedAt(text);
                latencies[latencyCount++] = latency;
            }
            lastDelivery[index] = Math.max(lastDelivery[index], now);
        } else if (phase == 2 && text.charAt(at + 9) == 'b') {
            if (++burstReceived == burstTarget) {
                burstDone.countDown();
            }
        }
    }

    /** The server's System.nanoTime() when it began publishing: the same monotonic clock on one machine. */
    static long publishedAt(String text) {
        int at = text.indexOf("published_at\\\":") + 15;
        int end = at;
        while (Character.isDigit(text.charAt(end))) {
            end++;
        }
        return Long.parseLong(text, at, end, 10);
    }

    // ------------------------------------------------------------------ HTTP side

    /** Registers a user; {id, token}. */
    static String[] register(String name) throws Exception {
        String email = name + "-" + System.nanoTime() + "@bench.test";
        String body = "{\"name\":\"Bench\",\"email\":\"" + email + "\",\"password\":\"bench-password-1\","
                + "\"password_confirmation\":\"bench-password-1\"}";
        String answer = post("/api/v1/auth/app/register", body, null);
        Matcher token = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(answer);
        Matcher id = Pattern.compile("\"user\":\\{\"id\":(\\d+)").matcher(answer);
        if (!token.find() || !id.find()) {
            throw new IllegalStateException("register failed: " + answer);
        }
        return new String[] {id.group(1), token.group(1)};
    }

    static void publish(String channel, String text, Integer count) throws Exception {
        post("/test-node/publish", "{\"channel\":\"" + channel + "\",\"event\":\"message.created\",\"text\":\"" + text + "\""
                + (count == null ? "" : ",\"count\":" + count) + "}", null);
    }

    static String post(String path, String json, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(path + " -> " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    interface IndexFunction {
        String apply(int i);
    }

    static void subscribeAll(List<Conn> conns, String token, IndexFunction channel) throws Exception {
        subscribeAll(conns, token, channel, i -> token);
    }

    /** Authorizes every socket (32 requests at a time) and subscribes it; waits for every confirmation. */
    static void subscribeAll(List<Conn> conns, String ignored, IndexFunction channel, IndexFunction token) throws Exception {
        Semaphore inFlight = new Semaphore(32);
        List<CompletableFuture<Void>> done = new ArrayList<>();
        for (int i = 0; i < conns.size(); i++) {
            Conn conn = conns.get(i);
            String name = channel.apply(i);
            inFlight.acquire();
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/broadcasting/auth"))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + token.apply(i))
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"socket_id\":\"" + conn.socketId + "\",\"channel_name\":\"" + name + "\"}")).build();
            done.add(HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenAccept(r -> {
                inFlight.release();
                Matcher auth = Pattern.compile("\"auth\":\"([^\"]+)\"").matcher(r.body());
                if (!auth.find()) {
                    throw new IllegalStateException("auth failed: " + r.statusCode() + " " + r.body());
                }
                conn.send("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"" + name + "\",\"auth\":\"" + auth.group(1) + "\"}}");
            }));
        }
        CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(300, TimeUnit.SECONDS);
        for (Conn conn : conns) {
            conn.subscribed.get(120, TimeUnit.SECONDS);
        }
    }

    // ------------------------------------------------------------------ server measurements

    static long heapUsedKb() throws Exception {
        run("jcmd", Long.toString(serverPid), "GC.run");
        Thread.sleep(1000);
        Matcher used = Pattern.compile("used (\\d+)K").matcher(run("jcmd", Long.toString(serverPid), "GC.heap_info"));
        return used.find() ? Long.parseLong(used.group(1)) : -1;
    }

    /** With BENCH_HISTOGRAMS=dir, the server's class histogram, to see what an idle socket is made of. */
    static void histogram(String name) throws Exception {
        String dir = System.getenv("BENCH_HISTOGRAMS");
        if (dir != null) {
            Files.writeString(Path.of(dir, name + ".txt"), run("jcmd", Long.toString(serverPid), "GC.class_histogram"));
        }
    }

    static long rssKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + serverPid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    /** utime + stime of a process, in clock ticks (10 ms). */
    static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    static int env(String name, int fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value);
    }

    static long pct(long[] sorted, int p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * p / 100.0) - 1)];
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }

    // ------------------------------------------------------------------ a minimal WebSocket client

    static final class Conn {
        final SocketChannel channel;
        ByteBuffer in = ByteBuffer.allocate(4096);
        boolean upgraded;
        String socketId;
        ByteArrayOutputStream fragments;
        final CompletableFuture<String> established = new CompletableFuture<>();
        final CompletableFuture<Void> subscribed = new CompletableFuture<>();

        Conn(SocketChannel channel) {
            this.channel = channel;
        }

        /** A masked text frame, written whole (frames are small; the socket buffer takes them at once). */
        synchronized void send(String text) {
            byte[] payload = text.getBytes(StandardCharsets.UTF_8);
            int header = payload.length < 126 ? 2 : 4;
            ByteBuffer frame = ByteBuffer.allocate(header + 4 + payload.length);
            frame.put((byte) 0x81);
            if (payload.length < 126) {
                frame.put((byte) (0x80 | payload.length));
            } else {
                frame.put((byte) (0x80 | 126)).putShort((short) payload.length);
            }
            byte[] mask = new byte[4];
            ThreadLocalRandom.current().nextBytes(mask);
            frame.put(mask);
            for (int i = 0; i < payload.length; i++) {
                frame.put((byte) (payload[i] ^ mask[i & 3]));
            }
            frame.flip();
            try {
                while (frame.hasRemaining()) {
                    channel.write(frame);
                }
            } catch (IOException e) {
                // the server closed it; counted by whoever waits for it
            }
        }
    }

    static final class Client implements Runnable {
        private final Selector selector;
        private final Queue<Conn> toRegister = new ConcurrentLinkedQueue<>();

        Client() throws IOException {
            selector = Selector.open();
            Thread thread = new Thread(this, "bench-io");
            thread.setDaemon(true);
            thread.start();
        }

        /**
         * Opens n sockets, 100 connecting at a time, and waits for every connection_established; a
         * connection the server's accept queue refused is tried again, as pusher-js would.
         */
        List<Conn> openAll(int n) throws Exception {
            List<Conn> conns = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                conns.add(open());
                if (i % 100 == 99) {
                    for (int j = i - 99; j <= i; j++) {
                        conns.set(j, established(conns.get(j)));
                    }
                }
            }
            for (int j = 0; j < conns.size(); j++) {
                conns.set(j, established(conns.get(j)));
            }
            return conns;
        }

        private Conn open() throws IOException {
            SocketChannel channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.connect(server);
            Conn conn = new Conn(channel);
            toRegister.add(conn);
            selector.wakeup();
            return conn;
        }

        private Conn established(Conn conn) throws Exception {
            for (int attempt = 0; ; attempt++) {
                try {
                    conn.socketId = conn.established.get(60, TimeUnit.SECONDS);
                    return conn;
                } catch (java.util.concurrent.ExecutionException e) {
                    if (attempt == 5) {
                        throw e;
                    }
                    Thread.sleep(200L << attempt);
                    conn = open();
                }
            }
        }

        @Override
        public void run() {
            while (true) {
                try {
                    selector.select();
                    Conn pending;
                    while ((pending = toRegister.poll()) != null) {
                        pending.channel.register(selector, SelectionKey.OP_CONNECT, pending);
                    }
                    for (SelectionKey key : selector.selectedKeys()) {
                        Conn conn = (Conn) key.attachment();
                        try {
                            if (key.isConnectable() && conn.channel.finishConnect()) {
                                handshake(conn);
                                key.interestOps(SelectionKey.OP_READ);
                            } else if (key.isReadable()) {
                                read(conn, key);
                            }
                        } catch (IOException e) {
                            key.cancel();
                            conn.established.completeExceptionally(e);
                            conn.subscribed.completeExceptionally(e);
                        }
                    }
                    selector.selectedKeys().clear();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        }

        private void handshake(Conn conn) throws IOException {
            String request = "GET /app/rosetta?protocol=7&client=bench&version=1.0 HTTP/1.1\r\nHost: "
                    + server.getHostString() + ":" + server.getPort() + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
            ByteBuffer buffer = ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII));
            while (buffer.hasRemaining()) {
                conn.channel.write(buffer);
            }
        }

        private void read(Conn conn, SelectionKey key) throws IOException {
            if (!conn.in.hasRemaining()) {
                conn.in = ByteBuffer.allocate(conn.in.capacity() * 2).put(conn.in.flip());
            }
            if (conn.channel.read(conn.in) < 0) {
                key.cancel();
                conn.channel.close();
                return;
            }
            ByteBuffer in = conn.in.flip();
            if (!conn.upgraded) {
                int end = headerEnd(in);
                if (end < 0) {
                    in.compact();
                    return;
                }
                conn.upgraded = true;
                in.position(end);
            }
            while (in.remaining() >= 2) {
                int start = in.position();
                int b0 = in.get() & 0xff;
                int b1 = in.get() & 0x7f;
                long length = b1;
                if (b1 == 126) {
                    if (in.remaining() < 2) {
                        in.position(start);
                        break;
                    }
                    length = in.getShort() & 0xffff;
                } else if (b1 == 127) {
                    if (in.remaining() < 8) {
                        in.position(start);
                        break;
                    }
                    length = in.getLong();
                }
                if (in.remaining() < length) {
                    in.position(start);
                    break;
                }
                byte[] payload = new byte[(int) length];
                in.get(payload);
                frame(conn, b0, payload);
            }
            in.compact();
        }

        private static int headerEnd(ByteBuffer in) {
            for (int i = in.position(); i + 3 < in.limit(); i++) {
                if (in.get(i) == '\r' && in.get(i + 1) == '\n' && in.get(i + 2) == '\r' && in.get(i + 3) == '\n') {
                    return i + 4;
                }
            }
            return -1;
        }

        private void frame(Conn conn, int b0, byte[] payload) throws IOException {
            int opcode = b0 & 0x0f;
            boolean fin = (b0 & 0x80) != 0;
            if (opcode == 8) {
                conn.channel.close();
                return;
            }
            if (opcode != 1 && opcode != 0) {
                return;
            }
            if (!fin || conn.fragments != null) {
                if (conn.fragments == null) {
                    conn.fragments = new ByteArrayOutputStream();
                }
                conn.fragments.write(payload);
                if (!fin) {
                    return;
                }
                payload = conn.fragments.toByteArray();
                conn.fragments = null;
            }
            text(conn, new String(payload, StandardCharsets.UTF_8));
        }

        private void text(Conn conn, String text) {
            if (text.startsWith("{\"event\":\"message.created\"")) {
                onMessage(text);
            } else if (text.contains("pusher:connection_established")) {
                int at = text.indexOf("socket_id\\\":\\\"") + 14;
                conn.established.complete(text.substring(at, text.indexOf('\\', at)));
            } else if (text.contains("subscription_succeeded")) {
                conn.subscribed.complete(null);
            } else if (text.contains("pusher:ping")) {
                conn.send("{\"event\":\"pusher:pong\",\"data\":{}}");
            } else if (text.contains("pusher:error")) {
                System.out.println("server error: " + text);
                conn.subscribed.completeExceptionally(new IllegalStateException(text));
            }
        }
    }
}
