-- Uploaded files. Bytes live in the configured storage under storage_key (a server-made ULID).
create table files (
    id           char(26)      primary key,
    owner_user_id bigint       references users (id) on delete set null,
    room_id      char(26),
    client_name  varchar(255)  not null,
    mime_type    varchar(255)  not null,
    size         bigint        not null,
    visibility   varchar(16)   not null,
    meta         text,
    claimed      boolean       not null default false,
    expires_at   timestamp with time zone,
    deleted_at   timestamp with time zone,
    created_at   timestamp with time zone not null,
    storage_key  varchar(64)   not null
);

create index files_owner on files (owner_user_id, created_at);
create index files_pending on files (claimed, expires_at);
