-- Workspaces, their members and invite links. A temporary room is a workspace of kind
-- 'temporary_room'. default_channel_id points at a row of the channel module's table (V4_2); it
-- has no foreign key because the two tables are created by different modules in turn.
create table workspaces (
    id                 char(26)      primary key,
    name               varchar(120)  not null,
    slug               varchar(80)   not null,
    visibility         varchar(16)   not null,
    password_hash      varchar(255),
    kind               varchar(32)   not null,
    owner_id           bigint        not null references users (id),
    default_channel_id char(26),
    created_at         timestamp with time zone not null,
    updated_at         timestamp with time zone not null,
    constraint workspaces_slug_unique unique (slug)
);

create table workspace_members (
    id                 char(26)      primary key,
    workspace_id       char(26)      not null references workspaces (id) on delete cascade,
    user_id            bigint        not null references users (id) on delete cascade,
    role               varchar(16)   not null,
    -- The member's override for this workspace; null means the user's own preferred_language.
    preferred_language varchar(8),
    joined_at          timestamp with time zone not null,
    constraint workspace_members_unique unique (workspace_id, user_id)
);

create index workspace_members_user on workspace_members (user_id);

-- Multi-use links; a revoked invite is deleted, an expired one stays until it is revoked.
create table workspace_invites (
    id           char(26)      primary key,
    workspace_id char(26)      not null references workspaces (id) on delete cascade,
    token        varchar(64)   not null,
    created_by   bigint        references users (id) on delete set null,
    expires_at   timestamp with time zone not null,
    created_at   timestamp with time zone not null,
    constraint workspace_invites_token_unique unique (token)
);

create index workspace_invites_workspace on workspace_invites (workspace_id, created_at);
