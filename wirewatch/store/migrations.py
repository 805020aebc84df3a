"""Schema migrations, recorded as data.

Each migration is (version, name, SQL, step). `step`, when given, names a `Store` method run after the SQL
in the same transaction, for a data change SQL alone cannot make. `Store` applies the ones a database
lacks, in order, each in its own transaction, and records them in `schema_migrations` (version, name,
applied_at). Never edit a migration that has shipped: add a new one.
"""

from __future__ import annotations

from typing import NamedTuple


class Migration(NamedTuple):
    version: int
    name: str
    sql: str
    step: str | None = None  # a Store method run after the SQL, in the same transaction


MIGRATIONS: list[Migration] = [
    Migration(
        1,
        "articles, full-text search, dedup signatures, ingest errors",
        """
        CREATE TABLE articles (
            rowid INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            title TEXT,
            outlet TEXT,
            published TEXT,
            dateline TEXT,
            url TEXT,
            language TEXT,
            source TEXT,
            content_hash TEXT NOT NULL,
            duplicate_of TEXT REFERENCES articles(id) ON DELETE SET NULL,
            duplicate_kind TEXT CHECK (duplicate_kind IN ('exact', 'near')),
            story_id TEXT,
            text TEXT NOT NULL,
            meta TEXT NOT NULL DEFAULT '{}',
            ingested_at TEXT NOT NULL,
            extracted_at TEXT
        );
        CREATE INDEX articles_hash ON articles(content_hash);
        CREATE INDEX articles_published ON articles(published);
        CREATE INDEX articles_story ON articles(story_id);
        CREATE INDEX articles_duplicate_of ON articles(duplicate_of);

        CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, text, content='articles', content_rowid='rowid', tokenize='porter unicode61'
        );
        CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END;
        CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text)
            VALUES ('delete', old.rowid, old.title, old.text);
        END;
        CREATE TRIGGER articles_au AFTER UPDATE OF title, text ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text)
            VALUES ('delete', old.rowid, old.title, old.text);
            INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END;

        -- MinHash signature per article and its LSH band keys: near-duplicate lookup is one indexed
        -- query per band, so nothing has to be loaded into memory and it scales with the store.
        CREATE TABLE minhashes (
            article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            signature BLOB NOT NULL
        );
        CREATE TABLE minhash_bands (
            band INTEGER NOT NULL,
            key INTEGER NOT NULL,
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE
        );
        CREATE INDEX minhash_bands_key ON minhash_bands(band, key);
        CREATE INDEX minhash_bands_article ON minhash_bands(article_id);

        CREATE TABLE ingest_errors (
            id INTEGER PRIMARY KEY,
            source TEXT NOT NULL,
            line INTEGER,
            reason TEXT NOT NULL,
            at TEXT NOT NULL
        );
        """,
    ),
    Migration(
        2,
        "entities, timexes, event mentions, events, conflicts",
        """
        CREATE TABLE entities (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            kind TEXT NOT NULL,
            country TEXT,
            aliases TEXT NOT NULL DEFAULT '[]',
            titles TEXT NOT NULL DEFAULT '[]',
            lat REAL,
            lon REAL
        );
        CREATE INDEX entities_name ON entities(name);
        CREATE TABLE entity_mentions (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            entity_id TEXT NOT NULL REFERENCES entities(id),
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            kind TEXT NOT NULL
        );
        CREATE INDEX entity_mentions_article ON entity_mentions(article_id);
        CREATE INDEX entity_mentions_entity ON entity_mentions(entity_id);

        CREATE TABLE timexes (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            type TEXT NOT NULL,
            value TEXT,
            precision TEXT
        );
        CREATE INDEX timexes_article ON timexes(article_id);

        CREATE TABLE events (
            id TEXT PRIMARY KEY,
            event_type TEXT NOT NULL,
            mode TEXT,
            context TEXT NOT NULL DEFAULT '[]',
            actor TEXT NOT NULL DEFAULT '[]',
            recipient TEXT NOT NULL DEFAULT '[]',
            modality TEXT NOT NULL,
            attributed_to TEXT,
            date TEXT,
            date_precision TEXT,
            location TEXT,
            story_id TEXT,
            sources INTEGER NOT NULL DEFAULT 0,
            confidence REAL NOT NULL DEFAULT 0,
            confidence_reasons TEXT NOT NULL DEFAULT '[]'
        );
        CREATE INDEX events_type ON events(event_type);
        CREATE INDEX events_date ON events(date);
        CREATE INDEX events_story ON events(story_id);

        CREATE TABLE event_mentions (
            id TEXT PRIMARY KEY,
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            event_id TEXT REFERENCES events(id) ON DELETE SET NULL,
            event_type TEXT NOT NULL,
            mode TEXT,
            context TEXT NOT NULL DEFAULT '[]',
            actor TEXT NOT NULL DEFAULT '[]',
            recipient TEXT NOT NULL DEFAULT '[]',
            modality TEXT NOT NULL,
            attributed_to TEXT,
            date TEXT,
            date_precision TEXT,
            location TEXT,
            quantities TEXT NOT NULL DEFAULT '[]',
            sentence TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            trigger TEXT NOT NULL DEFAULT '',
            trigger_start INTEGER,
            trigger_end INTEGER
        );
        CREATE INDEX event_mentions_article ON event_mentions(article_id);
        CREATE INDEX event_mentions_event ON event_mentions(event_id);
        CREATE INDEX event_mentions_type_date ON event_mentions(event_type, date);

        CREATE TABLE conflicts (
            id TEXT PRIMARY KEY,
            field TEXT NOT NULL,
            event_ids TEXT NOT NULL,
            "values" TEXT NOT NULL,
            explanation TEXT NOT NULL DEFAULT ''
        );
        """,
    ),
    Migration(
        3,
        "conflict-event links",
        """
        CREATE TABLE conflict_events (
            conflict_id TEXT NOT NULL REFERENCES conflicts(id) ON DELETE CASCADE,
            event_id TEXT NOT NULL,
            PRIMARY KEY (conflict_id, event_id)
        );
        CREATE INDEX conflict_events_event ON conflict_events(event_id);
        """,
    ),
    Migration(
        4,
        "story clustering state; where an event mention's date came from",
        """
        ALTER TABLE event_mentions ADD COLUMN date_from TEXT;
        -- The story clusterer's state (wirewatch/connect/stories.py), frozen here as shipped.
        CREATE TABLE IF NOT EXISTS story_meta (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        -- document frequency of every feature ("t:quake", "e:tara reid", "n:5.6", "y:2013")
        CREATE TABLE IF NOT EXISTS story_terms (
            term TEXT PRIMARY KEY,
            df INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS story_clusters (
            id TEXT PRIMARY KEY,
            seq INTEGER NOT NULL,               -- creation order; the older story survives a merge
            label TEXT NOT NULL DEFAULT '',
            label_score REAL NOT NULL DEFAULT 0,
            start_date TEXT,
            end_date TEXT,
            key_entities TEXT NOT NULL DEFAULT '[]',  -- JSON list of display names
            size INTEGER NOT NULL DEFAULT 0,
            centroid TEXT NOT NULL DEFAULT '{}',      -- JSON {feature: summed member weight}
            names TEXT NOT NULL DEFAULT '{}',         -- JSON {"e:..." feature: display name}
            updated_seq INTEGER NOT NULL DEFAULT 0,   -- article sequence number of the last change
            merged_into TEXT                          -- set when merged away (then size = 0)
        );
        -- inverted index: feature -> stories holding it; newest first for blocking
        CREATE TABLE IF NOT EXISTS story_postings (
            term TEXT NOT NULL,
            story_id TEXT NOT NULL,
            weight REAL NOT NULL,
            seq INTEGER NOT NULL,
            PRIMARY KEY (term, story_id)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS story_postings_recent ON story_postings(term, seq DESC);
        CREATE INDEX IF NOT EXISTS story_postings_story ON story_postings(story_id);
        CREATE TABLE IF NOT EXISTS story_articles (
            article_id TEXT PRIMARY KEY,
            story_id TEXT NOT NULL,
            seq INTEGER NOT NULL,
            published TEXT,
            title TEXT,
            score REAL NOT NULL,
            is_new INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS story_articles_story ON story_articles(story_id, seq);
        CREATE TABLE IF NOT EXISTS story_merges (
            old_id TEXT PRIMARY KEY,
            new_id TEXT NOT NULL,
            article_id TEXT,
            score REAL,
            seq INTEGER
        );
        """,
    ),
    Migration(
        5,
        "live sources, their items and health; watch rules, alerts, webhook outbox",
        """
        -- Followed feeds and sitemaps (wirewatch/store/sources.py owns this SQL).
        CREATE TABLE sources (
            id INTEGER PRIMARY KEY,
            url TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL UNIQUE,
            kind TEXT,                          -- rss, atom, sitemap; NULL until the first fetch
            every_s INTEGER NOT NULL DEFAULT 900,
            added_at TEXT NOT NULL,
            etag TEXT,
            last_modified TEXT,
            last_polled_at TEXT,
            last_success_at TEXT,
            last_error TEXT,
            last_error_at TEXT,
            failures INTEGER NOT NULL DEFAULT 0,  -- consecutive failed polls
            items_seen INTEGER NOT NULL DEFAULT 0,  -- items listed by the last successful fetch
            items_new INTEGER NOT NULL DEFAULT 0,   -- articles the last poll stored
            items_total INTEGER NOT NULL DEFAULT 0  -- articles stored from this source ever
        );
        -- One row per feed item / sitemap URL already read, so re-polls never fetch a page twice.
        CREATE TABLE source_items (
            source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
            item_key TEXT NOT NULL,
            article_id TEXT,
            url TEXT,
            seen_at TEXT NOT NULL,
            PRIMARY KEY (source_id, item_key)
        );
        CREATE TABLE watch_rules (
            name TEXT PRIMARY KEY,
            actor TEXT,
            event_type TEXT,
            country TEXT,
            min_sources INTEGER,
            query TEXT,
            webhook TEXT,
            created_at TEXT NOT NULL
        );
        -- One alert per (rule, event); updated (not duplicated) when the event gains sources or conflicts.
        CREATE TABLE watch_alerts (
            rule TEXT NOT NULL REFERENCES watch_rules(name) ON DELETE CASCADE,
            event_id TEXT NOT NULL,
            first_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            sources INTEGER NOT NULL DEFAULT 0,
            conflicts INTEGER NOT NULL DEFAULT 0,
            reason TEXT NOT NULL DEFAULT 'new',
            revision INTEGER NOT NULL DEFAULT 1,
            PRIMARY KEY (rule, event_id)
        );
        CREATE INDEX watch_alerts_updated ON watch_alerts(updated_at);
        -- Webhook deliveries waiting to be sent: written inside the ingest transaction, sent later.
        CREATE TABLE watch_outbox (
            id INTEGER PRIMARY KEY,
            rule TEXT NOT NULL REFERENCES watch_rules(name) ON DELETE CASCADE,
            event_id TEXT NOT NULL,
            url TEXT NOT NULL,
            payload TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            next_try_at TEXT NOT NULL,
            delivered_at TEXT,
            failed_at TEXT,
            last_error TEXT
        );
        CREATE INDEX watch_outbox_pending ON watch_outbox(delivered_at, failed_at, next_try_at);
        """,
    ),
    Migration(
        6,
        "conflict pairing confidence",
        """
        ALTER TABLE conflicts ADD COLUMN confidence REAL NOT NULL DEFAULT 0;
        """,
    ),
    Migration(
        7,
        "the event detector's probability of a mention's type",
        "ALTER TABLE event_mentions ADD COLUMN type_confidence REAL;",
    ),
    Migration(
        8,
        "one story mapping: articles.story_id keeps the clusterer's per-article state; story_articles dropped",
        """
        -- Arrival number at the story clusterer (NULL: never placed by it, e.g. a duplicate following its
        -- original), its similarity to the story it joined, and whether it founded that story.
        ALTER TABLE articles ADD COLUMN story_seq INTEGER;
        ALTER TABLE articles ADD COLUMN story_score REAL;
        ALTER TABLE articles ADD COLUMN story_founder INTEGER;
        -- What the article added to its story's centroid (JSON {feature: weight}, its heaviest features),
        -- so that a story can be split again when its members turn out to be two happenings.
        ALTER TABLE articles ADD COLUMN story_vector TEXT;
        -- The clusterer's copy fills in what articles lacks (its story through one merge redirect);
        -- where articles already names a story, readers have seen that one and it stays.
        UPDATE articles SET
            story_seq = (SELECT sa.seq FROM story_articles sa WHERE sa.article_id = articles.id),
            story_score = (SELECT sa.score FROM story_articles sa WHERE sa.article_id = articles.id),
            story_founder = (SELECT sa.is_new FROM story_articles sa WHERE sa.article_id = articles.id),
            story_id = COALESCE(story_id, (
                SELECT COALESCE(m.new_id, sa.story_id) FROM story_articles sa
                LEFT JOIN story_merges m ON m.old_id = sa.story_id WHERE sa.article_id = articles.id))
        WHERE id IN (SELECT article_id FROM story_articles);
        -- No article or event stays filed under a story that was merged away.
        UPDATE articles SET story_id = (SELECT new_id FROM story_merges WHERE old_id = articles.story_id)
        WHERE story_id IN (SELECT old_id FROM story_merges);
        UPDATE events SET story_id = (SELECT new_id FROM story_merges WHERE old_id = events.story_id)
        WHERE story_id IN (SELECT old_id FROM story_merges);
        DROP TABLE story_articles;
        CREATE INDEX articles_story_seq ON articles(story_id, story_seq);
        CREATE INDEX IF NOT EXISTS story_merges_new ON story_merges(new_id);
        CREATE INDEX IF NOT EXISTS story_clusters_updated ON story_clusters(updated_seq);
        """,
    ),
    Migration(
        9,
        "always fused: one-mention events for mentions no event holds",
        "",
        # A Python step: keep it after every SQL migration it reads (it uses the current column set).
        step="seal_mentions",
    ),
    Migration(
        10,
        "entity merges recorded (old ids resolve); indexes for the end-of-run merge's candidates",
        """
        -- An entity merged into another across reports (extract/entity_merge.py): links, watch rules and
        -- filters that name the old id still find the entity (store/entity_merges.py).
        CREATE TABLE entity_merges (
            old_id TEXT PRIMARY KEY,
            new_id TEXT NOT NULL,
            merged_at TEXT NOT NULL
        );
        CREATE INDEX entity_merges_new ON entity_merges(new_id);
        -- The first and last word of a name, lower-cased (the expressions store/entity_merges.py queries),
        -- and mention texts: the merge reads a run's entities and only the ones that could be the same.
        CREATE INDEX entities_first_word ON entities(lower(substr(name, 1, instr(name || ' ', ' ') - 1)));
        CREATE INDEX entities_last_word ON entities(lower(replace(name, rtrim(name, replace(name, ' ', '')), '')));
        CREATE INDEX entity_mentions_text ON entity_mentions(text);
        """,
    ),
]
