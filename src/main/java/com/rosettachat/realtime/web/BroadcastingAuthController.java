package com.rosettachat.realtime.web;

import com.rosettachat.realtime.Caller;
import com.rosettachat.realtime.internal.BroadcastAuth;
import com.rosettachat.shared.error.ApiException;
import com.rosettachat.shared.security.PublicEndpoint;
import com.rosettachat.shared.validation.Field;
import com.rosettachat.shared.validation.Input;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Realtime", description = "Channel authorization for the Pusher-protocol WebSocket at /app/{key}")
class BroadcastingAuthController {

    private static final Pattern SOCKET_ID = Pattern.compile("\\d{1,20}\\.\\d{1,20}");
    private static final Pattern CHANNEL_NAME = Pattern.compile("[-a-zA-Z0-9_=@,.;]+");

    private final BroadcastAuth auth;

    BroadcastingAuthController(BroadcastAuth auth) {
        this.auth = auth;
    }

    // Public to the interceptor because callers are not only signed-in users (room guests resolve
    // through a CallerResolver of their own); an unrecognized caller is 401 here.
    @PublicEndpoint
    @PostMapping("/broadcasting/auth")
    @Operation(summary = "Authorize a channel subscription",
            description = "Form or JSON `socket_id` and `channel_name`, as pusher-js and Laravel Echo send them. "
                    + "Answers `{\"auth\": \"{key}:{signature}\"}` (and `channel_data` for presence channels); "
                    + "403 for a channel the caller may not join.")
    Map<String, String> authorize(Input input) {
        Caller caller = auth.currentCaller().orElseThrow(ApiException::unauthenticated);
        Field socketId = input.field("socket_id").required().string();
        socketId.check(matches(SOCKET_ID, socketId.asString()), "The socket id field format is invalid.");
        Field channel = input.field("channel_name").required().string().max(200);
        channel.check(matches(CHANNEL_NAME, channel.asString()), "The channel name field format is invalid.");
        input.validate();
        return auth.authorize(caller, socketId.asString(), channel.asString());
    }

    private static boolean matches(Pattern pattern, String value) {
        return value != null && pattern.matcher(value).matches();
    }
}
