-- PostgreSQL's search index: the document's segmented terms as a tsvector (written by the
-- application, lexemes verbatim, positions giving term frequency) under a GIN index.
alter table search_documents add column terms tsvector not null default ''::tsvector;

create index search_documents_terms on search_documents using gin (terms);
