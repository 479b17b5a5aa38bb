import http from 'node:http';

export interface LoadResult { requests: number; errors: number; req_per_s: number; p50_ms: number; p99_ms: number }

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

function get(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http.get(url, { agent }, (res) => { res.resume(); res.on('end', () => resolve(res.statusCode ?? 0)); }).on('error', reject);
  });
}

export const percentile = (sorted: number[], p: number) => sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] : 0;

/** Closed-loop load: `concurrency` clients each sending the next request when the last answered. */
export async function load(url: string, seconds: number, concurrency: number): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  const end = Date.now() + seconds * 1000;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (Date.now() < end) {
      const s = performance.now();
      try {
        const status = await get(url);
        if (status >= 400) errors++;
      } catch { errors++; }
      latencies.push(performance.now() - s);
    }
  }));
  const elapsed = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  const r = (n: number) => Math.round(n * 100) / 100;
  return { requests: latencies.length, errors, req_per_s: r(latencies.length / elapsed), p50_ms: r(percentile(latencies, 0.5)), p99_ms: r(percentile(latencies, 0.99)) };
}

export interface BenchApp { base: string; close(): Promise<void> }

/** The whole app with the demo ward on a fresh embedded database, rate limits off. */
export async function startBenchApp(): Promise<BenchApp> {
  const { mkdtempSync, chmodSync, rmSync } = await import('node:fs');
  const os = await import('node:os');
  const path = await import('node:path');
  const { loadConfig } = await import('../src/core/config.js');
  const { openRuntime, prepareDatabase } = await import('../src/core/runtime.js');
  const { buildApp } = await import('../src/app.js');
  const quiet = { info: () => {}, warn: () => {}, debug: () => {} };
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tt-bench-'));
  chmodSync(dataDir, 0o755); // the postgres system user must reach the cluster folder
  const config = loadConfig({ DATA_DIR: dataDir, THANTHIEN_JOBS: 'off', THANTHIEN_RATE_LIMIT: 'off', LOG_LEVEL: 'warn' });
  const rt = await openRuntime(config, quiet);
  await prepareDatabase(rt, quiet, { demo: true });
  const app = await buildApp(rt, { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    base: `http://127.0.0.1:${(app.server.address() as { port: number }).port}`,
    async close() {
      await app.close();
      await rt.close().catch(() => {});
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A bare Fastify hello-world: the base of every ratio, measured in the same run. */
export async function startHelloWorld(): Promise<{ url: string; close(): Promise<void> }> {
  const { default: Fastify } = await import('fastify');
  const hello = Fastify();
  hello.get('/', async () => ({ hello: 'world' }));
  await hello.listen({ port: 0, host: '127.0.0.1' });
  return { url: `http://127.0.0.1:${(hello.server.address() as { port: number }).port}/`, close: () => hello.close() };
}
