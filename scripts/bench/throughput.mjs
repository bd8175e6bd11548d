// Requests per second with wrk (Debian's), against the app, against the app through deploy/nginx.conf
// (nginx's cache), and against nginx (Debian's) serving the same article's HTML as a static file on
// the same machine, in the same run.
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { nginxProxyConfig } from '../nginx-proxy.mjs';
import { checkInterrupted, logTail, sleep, spawnGroup, stopGroup } from './children.mjs';
import { request } from './http.mjs';
import { median } from './stats.mjs';

function nginxConfig(prefix, port) {
  const at = (name) => path.join(prefix, name);
  return `daemon off;
worker_processes auto;
pid ${at('nginx.pid')};
error_log ${at('error.log')} warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${at('client_body')};
  proxy_temp_path ${at('proxy')};
  fastcgi_temp_path ${at('fastcgi')};
  uwsgi_temp_path ${at('uwsgi')};
  scgi_temp_path ${at('scgi')};
  sendfile on;
  tcp_nopush on;
  # Node keeps a connection for any number of requests; nginx's default closes it after 1,000.
  keepalive_requests 1000000;
  types { text/html html; }
  default_type text/html;
  server {
    listen 127.0.0.1:${port};
    root ${at('www')};
  }
}
`;
}

/**
 * Starts nginx on loopback with its own prefix under dir, serving files { name: html }; resolves
 * once it answers. Stop it with stopGroup(nginx).
 */
export async function startNginx(dir, port, files) {
  const prefix = path.join(dir, 'nginx');
  await mkdir(path.join(prefix, 'www'), { recursive: true });
  for (const [name, html] of Object.entries(files)) await writeFile(path.join(prefix, 'www', name), html);
  // Run as root, nginx's workers are `nobody`: they must be able to read the files.
  for (let p = path.join(prefix, 'www'); p.startsWith(dir); p = path.dirname(p)) await chmod(p, 0o755);
  return runNginx(dir, prefix, nginxConfig(prefix, port), [], `http://127.0.0.1:${port}/${Object.keys(files)[0]}`);
}

/**
 * Starts deploy/nginx.conf on loopback with its own prefix under dir, in front of the app on
 * `upstream` (both of its instances); resolves once `probePath` answers through it.
 */
export async function startNginxProxy(dir, port, upstream, probePath) {
  const prefix = path.join(dir, 'nginx-proxy');
  // Its workers write the cache.
  await mkdir(prefix, { recursive: true, mode: 0o777 });
  await chmod(prefix, 0o777);
  const config = nginxProxyConfig(prefix, { listen: port, upstreams: [upstream, upstream] });
  return runNginx(dir, prefix, config, ['-g', 'daemon off;'], `http://127.0.0.1:${port}${probePath}`);
}

async function runNginx(dir, prefix, config, args, probeUrl) {
  const conf = path.join(prefix, 'nginx.conf');
  await writeFile(conf, config);
  const nginx = spawnGroup('nginx', ['-p', `${prefix}/`, '-c', conf, '-e', path.join(prefix, 'error.log'), ...args], {
    logFile: path.join(prefix, 'nginx.log'),
  });
  for (let tries = 0; ; tries++) {
    try {
      const res = await request(probeUrl, { agent: false, timeoutMs: 2000 });
      if (res.status === 200) return nginx;
    } catch {
      /* not listening yet */
    }
    if (tries >= 250) {
      const errors = await readFile(path.join(prefix, 'error.log'), 'utf8').catch(() => '');
      await stopGroup(nginx);
      throw new Error(`nginx did not answer ${probeUrl} within 5 s:\n${await logTail(nginx)}\n${errors}`);
    }
    await sleep(20);
  }
}

/** The figures of wrk's report (with --latency). */
export function parseWrk(text) {
  const number = (re) => {
    const m = re.exec(text);
    return m ? Number(m[1]) : null;
  };
  const errors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/
    .exec(text)
    ?.slice(1)
    .map(Number);
  return {
    rps: number(/Requests\/sec:\s+([\d.]+)/),
    requests: number(/(\d+) requests in/),
    non2xx: number(/Non-2xx or 3xx responses: (\d+)/) ?? 0,
    socketErrors: {
      connect: errors?.[0] ?? 0,
      read: errors?.[1] ?? 0,
      write: errors?.[2] ?? 0,
      timeout: errors?.[3] ?? 0,
    },
    // The latency distribution's lines (`     99%    2.17ms`), not the thread statistics' percentages.
    latencyP50: /^\s*50%\s+(\S+)\s*$/m.exec(text)?.[1] ?? null,
    latencyP99: /^\s*99%\s+(\S+)\s*$/m.exec(text)?.[1] ?? null,
  };
}

async function wrk(url, args, logFile) {
  checkInterrupted();
  const child = spawnGroup('wrk', [...args, '--latency', url], { logFile });
  const exit = await child.exited;
  await child.logWritten;
  checkInterrupted();
  const text = await readFile(logFile, 'utf8');
  if (exit.error || exit.code !== 0)
    throw new Error(
      `wrk ${args.join(' ')} ${url} failed (${exit.error?.message ?? `exit ${exit.code ?? exit.signal}`}):\n${text}`,
    );
  const result = parseWrk(text);
  if (result.rps === null) throw new Error(`could not read wrk's output:\n${text}`);
  return { ...result, output: text };
}

/**
 * `rounds` interleaved runs of wrk against each target (after a short untimed warm-up of each), so
 * that the machine's other load falls on all of them alike. targets: { name: url }.
 */
export async function measureThroughput(targets, { rounds, seconds, threads, connections, logDir, log }) {
  // wrk's default of 2 s would count a response slowed by a busy machine as an error instead of a time.
  const args = (s) => ['-t', String(threads), '-c', String(connections), '-d', `${s}s`, '--timeout', '10s'];
  const runs = Object.fromEntries(Object.keys(targets).map((name) => [name, []]));
  let n = 0;
  for (const url of Object.values(targets)) await wrk(url, args(2), path.join(logDir, `wrk-${n++}.log`));
  for (let round = 0; round < rounds; round++) {
    for (const [name, url] of Object.entries(targets)) {
      const result = await wrk(url, args(seconds), path.join(logDir, `wrk-${n++}.log`));
      // A wrong answer or a refused connection makes the rate meaningless; slow or dropped ones are part of it.
      if (result.non2xx > 0 || result.socketErrors.connect > 0)
        throw new Error(`wrk against ${url}: wrong answers or refused connections:\n${result.output}`);
      const { read, write, timeout } = result.socketErrors;
      if (read + write + timeout > 0)
        log(`note: wrk against ${url}: ${read} read, ${write} write errors and ${timeout} timeouts (over 10 s)`);
      runs[name].push(result);
    }
  }
  return Object.fromEntries(
    Object.entries(runs).map(([name, results]) => [
      name,
      { url: targets[name], rps: median(results.map((r) => r.rps)), runs: results },
    ]),
  );
}
