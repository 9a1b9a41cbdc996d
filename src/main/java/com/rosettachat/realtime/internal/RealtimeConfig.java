package com.rosettachat.realtime.internal;

import jakarta.websocket.Extension;
import jakarta.websocket.server.ServerContainer;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import org.apache.coyote.AbstractProtocol;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.server.standard.ServerEndpointExporter;
import org.springframework.web.socket.server.standard.ServerEndpointRegistration;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires the realtime engine: the bus (in process, or Redis when {@code ROSETTA_REDIS_URL} is set —
 * no Redis client exists otherwise), the {@code /app/{key}} endpoint on the server's own port, and
 * Tomcat's per-socket buffers sized for many idle sockets.
 */
@Configuration(proxyBeanMethods = false)
class RealtimeConfig {

    @Bean
    Hub realtimeLocalHub(ChannelAuthorization authorization, @Qualifier("applicationTaskExecutor") Executor executor,
                         JsonMapper json, RealtimeProperties properties) {
        return new Hub(authorization, executor, json, properties.maxChannelsPerConnection());
    }

    @Bean
    EventBus realtimeEventBus(Hub hub, Clock clock, RealtimeProperties properties, JsonMapper json) {
        return properties.redisEnabled()
                ? new RedisEventBus(hub, clock, properties, json)
                : new LocalEventBus(hub, clock, properties);
    }

    @Bean
    RealtimeService realtimeService(EventBus bus, JsonMapper json) {
        return new RealtimeService(bus, json);
    }

    @Bean
    ActivityMonitor realtimeActivityMonitor(Hub hub, Clock clock, RealtimeProperties properties) {
        return new ActivityMonitor(hub, clock, properties);
    }

    @Bean
    PusherEndpoint pusherEndpoint(Hub hub, EventBus bus, AppCredentials credentials, JsonMapper json, Clock clock,
                                  @Qualifier("applicationTaskExecutor") Executor executor, RealtimeProperties properties) {
        PusherProtocol protocol = new PusherProtocol(hub, bus, credentials, json, properties.clientEventsPerSecond());
        Connection.Limits limits = new Connection.Limits(properties.sendBuffer().toBytes(),
                properties.sendTimeLimit().toNanos(), writerExecutor(), executor, clock);
        return new PusherEndpoint(hub, protocol, credentials, limits, properties.activityTimeout().toSeconds(),
                (int) properties.maxMessageSize().toBytes(), properties.sendTimeLimit().toMillis());
    }

    /**
     * Socket writers: a virtual thread per draining socket on Java 21+, where a send waiting for a
     * slow client costs almost nothing; a small pool of platform threads on older JVMs. The
     * threads are started from a bare factory, not an ExecutorService, which would track every
     * thread in a shared set (a tenth of the cost of a delivery).
     */
    private static Executor writerExecutor() {
        try {
            Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
            ThreadFactory factory = (ThreadFactory) builder.getClass().getMethod("factory").invoke(builder);
            return task -> factory.newThread(task).start();
        } catch (ReflectiveOperationException | RuntimeException e) {
            int threads = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
            return Executors.newFixedThreadPool(threads, runnable -> {
                Thread thread = new Thread(runnable, "realtime-writer");
                thread.setDaemon(true);
                return thread;
            });
        }
    }

    @Bean
    ServerEndpointRegistration pusherEndpointRegistration(PusherEndpoint endpoint) {
        return new ServerEndpointRegistration("/app/{key}", endpoint) {
            // permessage-deflate would compress every frame once per socket and hold a zlib stream per socket
            @Override
            public List<Extension> getNegotiatedExtensions(List<Extension> installed, List<Extension> requested) {
                return List.of();
            }
        };
    }

    /**
     * Registers the endpoint, after sizing the container's per-socket message buffers: small,
     * because messages of any length arrive in parts and are joined.
     */
    @Bean
    ServerEndpointExporter realtimeEndpointExporter(RealtimeProperties properties) {
        int buffer = (int) properties.messageBufferSize().toBytes();
        return new ServerEndpointExporter() {
            @Override
            public void afterSingletonsInstantiated() {
                ServerContainer container = getServerContainer();
                if (container != null) {
                    container.setDefaultMaxTextMessageBufferSize(buffer);
                    container.setDefaultMaxBinaryMessageBufferSize(buffer);
                    container.setDefaultMaxSessionIdleTimeout(0L);
                    // No container send timeout: it would register every send in a shared sorted set.
                    // A stuck send is ended by the blocking-send limit set on each session.
                    container.setAsyncSendTimeout(-1L);
                }
                super.afterSingletonsInstantiated();
            }
        };
    }

    /**
     * Tomcat's socket buffers, its WebSocket frame buffers (a JVM-wide system property, read when
     * Tomcat's WebSocket classes load, so it is set before the server starts), and — unless
     * {@code server.tomcat.max-connections} is set — its connection limit: every open socket
     * counts, and Tomcat's default of 8192 would refuse the rest. Runs after Boot's own
     * customizers, which would otherwise put that default back.
     */
    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> realtimeTomcat(RealtimeProperties properties,
                                                                                Environment environment) {
        if (System.getProperty(TOMCAT_WS_BUFFER) == null) {
            System.setProperty(TOMCAT_WS_BUFFER, Long.toString(properties.frameBufferSize().toBytes()));
        }
        String size = Long.toString(properties.socketBufferSize().toBytes());
        boolean ownLimit = !environment.containsProperty("server.tomcat.max-connections");
        return new OrderedTomcatCustomizer(factory -> factory.addConnectorCustomizers(connector -> {
            connector.setProperty("socket.appReadBufSize", size);
            connector.setProperty("socket.appWriteBufSize", size);
            if (ownLimit && connector.getProtocolHandler() instanceof AbstractProtocol<?> protocol) {
                protocol.setMaxConnections(properties.maxConnections());
            }
        }));
    }

    private record OrderedTomcatCustomizer(WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> delegate)
            implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

        @Override
        public void customize(ConfigurableTomcatWebServerFactory factory) {
            delegate.customize(factory);
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    private static final String TOMCAT_WS_BUFFER = "org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE";
}
