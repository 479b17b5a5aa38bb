// Requests/s and latency of the unit home page and /healthz, beside a bare Fastify hello-world
// measured in the same run. Usage: npx tsx bench/home.ts [seconds=5] [concurrency=32]
import { load, startBenchApp, startHelloWorld } from './lib.js';

const seconds = Number(process.argv[2] ?? 5);
const concurrency = Number(process.argv[3] ?? 32);

const app = await startBenchApp();
const hello = await startHelloWorld();

await load(`${app.base}/chu-van-an/`, 1, 8); // warm up
const helloWorld = await load(hello.url, seconds, concurrency);
const home = await load(`${app.base}/chu-van-an/`, seconds, concurrency);
const healthz = await load(`${app.base}/healthz`, seconds, concurrency);
console.log(JSON.stringify({
  benchmark: 'home', seconds, concurrency, hello_world: helloWorld, home, healthz,
  home_vs_hello_ratio: Math.round((home.req_per_s / helloWorld.req_per_s) * 1000) / 1000,
  healthz_vs_hello_ratio: Math.round((healthz.req_per_s / helloWorld.req_per_s) * 1000) / 1000,
}));
await hello.close();
await app.close();
process.exit(0);
