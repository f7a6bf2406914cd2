"""Schema migrations. Each entry moves the store up one version; never edit a
released one, add the next."""

from __future__ import annotations

MIGRATIONS: list[str] = [
    # 1: documents, articles, dropped spans, problems, runs
    """
    CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR);
    CREATE TABLE documents (
        id VARCHAR PRIMARY KEY,
        source VARCHAR NOT NULL,
        format VARCHAR NOT NULL,
        locator VARCHAR,
        title VARCHAR,
        published VARCHAR,
        url VARCHAR,
        n_chars BIGINT,
        notes VARCHAR[],
        run_id VARCHAR,
        ingested_at TIMESTAMP DEFAULT current_timestamp
    );
    CREATE TABLE articles (
        id VARCHAR PRIMARY KEY,
        document_id VARCHAR NOT NULL,
        source VARCHAR NOT NULL,
        start_char BIGINT NOT NULL,
        end_char BIGINT NOT NULL,
        text VARCHAR NOT NULL,
        title VARCHAR,
        published VARCHAR,
        url VARCHAR,
        language VARCHAR,
        author VARCHAR,
        site VARCHAR,
        locator VARCHAR,
        duplicate_of VARCHAR,
        duplicate_kind VARCHAR,
        offsets_in_article BOOLEAN NOT NULL,
        text_hash VARCHAR NOT NULL,
        minhash BLOB
    );
    CREATE TABLE dropped (
        document_id VARCHAR NOT NULL,
        source VARCHAR NOT NULL,
        start_char BIGINT NOT NULL,
        end_char BIGINT NOT NULL,
        reason VARCHAR NOT NULL,
        text VARCHAR NOT NULL,
        article_id VARCHAR,
        PRIMARY KEY (document_id, start_char)
    );
    CREATE TABLE problems (
        run_id VARCHAR,
        source VARCHAR,
        message VARCHAR,
        severity VARCHAR,
        logged_at TIMESTAMP DEFAULT current_timestamp
    );
    CREATE TABLE runs (
        id VARCHAR PRIMARY KEY,
        started_at TIMESTAMP,
        finished_at TIMESTAMP,
        inputs VARCHAR[],
        summary JSON
    );
    """,
    # 2: actor mentions, with the actor they resolve to
    """
    CREATE TABLE mentions (
        article_id VARCHAR NOT NULL,
        document_id VARCHAR NOT NULL,
        source VARCHAR NOT NULL,
        start_char BIGINT NOT NULL,
        end_char BIGINT NOT NULL,
        text VARCHAR NOT NULL,
        actor_id VARCHAR NOT NULL,
        actor_name VARCHAR,
        qid VARCHAR,
        code VARCHAR,
        country VARCHAR,
        sector VARCHAR,
        type VARCHAR,
        via VARCHAR NOT NULL,
        chain VARCHAR,
        date_basis VARCHAR,
        PRIMARY KEY (article_id, start_char)
    );
    CREATE INDEX mentions_actor ON mentions (actor_id);
    """,
    # 3: quotes
    """
    CREATE TABLE quotes (
        article_id VARCHAR NOT NULL,
        document_id VARCHAR NOT NULL,
        source VARCHAR NOT NULL,
        start_char BIGINT NOT NULL,
        end_char BIGINT NOT NULL,
        text VARCHAR NOT NULL,
        quote_type VARCHAR NOT NULL,
        speaker JSON,
        speaker_id VARCHAR,
        speaker_name VARCHAR,
        cue JSON,
        tense VARCHAR,
        reported_via JSON,
        about VARCHAR[],
        confidence DOUBLE,
        PRIMARY KEY (article_id, start_char, quote_type)
    );
    CREATE INDEX quotes_speaker ON quotes (speaker_id);
    """,
    # 4: events
    """
    CREATE TABLE events (
        article_id VARCHAR NOT NULL,
        document_id VARCHAR NOT NULL,
        source VARCHAR NOT NULL,
        start_char BIGINT NOT NULL,
        end_char BIGINT NOT NULL,
        code VARCHAR NOT NULL,
        root VARCHAR NOT NULL,
        quad_class INTEGER,
        goldstein DOUBLE,
        plover VARCHAR,
        plover_mode VARCHAR,
        source_actor JSON,
        source_code VARCHAR,
        target_actor JSON,
        target_code VARCHAR,
        trigger JSON,
        trigger_start BIGINT NOT NULL,
        negated BOOLEAN,
        modality VARCHAR,
        date VARCHAR,
        date_precision VARCHAR,
        location JSON,
        confidence DOUBLE
    );
    CREATE INDEX events_article ON events (article_id);
    """,
    # 5: each document's state: stored (no NLP run), analysed, or failed (the NLP
    # broke on it; the reason is kept and a re-ingest retries it). Documents stored
    # before this version are taken as analysed. (No DEFAULT clause: DuckDB 1.x fails
    # to replay an ALTER TABLE with a default from the write-ahead log after a crash.)
    """
    ALTER TABLE documents ADD COLUMN state VARCHAR;
    ALTER TABLE documents ADD COLUMN state_reason VARCHAR;
    UPDATE documents SET state = 'analysed';
    """,
    # 6: a confidence on every mention's link, and the kind of act a quote reports
    # ("speech" or "belief"); rows stored before this version are taken as speech and
    # as sure as before (1.0 for mentions). No DEFAULT clause, as in 5.
    """
    ALTER TABLE mentions ADD COLUMN confidence DOUBLE;
    UPDATE mentions SET confidence = 1.0;
    ALTER TABLE quotes ADD COLUMN act VARCHAR;
    UPDATE quotes SET act = 'speech';
    """,
    # 7: the quoted parts of a quote split by its attribution (JSON list of start,
    # end, text; empty for a quote in one piece and for rows stored before)
    """
    ALTER TABLE quotes ADD COLUMN segments JSON;
    UPDATE quotes SET segments = '[]';
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)
