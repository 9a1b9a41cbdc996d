-- Channels of a workspace and the members of each. A channel member row hangs off the workspace
-- membership, so removing someone from the workspace removes them from every channel at once.
create table channels (
    id            char(26)      primary key,
    workspace_id  char(26)      not null references workspaces (id) on delete cascade,
    name          varchar(120)  not null,
    slug          varchar(80)   not null,
    visibility    varchar(16)   not null,
    password_hash varchar(255),
    is_default    boolean       not null default false,
    created_by    bigint        references users (id) on delete set null,
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null,
    constraint channels_slug_unique unique (workspace_id, slug)
);

create table channel_members (
    channel_id char(26)  not null references channels (id) on delete cascade,
    member_id  char(26)  not null references workspace_members (id) on delete cascade,
    user_id    bigint    not null,
    joined_at  timestamp with time zone not null,
    primary key (channel_id, member_id)
);

create index channel_members_user on channel_members (user_id, channel_id);
