-- Temporary rooms: a workspace of kind 'temporary_room' with one channel, open to guests until it
-- expires or its owner closes it. status is 'active', 'expired' (set by the expiry job) or
-- 'closed'; readers also treat an 'active' row past expires_at as expired.
create table temporary_rooms (
    id                 char(26)      primary key,
    owner_id           bigint        not null references users (id) on delete cascade,
    workspace_id       char(26)      not null references workspaces (id) on delete cascade,
    channel_id         char(26)      not null references channels (id) on delete cascade,
    name               varchar(120)  not null,
    external_reference varchar(255),
    status             varchar(16)   not null,
    expires_at         timestamp with time zone not null,
    max_expires_at     timestamp with time zone not null,
    extension_count    integer       not null default 0,
    created_at         timestamp with time zone not null,
    updated_at         timestamp with time zone not null,
    constraint temporary_rooms_workspace_unique unique (workspace_id)
);

create index temporary_rooms_owner on temporary_rooms (owner_id, created_at);
create index temporary_rooms_due on temporary_rooms (status, expires_at);

-- Guests of a room. Only the SHA-256 of the session token is kept.
create table room_guests (
    id                 char(26)      primary key,
    room_id            char(26)      not null references temporary_rooms (id) on delete cascade,
    nickname           varchar(60)   not null,
    preferred_language varchar(8)    not null,
    token_hash         char(64)      not null,
    created_at         timestamp with time zone not null,
    constraint room_guests_token_unique unique (token_hash)
);

create index room_guests_room on room_guests (room_id);

-- One row per room owner, locked while a room is created, so that two concurrent creations
-- cannot both pass the quota check.
create table room_quota_locks (
    owner_id bigint primary key references users (id) on delete cascade
);
