package com.rosettachat.message;

import com.rosettachat.shared.Ids;
import com.rosettachat.shared.validation.Input;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The body of every "post a message" route (channel, direct, webhook, automation, room), checked
 * with the rules of CONTRACT §6; what needs the database (attachments, parent) is checked when posting.
 */
public record MessageRequest(String content, String type, List<String> attachmentIds, String parentMessageId,
                             boolean skipTranslation) {

    public static final int MAX_CONTENT = 10_000;
    public static final int MAX_ATTACHMENTS = 10;

    /** What a route accepts beyond content: a {@code type}, and threads. */
    public enum Options { TYPE, THREADS }

    public static MessageRequest parse(Input input, Options... options) {
        Set<Options> accepted = Set.of(options);
        var contentField = input.field("content").requiredWithout("attachment_ids").string().max(MAX_CONTENT);
        String content = contentField.asString();
        List<?> ids = input.field("attachment_ids").array().max(MAX_ATTACHMENTS).asList();
        List<String> attachmentIds = new ArrayList<>();
        if (ids != null) {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < ids.size(); i++) {
                String name = "attachment_ids." + i;
                String id = input.value(name, ids.get(i)).required().string().asString();
                if (id == null) {
                    continue;
                }
                if (!seen.add(id.toLowerCase())) {
                    input.fail(name, "The " + name.replace('_', ' ') + " field has a duplicate value.");
                } else {
                    attachmentIds.add(id.toLowerCase());
                }
            }
        }
        String type = null;
        if (accepted.contains(Options.TYPE)) {
            type = input.field("type").string().in(Message.CLIENT_TYPES).asString();
        }
        String parent = null;
        if (accepted.contains(Options.THREADS)) {
            parent = input.field("parent_message_id").string()
                    .check(Ids.isValid(input.raw("parent_message_id")), "The selected parent message id is invalid.")
                    .asString();
        }
        Boolean skip = input.field("skip_translation").bool().asBoolean();
        input.validate();
        return new MessageRequest(content, type == null ? Message.TEXT : type, List.copyOf(attachmentIds),
                parent == null ? null : parent.toLowerCase(), Boolean.TRUE.equals(skip));
    }

    public NewMessage toMessage(MessageScope scope, Sender sender, NewMessage.AttachmentOwner owner) {
        return new NewMessage(scope, sender, content, type, attachmentIds, parentMessageId, skipTranslation, owner);
    }
}
