// The queries bench:search times, and the statistics it reports. Shared by its child processes.

/** A realistic mix for the generated corpus: what readers type, common and rare, hits and misses. */
export const QUERIES = [
  ['人才', 'common two-character word'],
  ['重庆', 'common two-character word (titles, categories)'],
  ['博物馆', 'rare word (tags, categories)'],
  ['雄安', 'rare two-character word (titles)'],
  ['才', 'common single character'],
  ['遗', 'rare single character'],
  ['乡村振兴', 'four characters'],
  ['新能源汽车', 'five characters'],
  ['长江经济带', 'five characters, rarer'],
  ['人工智能大模型', 'long term'],
  ['希望通过这次活动', 'phrase from inside a body'],
  ['让更多人才了解这座城市', 'long phrase (12 terms)'],
  ['NBA', 'Latin word'],
  ['cba 5g', 'two Latin terms'],
  ['重庆 人才', 'two words'],
  ['2021 重庆', 'number and word'],
  ['NBA 篮球', 'mixed Latin and Chinese'],
  ['人才引进工做', 'typo: near misses of common words'],
  ['英才大会论坛', 'near misses of rarer words'],
  ['量子引力', 'miss'],
  ['微软', 'miss (two characters)'],
].map(([query, kind]) => ({ query, kind }));

/** Times each query is run; every run is a sample of the percentiles. */
export const REPEATS = 7;

export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export const median = (values) => percentile(values, 50);

const cpuMs = (since) => {
  const { user, system } = process.cpuUsage(since);
  return (user + system) / 1000;
};

/**
 * Runs `run` REPEATS times per query; returns the percentiles of every sample's wall time and CPU
 * time (on a shared machine the wall time includes waiting for a core), and each query's medians
 * and result size.
 */
export function timeQueries(run) {
  const [walls, cpus] = [[], []];
  const perQuery = QUERIES.map(({ query, kind }) => {
    const [wall, cpu] = [[], []];
    let found = 0;
    for (let i = 0; i < REPEATS; i++) {
      const [start, startCpu] = [performance.now(), process.cpuUsage()];
      found = run(query);
      wall.push(performance.now() - start);
      cpu.push(cpuMs(startCpu));
    }
    walls.push(...wall);
    cpus.push(...cpu);
    return { query, kind, found, median: median(wall), cpuMedian: median(cpu) };
  });
  const stats = (values) => ({ p50: percentile(values, 50), p99: percentile(values, 99) });
  return { ...stats(walls), cpu: stats(cpus), perQuery };
}
