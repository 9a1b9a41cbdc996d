package com.rosettachat.support;

import com.rosettachat.realtime.Broadcaster;
import com.rosettachat.shared.security.PublicEndpoint;
import com.rosettachat.shared.validation.Input;
import java.util.Map;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Only on {@link TestServerNode}s (and the realtime benchmark's server): lets a test publish on
 * that node through the publishing API, as the message module's listeners will. {@code count}
 * publishes that many events, {@code text} followed by their index. Never active in the suite's
 * own server.
 */
@Profile(TestServerNode.PROFILE)
@RestController
@PublicEndpoint
class RealtimeTestNodeController {

    private final Broadcaster broadcaster;

    RealtimeTestNodeController(Broadcaster broadcaster) {
        this.broadcaster = broadcaster;
    }

    @PostMapping("/test-node/publish")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void publish(Input input) {
        String text = (String) input.raw("text");
        Long count = input.field("count").integer().asLong();
        for (int i = 0; i < (count == null ? 1 : count); i++) {
            String body = count == null ? text : text + i;
            // when publishing began, on the machine's monotonic clock, for the benchmark's fan-out latency
            long publishedAt = System.nanoTime();
            broadcaster.publishPerLanguage((String) input.raw("channel"), (String) input.raw("event"),
                    language -> Map.of("data", Map.of("text", body + " " + language, "published_at", publishedAt)));
        }
    }
}
