/**
 * The content index: one SQLite database that the build writes and every server process reads
 * and keeps current. Listings are indexed queries, so a server neither reads every file at start
 * nor holds every article in its heap.
 */
export const SCHEMA_VERSION = 2;

export const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

-- Every article file seen, with the version (mtime, size, inode, draft folder) last read.
CREATE TABLE IF NOT EXISTS files (
  path TEXT PRIMARY KEY,
  version TEXT NOT NULL,
  -- 0: the file as it is now is the article; 1: it cannot be read now, and the article (if any) is its last good version.
  broken INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS articles (
  id INTEGER PRIMARY KEY,
  file TEXT NOT NULL UNIQUE,
  -- The slug the file asks for; slug is unique, with -2, -3… for later files that ask for a taken one.
  base_slug TEXT NOT NULL,
  slug TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  date TEXT NOT NULL,
  date_ms INTEGER NOT NULL,
  updated TEXT,
  author TEXT,
  categories TEXT NOT NULL,
  tags TEXT NOT NULL,
  image TEXT,
  excerpt TEXT NOT NULL,
  draft INTEGER NOT NULL,
  format TEXT NOT NULL,
  permalink TEXT,
  -- Year and month in SITE_TIMEZONE, for the archives.
  year INTEGER NOT NULL,
  month INTEGER NOT NULL,
  -- The body as written, compressed: what the page renders, also while the file is broken.
  body BLOB NOT NULL,
  -- The file line the body starts on (for the checker's messages).
  body_line INTEGER NOT NULL,
  -- Set when the body was refused at indexing (too large, too deep): the page shows why.
  body_error TEXT,
  -- Bumped on every write: the key of this process's cache of rendered bodies.
  revision INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS articles_newest ON articles (draft, date_ms DESC, slug);
CREATE INDEX IF NOT EXISTS articles_newest_all ON articles (date_ms DESC, slug);
CREATE INDEX IF NOT EXISTS articles_month ON articles (year, month, draft, date_ms DESC, slug);

-- Listing members carry the sort keys, so a page of a listing is one index range.
CREATE TABLE IF NOT EXISTS category_members (
  key TEXT NOT NULL,
  article_id INTEGER NOT NULL,
  draft INTEGER NOT NULL,
  date_ms INTEGER NOT NULL,
  slug TEXT NOT NULL,
  PRIMARY KEY (key, article_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS category_members_newest ON category_members (key, draft, date_ms DESC, slug);
CREATE INDEX IF NOT EXISTS category_members_article ON category_members (article_id);

CREATE TABLE IF NOT EXISTS tag_members (
  tag TEXT NOT NULL,
  article_id INTEGER NOT NULL,
  draft INTEGER NOT NULL,
  date_ms INTEGER NOT NULL,
  slug TEXT NOT NULL,
  PRIMARY KEY (tag, article_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS tag_members_newest ON tag_members (tag, draft, date_ms DESC, slug);
CREATE INDEX IF NOT EXISTS tag_members_article ON tag_members (article_id);

-- Old Hexo addresses: each article claims one; the best claim of an address wins (see permalinks.ts).
CREATE TABLE IF NOT EXISTS permalink_claims (
  path TEXT NOT NULL,
  article_id INTEGER NOT NULL,
  draft INTEGER NOT NULL,
  override INTEGER NOT NULL,
  file TEXT NOT NULL,
  PRIMARY KEY (path, article_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS permalink_claims_article ON permalink_claims (article_id);

-- What is wrong with each file now (and slug or address clashes): the server's status line and log.
CREATE TABLE IF NOT EXISTS problems (
  file TEXT NOT NULL,
  severity TEXT NOT NULL,
  kind TEXT NOT NULL,
  reason TEXT NOT NULL,
  line INTEGER,
  -- 'file' problems are replaced when the file is read again; 'index' ones when slugs or addresses are assigned again.
  source TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS problems_file ON problems (file);

-- One row per applied batch of changes: every server process follows it to refresh its caches.
CREATE TABLE IF NOT EXISTS changes (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  at_ms INTEGER NOT NULL,
  added INTEGER NOT NULL,
  changed INTEGER NOT NULL,
  removed INTEGER NOT NULL,
  impact TEXT NOT NULL
);
`;
