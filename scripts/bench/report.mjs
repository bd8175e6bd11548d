// The run's figures as markdown tables, one row per corpus size.
import { max, median } from './stats.mjs';

const DASH = '—';
const mib = (bytes) => (bytes == null ? DASH : `${Math.round(bytes / 1048576).toLocaleString('en-US')} MiB`);
const secs = (ms) => (ms == null ? DASH : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`);
const ms = (value) =>
  value == null ? DASH : value < 10 ? `${value.toFixed(1)} ms` : `${Math.round(value).toLocaleString('en-US')} ms`;
const perSecond = (value) => (value == null ? DASH : Math.round(value).toLocaleString('en-US'));
const ratio = (a, b) => (a == null || !b ? DASH : `${(a / b).toFixed(a / b < 0.1 ? 3 : 2)}×`);

/** A change never seen within the bound counts as slower than any seen one. */
function bounded(values, pick, timeoutMs) {
  if (values.length === 0) return DASH;
  const value = pick(values.map((v) => v ?? Infinity));
  return value === Infinity ? `> ${timeoutMs / 1000} s` : secs(value);
}

function latencies(updates, mode, kind, field) {
  return updates.runs
    .filter((run) => run.mode === mode && run.kind === kind)
    .flatMap((run) => run.samples.filter((s) => !(field === 'searchMs' && s.searchSkipped)).map((s) => s[field]));
}

function table(header, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** The main table: every figure of each size, medians. */
export function summaryTable(results) {
  const header = [
    'articles',
    'build',
    'build peak memory',
    'Vercel function: code + content + index',
    'cold start → first byte: old article / old feed page (prerendered home)',
    'server memory after serving (peak during the run)',
    'search p50 / p99',
    'new article → home / search (server alone)',
    'title edit → home / search (server alone)',
    'new article → home / search (hook)',
    'title edit → home / search (hook)',
    'new article → home / search (hook naming the file)',
    'title edit → home / search (hook naming the file)',
    'article req/s',
    'home req/s',
    'nginx static article req/s',
    'article / nginx',
    'home / nginx',
    'article through nginx cache req/s (/ nginx static)',
  ];
  const rows = results.map((r) => {
    const cold = (kind) => median(r.coldStarts?.filter((c) => c.kind === kind).map((c) => c.firstByteMs) ?? []);
    const update = (mode, kind) => {
      if (!r.updates) return DASH;
      const cell = (field) => bounded(latencies(r.updates, mode, kind, field), median, r.updates.timeoutMs);
      return `${cell('homeMs')} / ${cell('searchMs')}`;
    };
    const rps = (name) => r.throughput?.[name]?.rps ?? null;
    return [
      r.n.toLocaleString('en-US'),
      secs(r.build?.wallMs),
      mib(r.build?.peakRss),
      r.build?.function
        ? `${mib(r.build.function.totalBytes)}: ${mib(r.build.function.codeBytes)} + ${mib(r.build.function.contentBytes)} + ${mib(r.build.function.indexBytes)}`
        : DASH,
      r.coldStarts ? `${secs(cold('article'))} / ${secs(cold('feed page'))} (${secs(cold('home'))})` : DASH,
      r.server?.rssAfterServing == null ? DASH : `${mib(r.server.rssAfterServing)} (${mib(r.server.peakRss)})`,
      r.search ? `${ms(r.search.p50)} / ${ms(r.search.p99)}` : DASH,
      update('default', 'add'),
      update('default', 'edit'),
      update('hook', 'add'),
      update('hook', 'edit'),
      update('hook-paths', 'add'),
      update('hook-paths', 'edit'),
      perSecond(rps('app article')),
      perSecond(rps('app home')),
      perSecond(rps('nginx article')),
      ratio(rps('app article'), rps('nginx article')),
      ratio(rps('app home'), rps('nginx article')),
      rps('nginx cache article') === null
        ? DASH
        : `${perSecond(rps('nginx cache article'))} (${ratio(rps('nginx cache article'), rps('nginx article'))})`,
    ];
  });
  return table(header, rows);
}

/** Update latency by kind of change and means, median and worst of the repetitions. */
export function updateTable(results) {
  const header = ['articles', 'change', 'refreshed by', 'home page: median / max', 'search: median / max'];
  const rows = [];
  for (const r of results) {
    for (const run of r.updates?.runs ?? []) {
      const cell = (field) => {
        const values = latencies(r.updates, run.mode, run.kind, field);
        return `${bounded(values, median, r.updates.timeoutMs)} / ${bounded(values, max, r.updates.timeoutMs)}`;
      };
      rows.push([
        r.n.toLocaleString('en-US'),
        run.kind === 'edit' ? 'title edited' : 'article added',
        {
          default: 'the server alone',
          hook: 'POST /api/revalidate',
          'hook-paths': 'POST /api/revalidate naming the file',
        }[run.mode],
        cell('homeMs'),
        cell('searchMs'),
      ]);
    }
  }
  return table(header, rows);
}
