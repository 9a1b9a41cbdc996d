package com.rosettachat.realtime.internal;

import com.rosettachat.realtime.Caller;
import com.rosettachat.realtime.RealtimeChannels;
import com.rosettachat.realtime.Subscriber;
import com.rosettachat.shared.error.ApiException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /broadcasting/auth}: asks the channel's authorizer, remembers the answer for the
 * socket (its node learns from it who subscribes and in which language), and signs the
 * subscription as Pusher does.
 */
@Service
public class BroadcastAuth {

    private final ChannelAuthorization authorization;
    private final EventBus bus;
    private final AppCredentials credentials;
    private final JsonMapper json;

    BroadcastAuth(ChannelAuthorization authorization, EventBus bus, AppCredentials credentials, JsonMapper json) {
        this.authorization = authorization;
        this.bus = bus;
        this.credentials = credentials;
        this.json = json;
    }

    public Optional<Caller> currentCaller() {
        return authorization.currentCaller();
    }

    /** {@code {"auth": ...}}, with {@code channel_data} for presence channels; 403 when refused. */
    public Map<String, String> authorize(Caller caller, String socketId, String channel) {
        Subscriber subscriber = authorization.authorize(caller, channel).orElseThrow(ApiException::forbidden);
        bus.putGrant(socketId, channel, new Grant(caller, subscriber));
        Map<String, String> answer = new LinkedHashMap<>();
        if (RealtimeChannels.isPresence(channel)) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("user_id", caller.memberId());
            data.put("user_info", subscriber.userInfo());
            String channelData = json.writeValueAsString(data);
            answer.put("auth", credentials.channelAuth(socketId, channel, channelData));
            answer.put("channel_data", channelData);
        } else {
            answer.put("auth", credentials.channelAuth(socketId, channel, null));
        }
        return answer;
    }
}
