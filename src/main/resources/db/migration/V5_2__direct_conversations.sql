-- Direct conversations: one per pair of users, stored with the smaller user id first.
create table direct_conversations (
    id              char(26)  primary key,
    user_low        bigint    not null references users (id) on delete cascade,
    user_high       bigint    not null references users (id) on delete cascade,
    last_message_at timestamp with time zone,
    created_at      timestamp with time zone not null,
    constraint direct_conversations_pair unique (user_low, user_high)
);

create index direct_conversations_high on direct_conversations (user_high);
