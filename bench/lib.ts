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
