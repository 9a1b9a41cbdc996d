package com.rosettachat.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;

/**
 * Records the events the running server publishes (on its request threads) while open, so a test
 * can check what later modules will be told without a listener bean of its own, which would give
 * the test a Spring context of its own.
 */
public final class RecordedEvents implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final List<Object> events = new CopyOnWriteArrayList<>();
    private final ApplicationListener<ApplicationEvent> listener = event -> {
        if (event instanceof PayloadApplicationEvent<?> payload) {
            events.add(payload.getPayload());
        }
    };

    public RecordedEvents(ConfigurableApplicationContext context) {
        this.context = context;
        context.addApplicationListener(listener);
    }

    public <T> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Override
    public void close() {
        context.removeApplicationListener(listener);
    }
}
