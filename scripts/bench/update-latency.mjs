// How long after a file is written the running server shows it: on the home page and in search,
// with the server's own means (file events and the periodic scan) and with the revalidate hook.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { checkInterrupted, sleep } from './children.mjs';
import { articleLinks, request } from './http.mjs';

const POLL_MS = 25;

/** A word found nowhere else: lower-case Latin letters, so every tokenizer keeps it whole. */
const uniqueWord = () => `zq${[...randomBytes(8)].map((b) => String.fromCharCode(97 + (b % 26))).join('')}`;

const FILLER = [
  '据了解，相关部门持续优化公共服务体系，进一步激发了市场主体活力。',
  '记者从有关部门了解到，多所高校积极推进科技创新平台建设，形成了一批可复制可推广的经验。',
  '数据显示，今年以来当地加快推进基础设施建设，有效提升了服务效率和质量。',
  '业内人士表示，下一步还将持续加大投入力度，为区域协调发展提供有力支撑。',
];

/** An article body of about 1,900 characters with `word` in its middle paragraph. */
function bodyWith(word) {
  const paragraphs = Array.from({ length: 12 }, (_, i) =>
    FILLER.map((_, j) => FILLER[(i + j) % FILLER.length]).join(''),
  );
  paragraphs[6] = `${paragraphs[6].slice(0, 40)} ${word} ${paragraphs[6].slice(40)}`;
  return paragraphs.map((p) => `<p>${p}</p>`).join('\n');
}

export function newArticle(title, word) {
  return [
    '---',
    `title: '${title}'`,
    'categories:',
    ' - 新闻',
    ' - 国内',
    ' - 社会',
    'tags:',
    ' - 社区',
    `date: ${new Date().toUTCString()}`,
    '---',
    '',
    '<div>',
    bodyWith(word),
    '</div>',
    '',
  ].join('\n');
}

/** An article's text with another title (the front matter's `title:` line replaced). */
export const retitled = (text, title) => text.replace(/^title:.*$/m, `title: '${title}'`);

/** Polls until check() holds: ms from `since`, or null after timeoutMs. */
async function msUntil(check, since, timeoutMs) {
  while (performance.now() - since < timeoutMs) {
    checkInterrupted();
    try {
      if (await check()) return performance.now() - since;
    } catch {
      /* a failed poll is polled again */
    }
    await sleep(POLL_MS);
  }
  return null;
}

const bodyOf = async (url) => (await request(url, { timeoutMs: 10_000 })).body;

/**
 * The newest article on the home page whose file is in the content folder (its slug is its path
 * there): the one the edit runs retitle, so that the home page shows every edit.
 */
export function editTarget(homeHtml, contentDir) {
  for (const link of articleLinks(homeHtml)) {
    const file = path.join(contentDir, `${decodeURIComponent(link.slice('/posts/'.length))}.md`);
    if (existsSync(file)) return file;
  }
  throw new Error('no article on the home page has its file at <CONTENT_DIR>/<slug>.md: cannot pick one to edit');
}

/**
 * One change, timed: `write` changes the folder and returns { homeToken, query, confirm }, meaning
 * the home page shows it once it contains homeToken, and search finds it once /search?q=query
 * contains confirm (a word of the title that the query is not, so an empty result page never matches).
 */
async function timeOne({ base, secret, timeoutMs, hook, contentDir, skipSearch }, write) {
  const { homeToken, query, confirm, file } = await write();
  const since = performance.now();
  // The hook names the file it wrote ('paths'), or asks for the whole folder ('all').
  const body = hook === 'paths' ? JSON.stringify({ paths: [path.relative(contentDir, file)] }) : undefined;
  const revalidation = hook
    ? request(`${base}/api/revalidate`, {
        method: 'POST',
        headers: { authorization: `Bearer ${secret}`, ...(body && { 'content-type': 'application/json' }) },
        body,
        timeoutMs,
      })
        .then((res) => ({ status: res.status, ms: res.totalMs, answer: res.body.slice(0, 500) }))
        .catch((error) => ({ status: 0, ms: null, answer: error.message }))
    : null;
  const [homeMs, searchMs] = await Promise.all([
    msUntil(async () => (await bodyOf(`${base}/`)).includes(homeToken), since, timeoutMs),
    skipSearch
      ? null
      : msUntil(
          async () => (await bodyOf(`${base}/search?q=${encodeURIComponent(query)}`)).includes(confirm),
          since,
          timeoutMs,
        ),
  ]);
  return { homeMs, searchMs, searchSkipped: skipSearch, revalidate: revalidation && (await revalidation) };
}

/**
 * For each mode (the server's defaults, then the hook), `reps` edits of the newest article's title
 * and `reps` new articles; edits first, so that the edited article stays on the home page. Without
 * the hook, each write waits a random part of the scan interval first.
 * Searching is no longer polled in a series once it has missed within the bound (the result says so).
 */
export async function measureUpdates({ base, contentDir, secret, reps, timeoutMs, scanIntervalMs, homeHtml, log }) {
  const target = editTarget(homeHtml, contentDir);
  const original = await readFile(target, 'utf8');
  const newDir = path.join(contentDir, path.relative(contentDir, target).split(path.sep)[0]);
  const runs = [];
  for (const mode of ['default', 'hook', 'hook-paths']) {
    for (const kind of ['edit', 'add']) {
      const series = { mode, kind, samples: [] };
      runs.push(series);
      for (let rep = 0; rep < reps; rep++) {
        const skipSearch = series.samples.some((s) => s.searchMs === null && !s.searchSkipped);
        // Left alone, the server may see a change only at its next scan: a write made right after the
        // previous change showed (just after a scan) would always wait the whole interval.
        if (mode === 'default') await sleep(Math.random() * scanIntervalMs);
        const hook = { default: null, hook: 'all', 'hook-paths': 'paths' }[mode];
        const sample = await timeOne({ base, secret, timeoutMs, hook, contentDir, skipSearch }, async () => {
          const [homeToken, confirm] = [uniqueWord(), uniqueWord()];
          if (kind === 'edit') {
            await writeFile(target, retitled(original, `基准测试更正 ${homeToken} ${confirm}`));
            return { homeToken, query: homeToken, confirm, file: target };
          }
          const word = uniqueWord();
          const file = path.join(newDir, `bench-${mode}-${rep}-${homeToken}.md`);
          await writeFile(file, newArticle(`基准测试快讯 ${homeToken}`, word));
          return { homeToken, query: word, confirm: homeToken, file };
        });
        series.samples.push(sample);
        log(
          `${kind} (${mode}) #${rep + 1}: home ${fmt(sample.homeMs)}, search ${sample.searchSkipped ? 'skipped' : fmt(sample.searchMs)}${sample.revalidate ? `, hook answered ${sample.revalidate.status} in ${fmt(sample.revalidate.ms)}` : ''}`,
        );
      }
    }
  }
  return { target: path.relative(contentDir, target), timeoutMs, runs };
}

const fmt = (ms) => (ms === null ? 'not within the bound' : `${Math.round(ms)} ms`);
