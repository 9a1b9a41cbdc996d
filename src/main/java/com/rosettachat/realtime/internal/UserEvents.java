package com.rosettachat.realtime.internal;

import com.rosettachat.realtime.Caller;
import com.rosettachat.realtime.RealtimeHub;
import com.rosettachat.user.UserDeactivated;
import com.rosettachat.user.UserLanguageChanged;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Account changes that reach open sockets: a deactivated user's subscriptions end at once (as
 * their tokens do), and a new preferred language applies to the events that follow.
 */
@Component
class UserEvents {

    private final RealtimeHub hub;

    UserEvents(RealtimeHub hub) {
        this.hub = hub;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(UserDeactivated event) {
        hub.revokeAll(Caller.user(event.userId()));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(UserLanguageChanged event) {
        hub.recheck(Caller.user(event.userId()));
    }
}
