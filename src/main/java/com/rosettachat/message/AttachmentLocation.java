package com.rosettachat.message;

/** Where an attachment belongs, so a download can be authorized by whoever may read its message. */
public record AttachmentLocation(String attachmentId, String fileId, String workspaceId, String channelId,
                                 String conversationId, String clientName, String mimeType, long size) {
}
