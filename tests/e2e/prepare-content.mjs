// Builds the end-to-end tests' site (.e2e/site): a Hexo site whose _config.yml holds the site's
// settings (hexo-site.mjs) and whose source/_posts/ holds the bundled articles, the XSS articles
// (xss-articles.mjs), bad files the site must report and survive (bad-files.mjs), the archive's and
// old links' articles (legacy-files.mjs) and the asset files (asset-files.mjs); drafts are in
// source/_drafts/. Run by the Playwright web server command, with the server's port, before the build.
import { chmod, cp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { writeAssetFixtures } from './asset-files.mjs';
import { BAD_FILES } from './bad-files.mjs';
import { CONTENT_DIR, HEXO_DRAFT, HEXO_DRAFT_TEXT, hexoConfig, SETTINGS_FILE } from './hexo-site.mjs';
import { LEGACY_FILES } from './legacy-files.mjs';
import { XSS_ARTICLES } from './xss-articles.mjs';

const root = path.resolve(import.meta.dirname, '../..');
/** CONTENT_DIR: the Hexo site's source folder. */
const sourceDir = path.join(root, CONTENT_DIR);
/** Every article is written under this folder, drafts under draftsDir. */
const postsDir = path.join(sourceDir, '_posts');
const draftsDir = path.join(sourceDir, '_drafts');

const yamlString = (s) => JSON.stringify(s.replace(/\u0000/g, ''));
// A NUL byte marks a file as binary (it is skipped), so in bodies it becomes U+FFFD, which is what
// an HTML parser makes of it anyway. The sanitizer's unit tests run the payloads with their NULs.
const bodyText = (s) => s.replace(/\u0000/g, '\uFFFD');

function xssArticle(payload, i) {
  // Oldest articles in the site, so the bundled articles stay on the first feed pages.
  const date = new Date(Date.UTC(2001, 0, 1, 0, i)).toISOString();
  return `---
title: ${yamlString(`XSS ${i} ${payload}`)}
date: ${date}
author: ${yamlString(payload)}
categories: [XSS, ${yamlString(payload.slice(0, 80) || 'empty')}]
tags: [xss, ${yamlString(payload.slice(0, 80) || 'empty')}]
thumbnail: ${yamlString(payload)}
headimg: ${yamlString(payload)}
cover: ${yamlString(payload)}
description: ${yamlString(payload)}
---
${bodyText(payload)}
`;
}

async function makeBadLinks() {
  const dir = path.join(postsDir, 'bad');
  await symlink('.', path.join(dir, 'loop'));
  await symlink('self-loop.md', path.join(dir, 'self-loop.md'));
  // Root reads any file whatever its mode; /proc/self/mem is a regular file whose first read fails for anyone.
  if (process.getuid?.() === 0) await symlink('/proc/self/mem', path.join(dir, 'unreadable.md'));
  else {
    await writeFile(path.join(dir, 'unreadable.md'), '---\ntitle: 读不了\n---\n');
    await chmod(path.join(dir, 'unreadable.md'), 0o000);
  }
}

/** `port`: the server's, for the site's `url`. */
export async function prepareContent(port) {
  await rm(path.join(root, '.e2e'), { recursive: true, force: true });
  await mkdir(postsDir, { recursive: true });
  await writeFile(path.join(root, SETTINGS_FILE), hexoConfig(port));
  await cp(path.join(root, 'content'), postsDir, { recursive: true });
  await mkdir(path.join(postsDir, 'xss'), { recursive: true });
  await Promise.all(
    XSS_ARTICLES.map(({ file, payload }, i) => writeFile(path.join(postsDir, file), xssArticle(payload, i))),
  );
  const texts = [...Object.entries(BAD_FILES).map(([name, { text }]) => [name, text]), ...Object.entries(LEGACY_FILES)];
  for (const [name, text] of texts) {
    await mkdir(path.dirname(path.join(postsDir, name)), { recursive: true });
    await writeFile(path.join(postsDir, name), text);
  }
  await makeBadLinks();
  await mkdir(draftsDir, { recursive: true });
  await writeFile(path.join(draftsDir, `${HEXO_DRAFT.slug}.md`), HEXO_DRAFT_TEXT);
  await writeAssetFixtures(sourceDir);
  return { payloads: XSS_ARTICLES.length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = process.argv[2];
  if (!/^\d+$/.test(port ?? '')) throw new Error('usage: node tests/e2e/prepare-content.mjs PORT');
  const { payloads } = await prepareContent(port);
  console.log(`e2e site: ${path.join(root, SETTINGS_FILE)} and ${postsDir} (${payloads} XSS articles)`);
}
