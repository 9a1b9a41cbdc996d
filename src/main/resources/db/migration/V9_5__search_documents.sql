-- Search (issue 9): one row per searchable text of a channel message, its original (variant
-- 'original') and each stored translation (variant = the language). Where the terms live depends
-- on the database (V9_6 in db/vendor/{vendor}): a term table on H2, a tsvector on PostgreSQL.
-- workspace, channel, sender and time are copied here so a search reads no other module's table.
create table search_documents (
    message_id     char(26)    not null references messages (id) on delete cascade,
    variant        varchar(8)  not null,
    workspace_id   char(26)    not null,
    channel_id     char(26)    not null,
    sender_user_id bigint,
    created_at     timestamp with time zone not null,
    primary key (message_id, variant)
);

-- How far the backfill of messages posted before search existed (or before a reindex) has come.
create table search_backfill (
    name            varchar(32) primary key,
    last_message_id char(26),
    completed_at    timestamp with time zone
);
