-- Spring Modulith's event publication registry (schema v2), created by Flyway rather than by
-- Modulith so that it exists before outstanding events are resubmitted at start-up, and so that
-- one script serves H2 and PostgreSQL.
create table if not exists event_publication (
    id                     uuid          not null primary key,
    listener_id            varchar(512)  not null,
    event_type             varchar(512)  not null,
    serialized_event       varchar(1000000) not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 varchar(20),
    completion_attempts    int,
    last_resubmission_date timestamp with time zone
);

create index if not exists event_publication_by_completion_date_idx on event_publication (completion_date);
create index if not exists event_publication_by_listener_idx on event_publication (listener_id);
