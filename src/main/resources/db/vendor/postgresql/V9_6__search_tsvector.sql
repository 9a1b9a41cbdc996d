-- PostgreSQL's search index: the document's segmented terms as a tsvector (written by the
-- application, lexemes verbatim, positions giving term frequency) under a GIN index. A query for
-- rare words reads the GIN index; one for common words walks the workspace's newest documents
-- backwards until it has its ranking window (search_documents_recent).
alter table search_documents add column terms tsvector not null default ''::tsvector;

create index search_documents_terms on search_documents using gin (terms);
create index search_documents_recent on search_documents (workspace_id, message_id);
