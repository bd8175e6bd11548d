// For scripts/bench-search.mjs: the searchable parts of every article of a generated corpus, as one
// JSON line each (id, title, labels, excerpt, text, dateMs, draft), read as the content module does:
// front matter with readFrontMatter, the body's text with htmlToText. Prints the time taken on stderr.
import fs from 'node:fs';
import path from 'node:path';
import { htmlToText } from '../lib/content/plain-text';
import { readFrontMatter } from '../lib/content/read-front-matter';
import { searchLabels } from '../lib/search/field-boost';

const [dir, out] = process.argv.slice(2) as [string, string];
const files = fs
  .readdirSync(dir, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.md'))
  .sort();
const stream = fs.createWriteStream(out);
const started = performance.now();
for (const [id, file] of files.entries()) {
  const { data, body } = readFrontMatter(fs.readFileSync(path.join(dir, file), 'utf8')) as {
    data: Record<string, never>;
    body: string;
  };
  const text = htmlToText(body);
  const labels = searchLabels({
    categories: [(data.categories ?? []).map(String)],
    tags: (data.tags ?? []).map(String),
    author: data.author,
  });
  const doc = { title: String(data.title), labels, excerpt: text.slice(0, 120), text };
  const dateMs = new Date(data.date).getTime();
  if (!stream.write(`${JSON.stringify({ id, ...doc, dateMs, draft: id % 100 === 99 })}\n`)) {
    await new Promise((resolve) => stream.once('drain', resolve));
  }
}
await new Promise((resolve) => stream.end(resolve));
console.log(JSON.stringify({ articles: files.length, extractMs: performance.now() - started }));
