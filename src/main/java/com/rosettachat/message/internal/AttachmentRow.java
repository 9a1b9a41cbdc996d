package com.rosettachat.message.internal;

/** An attachment with the file's name, type and size as they were when it was attached. */
public record AttachmentRow(String id, String messageId, String fileId, int position, String clientName,
                            String mimeType, long size) {
}
