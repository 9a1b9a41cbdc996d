-- Messages of channels and direct conversations, stored once in the sender's words.
create table messages (
    id                 char(26)     primary key,
    workspace_id       char(26),
    channel_id         char(26)     references channels (id) on delete cascade,
    conversation_id    char(26)     references direct_conversations (id) on delete cascade,
    parent_message_id  char(26)     references messages (id) on delete cascade,
    type               varchar(16)  not null,
    sender_type        varchar(16)  not null,
    sender_user_id     bigint       references users (id) on delete set null,
    sender_ref         varchar(64),
    sender_name        varchar(255),
    content            text         not null,
    original_language  varchar(8)   not null,
    translation_status varchar(16)  not null,
    skip_translation   boolean      not null,
    reply_count        integer      not null default 0,
    edited_at          timestamp with time zone,
    deleted_at         timestamp with time zone,
    created_at         timestamp with time zone not null
);

-- History pages walk these in id (= time) order: top-level messages of a channel, a conversation, a thread.
create index messages_channel_page on messages (channel_id, parent_message_id, id);
create index messages_conversation_page on messages (conversation_id, id);
create index messages_thread_page on messages (parent_message_id, id);

-- A file's name, type and size are copied at attach time: files never change, and history
-- pages then need no join into the file module's table.
create table message_attachments (
    id          char(26)     primary key,
    message_id  char(26)     not null references messages (id) on delete cascade,
    file_id     char(26)     not null references files (id),
    position    integer      not null,
    client_name varchar(255) not null,
    mime_type   varchar(255) not null,
    size        bigint       not null
);

create index message_attachments_message on message_attachments (message_id, position);
create index message_attachments_file on message_attachments (file_id);

-- One row per (message, reader language), written by the translation worker.
create table message_translations (
    message_id char(26)    not null references messages (id) on delete cascade,
    language   varchar(8)  not null,
    content    text        not null,
    created_at timestamp with time zone not null,
    primary key (message_id, language)
);
