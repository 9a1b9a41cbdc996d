package com.rosettachat.message.web;

import com.rosettachat.channel.ChannelAccess;
import com.rosettachat.file.FileService;
import com.rosettachat.file.StoredFile;
import com.rosettachat.message.AttachmentLocation;
import com.rosettachat.message.MessageAudience;
import com.rosettachat.message.MessageService;
import com.rosettachat.shared.error.ApiException;
import com.rosettachat.shared.security.CurrentUser;
import com.rosettachat.shared.web.Downloads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Attachment bytes for everyone who may read the message. An attachment whose file its owner
 * deleted answers 410, since the message still shows it was there.
 */
@RestController
@Tag(name = "Attachments", description = "Download the files attached to channel and direct messages")
class AttachmentDownloadsController {

    static final String GONE = "The file is no longer available.";

    private final MessageService messages;
    private final MessageAudience audience;
    private final ChannelAccess channels;
    private final FileService files;

    AttachmentDownloadsController(MessageService messages, MessageAudience audience, ChannelAccess channels, FileService files) {
        this.messages = messages;
        this.audience = audience;
        this.channels = channels;
        this.files = files;
    }

    @GetMapping(path = "/api/v1/message-attachments/{attachment_id}/download", produces = MediaType.ALL_VALUE)
    @Operation(summary = "Download a channel message attachment", description = "Streams the bytes with Range support.")
    void channelAttachment(CurrentUser caller, @PathVariable("attachment_id") String attachmentId,
                           HttpServletRequest request, HttpServletResponse response) throws IOException {
        AttachmentLocation location = messages.attachment(attachmentId)
                .filter(a -> a.channelId() != null && channels.canRead(caller.id(), a.workspaceId(), a.channelId()))
                .orElseThrow(ApiException::notFound);
        stream(location, request, response);
    }

    @GetMapping(path = "/api/v1/direct-message-attachments/{attachment_id}/download", produces = MediaType.ALL_VALUE)
    @Operation(summary = "Download a direct message attachment", description = "Streams the bytes with Range support.")
    void directAttachment(CurrentUser caller, @PathVariable("attachment_id") String attachmentId,
                          HttpServletRequest request, HttpServletResponse response) throws IOException {
        AttachmentLocation location = messages.attachment(attachmentId)
                .filter(a -> a.conversationId() != null && audience.isParticipant(caller.id(), a.conversationId()))
                .orElseThrow(ApiException::notFound);
        stream(location, request, response);
    }

    private void stream(AttachmentLocation location, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        StoredFile file = files.find(location.fileId()).filter(f -> f.deletedAt() == null)
                .orElseThrow(() -> new ApiException(410, GONE));
        Downloads.stream(request, response, location.clientName(), location.mimeType(), location.size(),
                (offset, length) -> files.open(file, offset, length));
    }
}
