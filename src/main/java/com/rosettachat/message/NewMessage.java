package com.rosettachat.message;

import java.util.List;

/**
 * A message to post. {@code attachmentOwner} is whose staged uploads may be attached: a user, or a
 * room guest's anonymous uploads of that room.
 */
public record NewMessage(MessageScope scope, Sender sender, String content, String type, List<String> attachmentIds,
                         String parentMessageId, boolean skipTranslation, AttachmentOwner attachmentOwner) {

    public NewMessage {
        attachmentIds = attachmentIds == null ? List.of() : List.copyOf(attachmentIds);
        type = type == null ? Message.TEXT : type;
    }

    public record AttachmentOwner(Long userId, String roomId) {
        public static AttachmentOwner user(long userId) {
            return new AttachmentOwner(userId, null);
        }

        public static AttachmentOwner guestOf(String roomId) {
            return new AttachmentOwner(null, roomId);
        }
    }
}
