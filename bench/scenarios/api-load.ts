import autocannon, { type Client } from 'autocannon';
import { readFileSync } from 'node:fs';
import type { BenchManifest } from '../../server/seed/bench';
import type { Tokens } from '../lib/session';

export interface ApiLoadResult {
  name: string;
  path: string;
  connections: number;
  seconds: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  timeouts: number;
  bytesPerResponse: number;
  /** A reference row (the floor of this machine), not a target. */
  reference?: boolean;
  /** Server CPU time (user + system) per completed request: what the figures would be bound by on an idle core. */
  serverCpuMsPerRequest: number | null;
}

/** CPU time a process has used, from /proc (Linux); null elsewhere. Clock ticks are 10 ms. */
function cpuMs(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

export interface ApiLoadOptions {
  connections: number;
  seconds: number;
  warmUpSeconds: number;
  serverPid?: number;
  log: (line: string) => void;
}

/**
 * autocannon keeps every response body as a string (for its `expectBody` and `onResponse`
 * options, neither used here), decoding each chunk as UTF-8. For a compressed body that is
 * decoding binary: 150 kB brotli responses cost autocannon about 4 ms each, which capped the
 * staging diff at about 300 requests a second with the server's core three-quarters idle. The
 * bench measures the server, so its connections drop the bodies; bytes are still counted.
 */
function dropBodies(client: Client): void {
  client.pipelinedRequests.addBody = () => {};
}

/**
 * The sandbox API under load: autocannon in this process against the bench server on loopback,
 * 50 connections, no pipelining, each request carrying the headers the app sends (bearer token,
 * Accept, the Accept-Encoding a browser sends). One untimed request first (the first
 * computation of a diff), then an untimed `warmUpSeconds` of the same load (the server's code
 * optimised by the JIT, as on a server that has been up a while), then the timed run: the
 * figures are the steady state.
 */
export async function benchApiLoad(
  baseUrl: string,
  tokens: Tokens,
  manifest: BenchManifest,
  options: ApiLoadOptions,
): Promise<ApiLoadResult[]> {
  const twentyK = manifest.prompts.find((p) => p.lines === 20_000) ?? manifest.prompts[0];
  const targets: { name: string; path: string; reference?: boolean }[] = [
    {
      name: 'Staging diff, 20,000-line prompt',
      path: `/api/v2/agents/${twentyK?.agentId ?? 1}/staging-diff`,
    },
    {
      name: 'History page 500 (20 a page) of 10,000',
      path: `/api/v2/agents/${manifest.history.agentId}/publishes?page=500&items_per_page=20`,
    },
    {
      // The same server and load on a request that does nothing (no token, no database, a few
      // bytes): what HTTP alone costs here, with autocannon sharing the machine's two cores.
      name: 'Reference: /healthz (no work)',
      path: '/healthz',
      reference: true,
    },
  ];
  const headers = {
    authorization: `Bearer ${tokens.ejentoToken}`,
    accept: 'application/json',
    'accept-encoding': 'gzip, deflate, br',
  };
  const results: ApiLoadResult[] = [];
  for (const target of targets) {
    const warm = await fetch(`${baseUrl}${target.path}`, {
      headers: { authorization: headers.authorization },
    });
    const body = await warm.arrayBuffer();
    if (!warm.ok) throw new Error(`${target.path} answered ${warm.status}`);
    const load = (seconds: number) =>
      autocannon({
        url: `${baseUrl}${target.path}`,
        connections: options.connections,
        duration: seconds,
        pipelining: 1,
        timeout: 10,
        headers,
        setupClient: dropBodies,
      });
    const warmUp = await load(options.warmUpSeconds);
    if (warmUp.errors + warmUp.non2xx + warmUp.timeouts > 0) {
      options.log(
        `  ${target.name}, warm-up: ${warmUp.errors} errors, ${warmUp.non2xx} non-2xx, ${warmUp.timeouts} timeouts`,
      );
    }
    const cpuBefore = cpuMs(options.serverPid);
    const result = await load(options.seconds);
    const cpuAfter = cpuMs(options.serverPid);
    const completed = result['2xx'] + result.non2xx;
    const row: ApiLoadResult = {
      name: target.name,
      path: target.path,
      reference: target.reference,
      connections: options.connections,
      seconds: options.seconds,
      requestsPerSecond: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      errors: result.errors,
      non2xx: result.non2xx,
      timeouts: result.timeouts,
      bytesPerResponse:
        result['2xx'] > 0 ? result.throughput.total / Math.max(1, completed) : body.byteLength,
      serverCpuMsPerRequest:
        cpuBefore !== null && cpuAfter !== null && completed > 0 ? (cpuAfter - cpuBefore) / completed : null,
    };
    options.log(
      `  ${target.name}: ${Math.round(row.requestsPerSecond)} req/s, p50 ${row.p50} ms, p99 ${row.p99} ms, errors ${row.errors}, non-2xx ${row.non2xx}, ${Math.round(row.bytesPerResponse / 1024)} kB a response, server CPU ${row.serverCpuMsPerRequest?.toFixed(2) ?? 'n/a'} ms a request`,
    );
    results.push(row);
  }
  return results;
}
