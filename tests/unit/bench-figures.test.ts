import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '@/lib/content/parse-article';
import { articleLinks, lastFeedPage } from '@/scripts/bench/http.mjs';
import { summaryTable, updateTable } from '@/scripts/bench/report.mjs';
import { median, percentile } from '@/scripts/bench/stats.mjs';
import { parseWrk } from '@/scripts/bench/throughput.mjs';
import { editTarget, newArticle, retitled } from '@/scripts/bench/update-latency.mjs';
import { makeTempDir, writeTree } from './temp-tree';

// wrk 4.1's report, as Debian's wrk printed it in a benchmark run: a thread statistic ends in 97.99%.
const WRK_REPORT = `Running 10s test @ http://127.0.0.1:3261/article.html
  1 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency   408.03us  747.16us  24.06ms   97.99%
    Req/Sec    27.44k     3.64k   32.01k    68.00%
  Latency Distribution
     50%  285.00us
     75%  430.00us
     90%  549.00us
     99%    2.32ms
  273112 requests in 10.01s, 13.13GB read
  Non-2xx or 3xx responses: 3
  Socket errors: connect 0, read 2, write 0, timeout 1
Requests/sec:  27286.25
Transfer/sec:      1.31GB
`;

const parse = (text: string, relative = 'a.md') => {
  const parsed = parseArticle(
    text,
    { relative, display: relative, draft: false, fallbackDate: { date: new Date(0), source: 'modification time' } },
    'Asia/Shanghai',
  );
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.reason).join('; '));
  return parsed;
};

describe('npm run bench: reading figures', () => {
  it("reads wrk's rate, errors and latency percentiles, not the thread statistics' percentages", () => {
    expect(parseWrk(WRK_REPORT)).toEqual({
      rps: 27286.25,
      requests: 273112,
      non2xx: 3,
      socketErrors: { connect: 0, read: 2, write: 0, timeout: 1 },
      latencyP50: '285.00us',
      latencyP99: '2.32ms',
    });
  });

  it('takes nearest-rank percentiles and medians', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
    expect(median([3, 1, 2, 10])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it("finds articles and the feed's last page in the HTML, as a visitor would", () => {
    const html =
      '<a href="/posts/0000/article-000001">a</a><a href="/posts/0000/article-000001">again</a>' +
      '<a href="/posts/%E6%96%B0">b</a><a href="/page/2">2</a><a href="/page/50" aria-label="第 50 页">50</a>';
    expect(articleLinks(html)).toEqual(['/posts/0000/article-000001', '/posts/%E6%96%B0']);
    expect(lastFeedPage(html)).toBe(50);
    expect(lastFeedPage('<p>one page</p>')).toBe(1);
  });
});

describe('npm run bench: the changes it makes', () => {
  it('writes a valid new article, dated now, with its word in the middle of the body', () => {
    const text = newArticle('基准测试快讯 zqtitle', 'zqmiddleword');
    const { summary } = parse(text, 'bench-new.md');
    expect(summary.title).toBe('基准测试快讯 zqtitle');
    expect(Math.abs(Date.parse(summary.date) - Date.now())).toBeLessThan(60_000);
    const body = text.slice(text.indexOf('<div>'));
    const at = body.indexOf(' zqmiddleword ') / body.length;
    expect(at).toBeGreaterThan(0.4);
    expect(at).toBeLessThan(0.6);
    // Past the 600 characters the search indexed before it was full-text.
    expect(body.indexOf('zqmiddleword')).toBeGreaterThan(600);
  });

  it('retitles an article of the generated corpus (leading blank line) and nothing else', () => {
    const original =
      "\n---\ntitle: '重庆英才大会'\ncategories: \n - 新闻\ndate: 2021-11-16 09:12:02\n---\n\n<div><p>title: 正文</p></div>\n";
    const edited = retitled(original, '基准测试更正 zqa zqb');
    expect(parse(edited).summary.title).toBe('基准测试更正 zqa zqb');
    expect(edited.replace("'基准测试更正 zqa zqb'", "'重庆英才大会'")).toBe(original);
  });

  it('edits the newest article on the home page whose file is in the content folder', async () => {
    const root = await makeTempDir();
    await writeTree(root, { '0000/article-000002.md': 'x', '0000/article-000001.md': 'x' });
    const home =
      '<a href="/posts/elsewhere">x</a><a href="/posts/0000/article-000002">y</a><a href="/posts/0000/article-000001">z</a>';
    expect(editTarget(home, root)).toBe(path.join(root, '0000', 'article-000002.md'));
    expect(() => editTarget('<a href="/posts/gone">x</a>', root)).toThrow(/cannot pick one to edit/);
  });
});

describe('npm run bench: tables', () => {
  const sample = (homeMs: number | null, searchMs: number | null, searchSkipped = false) => ({
    homeMs,
    searchMs,
    searchSkipped,
  });
  const result = {
    n: 1000,
    updates: {
      timeoutMs: 30_000,
      runs: [
        { mode: 'default', kind: 'edit', samples: [sample(400, 350), sample(500, 450), sample(9000, 8000)] },
        // Search never found it: later repetitions are not polled, and the cell says so.
        { mode: 'default', kind: 'add', samples: [sample(380, null), sample(390, null, true)] },
        { mode: 'hook', kind: 'edit', samples: [sample(1200, 1100), sample(null, null), sample(null, 900)] },
        { mode: 'hook', kind: 'add', samples: [] },
      ],
    },
  };

  it('gives medians and maxima of update latency, a change never seen counting as slower than the bound', () => {
    const rows = updateTable([result]).split('\n').slice(2);
    expect(rows).toEqual([
      '| 1,000 | title edited | the server alone | 0.50 s / 9.00 s | 0.45 s / 8.00 s |',
      '| 1,000 | article added | the server alone | 0.39 s / 0.39 s | > 30 s / > 30 s |',
      '| 1,000 | title edited | POST /api/revalidate | > 30 s / > 30 s | 1.10 s / > 30 s |',
      '| 1,000 | article added | POST /api/revalidate | — / — | — / — |',
    ]);
  });

  it('has one row a size, with a dash for what a failed run did not measure', () => {
    const table = summaryTable([result, { n: 100_000, build: { wallMs: 61_234, peakRss: 1.5 * 2 ** 30 } }]);
    const rows = table.split('\n');
    expect(rows).toHaveLength(4);
    expect(rows[2]).toContain('| 0.39 s / > 30 s | 0.50 s / 0.45 s |');
    expect(rows[3]).toMatch(/^\| 100,000 \| 61\.2 s \| 1,536 MiB \| — \|/);
  });
});
