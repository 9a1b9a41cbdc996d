package com.rosettachat.realtime.internal;

import com.rosettachat.realtime.Caller;
import com.rosettachat.realtime.CallerResolver;
import com.rosettachat.realtime.ChannelAuthorizer;
import com.rosettachat.realtime.Subscriber;
import com.rosettachat.shared.Language;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Asks the channel authorizers and the caller resolvers, in their {@code @Order}. */
@Component
public class ChannelAuthorization {

    private static final Logger log = LoggerFactory.getLogger(ChannelAuthorization.class);

    private final List<ChannelAuthorizer> authorizers;
    private final List<CallerResolver> resolvers;

    ChannelAuthorization(List<ChannelAuthorizer> authorizers, List<CallerResolver> resolvers) {
        this.authorizers = authorizers;
        this.resolvers = resolvers;
    }

    public Optional<Caller> currentCaller() {
        for (CallerResolver resolver : resolvers) {
            Optional<Caller> caller = resolver.current();
            if (caller.isPresent()) {
                return caller;
            }
        }
        return Optional.empty();
    }

    /**
     * The subscriber the caller would be on the channel, or empty when refused. A name no
     * authorizer supports is refused; an unsupported language is read as English, so every
     * reader falls into one of the languages events are rendered in.
     */
    public Optional<Subscriber> authorize(Caller caller, String channel) {
        for (ChannelAuthorizer authorizer : authorizers) {
            if (authorizer.supports(channel)) {
                return authorizer.authorize(caller, channel).map(ChannelAuthorization::normalized);
            }
        }
        log.debug("No authorizer supports channel {}", channel);
        return Optional.empty();
    }

    private static Subscriber normalized(Subscriber subscriber) {
        return Language.fromCode(subscriber.language()).isPresent()
                ? subscriber
                : new Subscriber(Language.DEFAULT, subscriber.userInfo());
    }
}
