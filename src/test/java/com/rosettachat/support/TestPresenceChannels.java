package com.rosettachat.support;

import com.rosettachat.realtime.Caller;
import com.rosettachat.realtime.ChannelAuthorizer;
import com.rosettachat.realtime.Subscriber;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A presence channel family for the tests, {@code presence-test.*}, open to every user: the
 * server's own presence channels belong to modules built later, and the protocol needs testing now.
 * Registered through the same SPI those modules use.
 */
@Component
class TestPresenceChannels implements ChannelAuthorizer {

    @Override
    public boolean supports(String channelName) {
        return channelName.startsWith("presence-test.");
    }

    @Override
    public Optional<Subscriber> authorize(Caller caller, String channelName) {
        return caller.userId().isPresent()
                ? Optional.of(Subscriber.reading("en").withUserInfo(Map.of("name", "user " + caller.id())))
                : Optional.empty();
    }
}
