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
 * Only on {@link TestServerNode}s: lets a test publish on that node through the publishing API,
 * as the message module's listeners will. Never active in the suite's own server.
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
        broadcaster.publishPerLanguage((String) input.raw("channel"), (String) input.raw("event"),
                language -> Map.of("data", Map.of("text", text + " " + language)));
    }
}
