import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import type { BenchManifest } from '../server/seed/bench';
import { launchBrowser } from './lib/browser';
import { signIn } from './lib/session';
import { markdownTable, type BenchResults } from './lib/table';
import type { ApiLoadInput } from './api-load-process';
import type { ApiLoadResult } from './scenarios/api-load';
import { benchFirstLoad } from './scenarios/first-load';
import { benchHistory } from './scenarios/history';
import { benchReview } from './scenarios/review';
import { benchTyping } from './scenarios/typing';

/**
 * `npm run bench`: builds the app (into bench/results/app, so it never races another build of
 * dist/) and the plain-viewer page, starts bench/server.ts on a fresh database seeded by the
 * bench seed, drives Debian's Chromium through the scenarios, loads the API with autocannon, and
 * prints one table of medians. It never passes or fails on time: it reports.
 *
 * Environment: BENCH_RUNS (default 3), BENCH_ONLY (comma list of first-load, review, history,
 * typing, api), BENCH_SKIP_BUILD=1 (reuse the last builds), BENCH_PORT.
 */

const ROOT = resolve(import.meta.dirname, '..');
const RESULTS = join(ROOT, 'bench/results');
const APP_DIST = join(RESULTS, 'app');
const PLAIN_DIST = join(RESULTS, 'plain');
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const ONLY = new Set(
  (process.env.BENCH_ONLY ?? 'first-load,review,history,typing,api').split(',').map((s) => s.trim()),
);
const started = Date.now();

const log = (line: string) =>
  console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolvePromise() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`)),
    );
  });
}

function freePort(): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolvePromise(port));
    });
  });
}

interface Server {
  child: ChildProcess;
  url: string;
  manifest: BenchManifest & { seedMs: number };
}

/** Starts bench/server.ts as `node` itself (so the PID stopped is the server's) and waits for BENCH_READY. */
function startServer(port: number): Promise<Server> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/server.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(port),
        DIST_DIR: APP_DIST,
        PLAIN_DIR: PLAIN_DIST,
        BENCH_DB: `/tmp/ejento-bench-${process.pid}.db`,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let buffered = '';
    const timer = setTimeout(() => reject(new Error('The bench server did not start within 120 s')), 120_000);
    child.on('exit', (code) => reject(new Error(`The bench server exited with ${code}`)));
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const ready = /BENCH_READY (.*)\n/.exec(buffered);
      if (!ready?.[1]) return;
      clearTimeout(timer);
      const info = JSON.parse(ready[1]) as BenchManifest & { seedMs: number; url: string };
      resolvePromise({ child, url: info.url, manifest: info });
    });
  });
}

/** Which built chunk holds react-diff-viewer-continued, and which hold the editors. */
function chunks(): { diffViewer: string | null; editors: string[] } {
  const dir = join(APP_DIST, 'assets');
  const files = readdirSync(dir).filter((f) => f.endsWith('.js'));
  const diffViewer =
    files.find((f) => readFileSync(join(dir, f), 'utf8').includes('code-fold-expand-button')) ?? null;
  return { diffViewer, editors: files.filter((f) => f.startsWith('agent-edit')) };
}

/** The API scenario in a fresh process (see bench/api-load-process.ts); its log lines come through. */
function apiLoadInItsOwnProcess(input: ApiLoadInput): Promise<ApiLoadResult[]> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/api-load-process.ts'], {
      cwd: ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString('utf8');
      const lines = err.split('\n');
      err = lines.pop() ?? '';
      for (const line of lines) log(line);
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`The API load process exited with ${code}: ${err}`));
      try {
        resolvePromise(JSON.parse(out) as ApiLoadResult[]);
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
    child.stdin.end(JSON.stringify(input));
  });
}

async function main() {
  mkdirSync(RESULTS, { recursive: true });
  if (process.env.BENCH_SKIP_BUILD !== '1') {
    log('Building the app into bench/results/app …');
    await run(process.execPath, [
      'node_modules/vite/bin/vite.js',
      'build',
      '--outDir',
      APP_DIST,
      '--emptyOutDir',
      '--logLevel',
      'warn',
    ]);
    log('Building the plain-viewer page …');
    await run(process.execPath, [
      'node_modules/vite/bin/vite.js',
      'build',
      '--config',
      'bench/plain/vite.config.ts',
    ]);
  }
  const port = Number(process.env.BENCH_PORT ?? (await freePort()));
  log(`Starting the bench server on port ${port} and seeding a fresh database …`);
  const server = await startServer(port);
  const { manifest, url } = server;
  log(
    `Seeded in ${(manifest.seedMs / 1000).toFixed(1)} s: ${manifest.prompts.map((p) => `${p.lines}-line prompt (agent ${p.agentId}, ${p.changedLines} lines changed)`).join(', ')}; ${manifest.history.publishes} publishes (agent ${manifest.history.agentId}); ${manifest.typing.chars}-character prompt (agent ${manifest.typing.agentId})`,
  );

  const browser = await launchBrowser();
  const results: BenchResults = {
    machine: {
      cpus: `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}`,
      memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
      chromium: browser.version(),
      node: process.version,
      date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
      // Other work on the machine slows every figure: say how busy it was.
      loadAtStart: loadavg()
        .map((n) => n.toFixed(1))
        .join(' / '),
    },
    runs: RUNS,
    errors: {},
  };
  const attempt = async <T>(key: string, body: () => Promise<T>): Promise<T | undefined> => {
    if (!ONLY.has(key)) return undefined;
    log(`Scenario: ${key}`);
    try {
      return await body();
    } catch (error) {
      results.errors[key === 'first-load' ? 'firstLoad' : key] =
        `failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
      log(`  ${key} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return undefined;
    }
  };

  try {
    const tokens = await signIn(url);
    const { diffViewer, editors } = chunks();
    results.firstLoad = await attempt('first-load', () =>
      benchFirstLoad(browser, url, tokens, manifest, diffViewer, editors),
    );
    results.review = await attempt('review', () =>
      benchReview(browser, url, tokens, manifest, {
        runs: RUNS,
        plainRunsForHuge: 1,
        appTimeoutMs: 30_000,
        plainTimeoutMs: 90_000,
        log,
      }),
    );
    results.history = await attempt('history', () =>
      benchHistory(browser, url, tokens, manifest, { runs: RUNS, timeoutMs: 20_000, log }),
    );
    results.typing = await attempt('typing', () =>
      benchTyping(browser, url, tokens, manifest, { keys: 40, timeoutMs: 20_000, log }),
    );
    await browser.close();
    results.api = await attempt('api', () =>
      apiLoadInItsOwnProcess({
        url,
        tokens,
        manifest,
        options: { connections: 50, seconds: 8, warmUpSeconds: 3, serverPid: server.child.pid },
      }),
    );
  } finally {
    await browser.close().catch(() => undefined);
    server.child.removeAllListeners('exit');
    server.child.kill('SIGTERM');
  }

  results.machine.loadAtEnd = loadavg()
    .map((n) => n.toFixed(1))
    .join(' / ');
  writeFileSync(join(RESULTS, 'latest.json'), `${JSON.stringify({ manifest, ...results }, null, 2)}\n`);
  const m = results.machine;
  console.log(
    `\nMachine: ${m.cpus}, ${m.memory}; Chromium ${m.chromium}; Node ${m.node}; ${m.date}; load average (1/5/15 min) ${m.loadAtStart} at start, ${m.loadAtEnd} at end; medians of ${RUNS} runs\n`,
  );
  console.log(markdownTable(results));
  console.log(`\nWritten to bench/results/latest.json in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
