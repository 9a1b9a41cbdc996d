package com.rosettachat.device.internal;

import com.rosettachat.device.PushNotification;
import com.rosettachat.device.PushReport;
import com.rosettachat.user.User;
import com.rosettachat.user.UserService;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs every push off the caller's thread on a small bounded pool: loads the user's devices,
 * hands each provider its devices, deletes the ones reported invalid, and schedules retries of
 * transient failures (waiting the provider's {@code Retry-After}, else an exponential backoff)
 * without holding a thread while it waits. Nothing here ever throws to the caller.
 */
@Component
public class PushDispatcher {

    private static final Logger log = LoggerFactory.getLogger(PushDispatcher.class);

    private final DeviceStore store;
    private final PushTokens tokens;
    private final UserService users;
    private final PushProperties.Delivery settings;
    private final Map<String, PushProvider> providers = new LinkedHashMap<>();
    private final ScheduledThreadPoolExecutor executor;
    private final AtomicInteger open = new AtomicInteger();

    PushDispatcher(DeviceStore store, PushTokens tokens, UserService users, PushProperties properties, Clock clock) {
        this.store = store;
        this.tokens = tokens;
        this.users = users;
        this.settings = properties.delivery();
        PushHttp http = new PushHttp(settings.timeout());
        for (PushProvider provider : List.of(FcmProvider.create(properties.fcm(), http, clock),
                new ExpoProvider(properties.expo(), http, clock),
                new ApnsProvider(properties.apns(), settings.timeout(), clock))) {
            providers.put(provider.name(), provider);
            log.info("Push provider {} is {}", provider.name(), provider.enabled() ? "on" : "off");
        }
        AtomicInteger threadNumber = new AtomicInteger();
        this.executor = new ScheduledThreadPoolExecutor(Math.max(1, settings.threads()), runnable -> {
            Thread thread = new Thread(runnable, "push-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
    }

    /** Always returns at once; the future completes (never exceptionally) when every device is settled. */
    public CompletableFuture<PushReport> submit(long userId, PushNotification notification) {
        if (open.incrementAndGet() > settings.queueCapacity()) {
            open.decrementAndGet();
            log.warn("Push queue full ({} open sends): dropping a push to user {}", settings.queueCapacity(), userId);
            return CompletableFuture.completedFuture(PushReport.NONE);
        }
        Send send = new Send(notification);
        send.result.whenComplete((report, error) -> open.decrementAndGet());
        if (!schedule(() -> start(userId, send), Duration.ZERO)) {
            send.result.complete(PushReport.NONE);
        }
        return send.result;
    }

    /** The tally of one send, completed when its last provider batch settles. */
    private static final class Send {
        final PushNotification notification;
        final CompletableFuture<PushReport> result = new CompletableFuture<>();
        final AtomicInteger batches = new AtomicInteger(1); // the start step itself, until it has handed out every batch
        final AtomicInteger devices = new AtomicInteger();
        final AtomicInteger delivered = new AtomicInteger();
        final AtomicInteger removed = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicInteger skipped = new AtomicInteger();

        Send(PushNotification notification) {
            this.notification = notification;
        }

        void batchDone() {
            if (batches.decrementAndGet() == 0) {
                result.complete(new PushReport(devices.get(), delivered.get(), removed.get(), failed.get(), skipped.get()));
            }
        }
    }

    private void start(long userId, Send send) {
        try {
            if (!users.findById(userId).map(User::active).orElse(false)) {
                return;
            }
            Map<String, List<PushProvider.Target>> byProvider = new LinkedHashMap<>();
            for (DeviceStore.Row row : store.forUser(userId)) {
                send.devices.incrementAndGet();
                PushProvider provider = providers.get(row.device().provider());
                if (provider == null || !provider.enabled()) {
                    log.debug("Push provider {} is not configured: skipping device {}", row.device().provider(), row.device().id());
                    send.skipped.incrementAndGet();
                    continue;
                }
                try {
                    byProvider.computeIfAbsent(provider.name(), k -> new ArrayList<>()).add(
                            new PushProvider.Target(row.device().id(), row.tokenHash(), tokens.open(row.encryptedToken())));
                } catch (IllegalArgumentException e) {
                    // Sealed under an earlier app key: unusable until the app registers again, which re-seals it.
                    log.warn("Push token of device {} cannot be decrypted with the current app key; removing it", row.device().id());
                    store.deleteIfToken(row.device().id(), row.tokenHash());
                    send.removed.incrementAndGet();
                }
            }
            byProvider.forEach((name, targets) -> {
                send.batches.incrementAndGet();
                if (!schedule(() -> attempt(providers.get(name), targets, send, 1), Duration.ZERO)) {
                    send.failed.addAndGet(targets.size());
                    send.batchDone();
                }
            });
        } catch (RuntimeException e) {
            log.warn("Push to user {} could not start: {}", userId, e.toString());
        } finally {
            send.batchDone();
        }
    }

    private void attempt(PushProvider provider, List<PushProvider.Target> targets, Send send, int attempt) {
        List<PushProvider.Target> again = new ArrayList<>();
        Duration wait = null;
        try {
            List<PushProvider.Outcome> outcomes;
            try {
                outcomes = provider.deliver(targets, send.notification);
            } catch (RuntimeException e) {
                outcomes = PushProvider.Outcome.all(targets.size(), PushProvider.Outcome.retry(null, e.toString()));
            }
            for (int i = 0; i < targets.size(); i++) {
                PushProvider.Target target = targets.get(i);
                PushProvider.Outcome outcome = outcomes.get(i);
                switch (outcome.kind()) {
                    case DELIVERED -> send.delivered.incrementAndGet();
                    case INVALID_TOKEN -> {
                        log.info("{} reports device {} invalid ({}); removing it", provider.name(), target.deviceId(), outcome.reason());
                        store.deleteIfToken(target.deviceId(), target.tokenHash());
                        send.removed.incrementAndGet();
                    }
                    case FAILED -> {
                        log.warn("{} refused a push to device {}: {}", provider.name(), target.deviceId(), outcome.reason());
                        send.failed.incrementAndGet();
                    }
                    case RETRY -> {
                        again.add(target);
                        if (outcome.retryAfter() != null && (wait == null || outcome.retryAfter().compareTo(wait) > 0)) {
                            wait = outcome.retryAfter();
                        }
                        log.debug("{} push to device {} failed on attempt {}: {}", provider.name(), target.deviceId(), attempt, outcome.reason());
                    }
                }
            }
        } catch (RuntimeException e) {
            log.warn("{} push batch failed: {}", provider.name(), e.toString());
        }
        Duration delay = again.isEmpty() ? null : retryDelay(settings, attempt, wait);
        if (delay != null && schedule(() -> attempt(provider, again, send, attempt + 1), delay)) {
            return;
        }
        if (!again.isEmpty()) {
            log.warn("{} push to {} device(s) given up after {} attempt(s)", provider.name(), again.size(), attempt);
            send.failed.addAndGet(again.size());
        }
        send.batchDone();
    }

    /**
     * The wait before the next attempt, or null to give up: out of attempts, or the provider asks
     * for a longer pause than {@code max-backoff} (a push that late is no longer worth sending).
     */
    static Duration retryDelay(PushProperties.Delivery settings, int attempt, Duration retryAfter) {
        if (attempt >= settings.maxAttempts()) {
            return null;
        }
        if (retryAfter != null) {
            return retryAfter.compareTo(settings.maxBackoff()) > 0 ? null : retryAfter;
        }
        long base = settings.initialBackoff().toMillis() << Math.min(attempt - 1, 20);
        long jittered = (long) (base * ThreadLocalRandom.current().nextDouble(0.8, 1.2));
        return Duration.ofMillis(Math.min(jittered, settings.maxBackoff().toMillis()));
    }

    private boolean schedule(Runnable task, Duration delay) {
        try {
            executor.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (RejectedExecutionException e) {
            return false; // shutting down
        }
    }

    @PreDestroy
    void shutdown() {
        executor.shutdownNow();
        providers.values().forEach(provider -> {
            if (provider instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    log.debug("Closing {}: {}", provider.name(), e.toString());
                }
            }
        });
    }
}
