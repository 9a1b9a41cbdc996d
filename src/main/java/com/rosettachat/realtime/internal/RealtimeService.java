package com.rosettachat.realtime.internal;

import com.rosettachat.realtime.Broadcaster;
import com.rosettachat.realtime.Caller;
import com.rosettachat.realtime.RealtimeChannels;
import com.rosettachat.realtime.RealtimeHub;
import java.util.Objects;
import java.util.function.Function;
import tools.jackson.databind.json.JsonMapper;

/** The module's API to the rest of the server: publishing, rechecks and revocations, all through the bus. */
final class RealtimeService implements Broadcaster, RealtimeHub {

    private final EventBus bus;
    private final JsonMapper json;

    RealtimeService(EventBus bus, JsonMapper json) {
        this.bus = bus;
        this.json = json;
    }

    @Override
    public void publish(String channel, String event, Object payload) {
        bus.publish(checked(channel), Objects.requireNonNull(event, "event"), Payload.shared(payload, json));
    }

    @Override
    public void publishPerLanguage(String channel, String event, Function<String, ?> render) {
        bus.publish(checked(channel), Objects.requireNonNull(event, "event"), Payload.perLanguage(render, json));
    }

    /** Only private and presence channels exist here; anything else would be readable by anyone. */
    private static String checked(String channel) {
        if (channel == null || !RealtimeChannels.isAuthorized(channel) || !PusherProtocol.CHANNEL_NAME.matcher(channel).matches()) {
            throw new IllegalArgumentException("Not a private or presence channel name: " + channel);
        }
        return channel;
    }

    @Override
    public void recheck(String channelName) {
        bus.control(new HubControl(false, Objects.requireNonNull(channelName), null, null));
    }

    @Override
    public void recheck(Caller caller) {
        bus.control(new HubControl(false, null, caller.type(), caller.id()));
    }

    @Override
    public void revoke(Caller caller, String channelName) {
        bus.control(new HubControl(true, Objects.requireNonNull(channelName), caller.type(), caller.id()));
    }

    @Override
    public void revokeAll(Caller caller) {
        bus.control(new HubControl(true, null, caller.type(), caller.id()));
    }
}
