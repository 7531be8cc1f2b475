// The subset of autocannon's programmatic API the bench uses (the package ships no types, and
// @types/autocannon would be a dependency for one call).
declare module 'autocannon' {
  interface Options {
    url: string;
    connections?: number;
    duration?: number;
    pipelining?: number;
    timeout?: number;
    headers?: Record<string, string>;
    method?: string;
    /** Called with each connection's client once it is made. */
    setupClient?: (client: Client) => void;
  }
  /** A connection's client: only the queue its responses go through is used here. */
  export interface Client {
    pipelinedRequests: { addBody: (data: Buffer) => void };
  }
  interface Histogram {
    average: number;
    mean: number;
    stddev: number;
    min: number;
    max: number;
    p50: number;
    p90: number;
    p97_5: number;
    p99: number;
    total: number;
  }
  interface Result {
    requests: Histogram;
    latency: Histogram;
    throughput: Histogram;
    errors: number;
    timeouts: number;
    non2xx: number;
    '2xx': number;
    duration: number;
  }
  function autocannon(options: Options): Promise<Result>;
  export default autocannon;
}
