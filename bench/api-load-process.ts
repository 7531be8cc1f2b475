/**
 * The API scenario in a process of its own (started by bench/run.ts): autocannon gets a fresh
 * heap and event loop. Run in the bench's own process, after the browser scenarios, it shared
 * the event loop and the large heap Playwright had left there, and the staging diff measured
 * about half the requests a second it does on a fresh load generator.
 *
 * Input: the JSON of `ApiLoadInput` on stdin. Output: log lines on stderr, then the results as
 * JSON on stdout.
 */
import type { BenchManifest } from '../server/seed/bench';
import type { Tokens } from './lib/session';
import { benchApiLoad, type ApiLoadOptions } from './scenarios/api-load';

export interface ApiLoadInput {
  url: string;
  tokens: Tokens;
  manifest: BenchManifest;
  options: Omit<ApiLoadOptions, 'log'>;
}

const chunks: Buffer[] = [];
for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
const input = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ApiLoadInput;
const results = await benchApiLoad(input.url, input.tokens, input.manifest, {
  ...input.options,
  log: (line) => process.stderr.write(`${line}\n`),
});
process.stdout.write(JSON.stringify(results));
