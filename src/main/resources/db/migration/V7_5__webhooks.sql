-- Incoming webhooks of a workspace. The secret is needed in plain text to check signatures, so it
-- is stored sealed with the application key (AppKey.encrypt), never as it was handed out.
create table webhooks (
    id                 char(26)      primary key,
    workspace_id       char(26)      not null references workspaces (id) on delete cascade,
    name               varchar(120)  not null,
    default_channel_id char(26)      references channels (id) on delete set null,
    secret_ciphertext  varchar(255)  not null,
    is_active          boolean       not null default true,
    created_by         bigint        references users (id) on delete set null,
    last_used_at       timestamp with time zone,
    created_at         timestamp with time zone not null,
    updated_at         timestamp with time zone not null
);

create index webhooks_workspace on webhooks (workspace_id, created_at);
