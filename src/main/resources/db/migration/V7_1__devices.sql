-- Push devices. The push token is the identity (one row per token, whoever owns it); it is kept
-- encrypted with the application key (push_token) and found by its SHA-256 hex (token_hash).
create table devices (
    id           char(26)      primary key,
    user_id      bigint        not null references users (id) on delete cascade,
    platform     varchar(16)   not null,
    provider     varchar(16)   not null,
    token_hash   char(64)      not null,
    push_token   text          not null,
    device_id    varchar(255),
    device_name  varchar(255),
    app_version  varchar(64),
    last_used_at timestamp with time zone not null,
    created_at   timestamp with time zone not null,
    constraint devices_token_unique unique (token_hash)
);

create index devices_user on devices (user_id, last_used_at);
