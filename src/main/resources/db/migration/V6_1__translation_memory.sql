-- Translation memory: one translation per (source language, target language, SHA-256 hex of the
-- normalised text with its protected spans replaced by numbered tokens). The stored text keeps
-- those tokens, so every message that differs only in its URLs, mentions, code or emoji reuses it.
create table translation_memory (
    source_language varchar(16)  not null,
    target_language varchar(16)  not null,
    text_hash       char(64)     not null,
    translated_text text         not null,
    provider        varchar(32)  not null,
    created_at      timestamp with time zone not null,
    -- The hash first: lookups give it and the source, and ask for several targets at once.
    primary key (text_hash, source_language, target_language)
);
