package com.rosettachat.realtime.internal;

import com.rosettachat.realtime.Caller;
import com.rosettachat.realtime.ChannelAuthorizer;
import com.rosettachat.realtime.RealtimeChannels;
import com.rosettachat.realtime.Subscriber;
import com.rosettachat.user.User;
import com.rosettachat.user.UserService;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.stereotype.Component;

/**
 * {@code private-user.{id}}: a user's own channel (their notifications and cross-device updates),
 * open to that user alone while the account is active, in their preferred language.
 */
@Component
class UserChannelAuthorizer implements ChannelAuthorizer {

    private static final String PREFIX = RealtimeChannels.PRIVATE + "user.";

    private final UserService users;

    UserChannelAuthorizer(UserService users) {
        this.users = users;
    }

    @Override
    public boolean supports(String channelName) {
        return channelName.startsWith(PREFIX);
    }

    @Override
    public Optional<Subscriber> authorize(Caller caller, String channelName) {
        OptionalLong userId = caller.userId();
        if (userId.isEmpty() || !channelName.equals(RealtimeChannels.user(userId.getAsLong()))) {
            return Optional.empty();
        }
        return users.findById(userId.getAsLong())
                .filter(User::active)
                .map(user -> Subscriber.reading(user.preferredLanguage()));
    }
}
