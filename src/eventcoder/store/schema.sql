-- The eventcoder store: one DuckDB file holding every coded article, its annotations and its events.
-- Offsets are character offsets into documents.text, end exclusive. Code columns name their vocabulary
-- (plover_type, cameo_code, quad_class). Every table but documents, failures and reviews is keyed by doc_id and
-- rewritten whole when an article is coded again.

CREATE TABLE IF NOT EXISTS store_meta (
    key VARCHAR PRIMARY KEY,
    value VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS documents (
    id VARCHAR PRIMARY KEY,
    content_hash VARCHAR NOT NULL,          -- sha256 of the article text: the same text is the same article
    title VARCHAR,
    published DATE,
    outlet VARCHAR,
    language VARCHAR,
    url VARCHAR,
    author VARCHAR,
    coder_version VARCHAR NOT NULL,         -- eventcoder version that coded it
    coded_at TIMESTAMP NOT NULL,            -- UTC
    n_sentences INTEGER NOT NULL,
    n_actors INTEGER NOT NULL,
    n_events INTEGER NOT NULL,
    text VARCHAR NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_content_hash ON documents (content_hash);

CREATE TABLE IF NOT EXISTS sentences (
    doc_id VARCHAR NOT NULL,
    sentence_index INTEGER NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    kind VARCHAR NOT NULL,                  -- title | body | caption | boilerplate | quote
    paragraph INTEGER,
    text VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS actors (
    doc_id VARCHAR NOT NULL,
    actor_index INTEGER NOT NULL,
    name VARCHAR NOT NULL,
    code VARCHAR,
    kind VARCHAR NOT NULL,                  -- state | organization | person | group | other
    country VARCHAR,                        -- ISO 3166 alpha-3
    sector VARCHAR,
    affiliation VARCHAR
);

CREATE TABLE IF NOT EXISTS actor_mentions (
    doc_id VARCHAR NOT NULL,
    actor_index INTEGER NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    text VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS places (
    doc_id VARCHAR NOT NULL,
    place_index INTEGER NOT NULL,
    name VARCHAR NOT NULL,
    country VARCHAR,
    lat DOUBLE,
    lon DOUBLE,
    feature VARCHAR,
    geonameid BIGINT
);

CREATE TABLE IF NOT EXISTS place_mentions (
    doc_id VARCHAR NOT NULL,
    place_index INTEGER NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    text VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS dates (
    doc_id VARCHAR NOT NULL,
    date_index INTEGER NOT NULL,
    text VARCHAR NOT NULL,
    value VARCHAR,                          -- YYYY, YYYY-MM or YYYY-MM-DD
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    sentence_index INTEGER,
    role VARCHAR
);

CREATE TABLE IF NOT EXISTS quotes (
    doc_id VARCHAR NOT NULL,
    quote_index INTEGER NOT NULL,
    speaker VARCHAR,
    speaker_code VARCHAR,
    kind VARCHAR NOT NULL,                  -- direct | indirect
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    sentence_index INTEGER,
    text VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS events (
    id VARCHAR PRIMARY KEY,
    doc_id VARCHAR NOT NULL,
    sentence_index INTEGER,
    evidence VARCHAR NOT NULL,
    evidence_start INTEGER NOT NULL,
    evidence_end INTEGER NOT NULL,
    plover_type VARCHAR NOT NULL,
    plover_mode VARCHAR,
    plover_context VARCHAR[],
    cameo_code VARCHAR,
    quad_class TINYINT,
    goldstein DOUBLE,
    source_name VARCHAR,
    source_code VARCHAR,
    source_kind VARCHAR,
    source_country VARCHAR,
    source_sector VARCHAR,
    source_affiliation VARCHAR,
    target_name VARCHAR,
    target_code VARCHAR,
    target_kind VARCHAR,
    target_country VARCHAR,
    target_sector VARCHAR,
    target_affiliation VARCHAR,
    date VARCHAR,                           -- as coded: YYYY, YYYY-MM or YYYY-MM-DD
    date_start DATE,                        -- first day of that period, for filtering and grouping
    date_precision VARCHAR,                 -- day | month | year
    date_source VARCHAR,                    -- text | published
    location_name VARCHAR,
    location_country VARCHAR,
    location_lat DOUBLE,
    location_lon DOUBLE,
    negated BOOLEAN NOT NULL,
    hypothetical BOOLEAN NOT NULL,
    reported_by_name VARCHAR,
    reported_by_code VARCHAR,
    reported_by_kind VARCHAR,
    reported_by_country VARCHAR,
    reported_by_sector VARCHAR,
    reported_by_affiliation VARCHAR,
    confidence DOUBLE,
    coder VARCHAR,
    trigger VARCHAR,
    mentions INTEGER
);
CREATE INDEX IF NOT EXISTS events_doc_id ON events (doc_id);

CREATE TABLE IF NOT EXISTS failures (
    id VARCHAR PRIMARY KEY,                 -- the article id that could not be coded
    reason VARCHAR NOT NULL,
    source VARCHAR,                         -- where it was read from
    failed_at TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS reviews (
    event_id VARCHAR PRIMARY KEY,           -- events.id; kept when the article is coded again (ids are stable)
    verdict VARCHAR NOT NULL CHECK (verdict IN ('accept', 'reject', 'fix')),
    fixed_type VARCHAR,                     -- the right PLOVER type when verdict = 'fix'
    note VARCHAR,
    reviewed_at TIMESTAMP NOT NULL
);
