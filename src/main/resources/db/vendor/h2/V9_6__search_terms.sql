-- H2's search index: one row per (term, document) with the term's frequency in it. A query reads
-- one primary-key range per term. Filters are copied from search_documents, so no join is needed.
create table search_terms (
    workspace_id   char(26)    not null,
    term           varchar(64) not null,
    message_id     char(26)    not null,
    variant        varchar(8)  not null,
    channel_id     char(26)    not null,
    sender_user_id bigint,
    created_at     timestamp with time zone not null,
    tf             integer     not null,
    primary key (workspace_id, term, message_id, variant),
    foreign key (message_id, variant) references search_documents (message_id, variant) on delete cascade
);

create index search_terms_document on search_terms (message_id, variant);
