import os from 'node:os';
import path from 'node:path';

// Code that reads the process-wide content index keeps it in a file: each test file gets its own,
// never the build folder's.
process.env.CONTENT_INDEX ??= path.join(
  os.tmpdir(),
  `news-test-index-${process.pid}-${Math.random().toString(36).slice(2)}`,
  'index.db',
);
