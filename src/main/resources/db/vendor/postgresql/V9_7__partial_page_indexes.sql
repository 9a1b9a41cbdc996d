-- Only pinned messages in the pins index. Beside being smaller, a partial index cannot be picked
-- for a channel's history page: with statistics from when the table was small, PostgreSQL chose
-- the full (channel_id, pinned_at) index for `channel_id = ? and parent_message_id is null order
-- by id desc` and sorted the whole channel, instead of walking messages_channel_page backwards.
-- (H2 has no partial indexes and plans that query by the page index anyway.)
drop index messages_channel_pins;
create index messages_channel_pins on messages (channel_id, pinned_at) where pinned_at is not null;

-- A channel's top-level messages in id order: PostgreSQL does not treat `parent_message_id is
-- null` as an equality that keeps messages_channel_page's id order, so it sorted every top-level
-- message of the channel for each page; this one is walked backwards and stops at the limit. It
-- carries the unread count's columns, so that count stays an index-only scan when it picks it.
create index messages_channel_top_page on messages (channel_id, id) include (deleted_at, type, sender_user_id)
    where parent_message_id is null;
