package com.rosettachat.message;

import java.util.List;

/** Who takes part in a direct conversation; implemented by the direct module. */
public interface ConversationDirectory {

    boolean isParticipant(long userId, String conversationId);

    /** Both participants, each in their own language. */
    List<Viewer> readers(String conversationId);
}
