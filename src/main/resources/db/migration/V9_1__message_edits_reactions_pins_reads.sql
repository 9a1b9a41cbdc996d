-- Edits, deletes, pins, reactions and read state of messages.

-- A pin is state of the message itself: one per message, listed per channel newest first.
alter table messages add column pinned_at timestamp with time zone;
alter table messages add column pinned_by bigint;
alter table messages add constraint messages_pinned_by foreign key (pinned_by) references users (id) on delete set null;
create index messages_channel_pins on messages (channel_id, pinned_at);

-- Whether the translation pass that followed posting has ended. An edit sends the status back to
-- pending, but only the first pass may tell push that recipients waiting for their language can go.
alter table messages add column first_pass_done boolean not null default false;
update messages set first_pass_done = true where translation_status <> 'pending';

-- Unread counts read every message after a reader's marker; with the columns they filter on in the
-- page indexes (same leading columns, so history pages use them as before) PostgreSQL answers
-- from the index alone once autovacuum has marked the pages all-visible.
drop index messages_channel_page;
create index messages_channel_page on messages (channel_id, parent_message_id, id, deleted_at, type, sender_user_id);
drop index messages_conversation_page;
create index messages_conversation_page on messages (conversation_id, id, deleted_at, type, sender_user_id);

-- One row per (message, emoji, user); the ULID id orders a message's emoji by first use.
create table message_reactions (
    id         char(26)    primary key,
    message_id char(26)    not null references messages (id) on delete cascade,
    emoji      varchar(64) not null,
    user_id    bigint      not null references users (id) on delete cascade,
    created_at timestamp with time zone not null,
    constraint message_reactions_once unique (message_id, emoji, user_id)
);

-- Who a top-level message mentions, written when it is posted or edited: one row per mentioned
-- user (not per reader), so counting a reader's unread mentions never touches message text.
-- scope_id is the message's channel or conversation.
create table message_mentions (
    user_id    bigint   not null,
    scope_id   char(26) not null,
    message_id char(26) not null references messages (id) on delete cascade,
    primary key (user_id, scope_id, message_id)
);

create index message_mentions_message on message_mentions (message_id);

-- Read markers: one row per reader per channel or conversation, written only when they read.
create table channel_reads (
    user_id              bigint   not null references users (id) on delete cascade,
    channel_id           char(26) not null references channels (id) on delete cascade,
    last_read_message_id char(26) not null,
    read_at              timestamp with time zone not null,
    primary key (user_id, channel_id)
);

create index channel_reads_channel on channel_reads (channel_id);

create table conversation_reads (
    user_id              bigint   not null references users (id) on delete cascade,
    conversation_id      char(26) not null references direct_conversations (id) on delete cascade,
    last_read_message_id char(26) not null,
    read_at              timestamp with time zone not null,
    primary key (user_id, conversation_id)
);

create index conversation_reads_conversation on conversation_reads (conversation_id);
