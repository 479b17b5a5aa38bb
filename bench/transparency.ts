// Requests/s and latency of the transparency module's busiest public endpoints (directory JSON,
// committee ICS feed, reception feed with holiday EXDATEs, statistics JSON and page with two SSR
// charts, vCard), beside a bare Fastify
// hello-world measured in the same run. Usage: npx tsx bench/transparency.ts [seconds=3] [concurrency=16]
import { load, startBenchApp, startHelloWorld } from './lib.js';

const seconds = Number(process.argv[2] ?? 3);
const concurrency = Number(process.argv[3] ?? 16);

const app = await startBenchApp();
const base = app.base;
const hello = await startHelloWorld();
const helloUrl = hello.url;

const year = new Date().getUTCFullYear() - 1; // a full year of seeded figures
const targets: Record<string, string> = {
  directory_json: `${base}/api/v1/units/chu-van-an/directory`,
  directory_vcf_all: `${base}/chu-van-an/danh-ba/tat-ca.vcf`,
  calendar_ics: `${base}/api/v1/units/chu-van-an/calendar.ics`,
  reception_ics_with_holidays: `${base}/api/v1/units/chu-van-an/reception.ics`,
  reception_page: `${base}/chu-van-an/tiep-cong-dan`,
  stats_json: `${base}/api/v1/units/chu-van-an/stats/online?year=${year}`,
  stats_page_svg: `${base}/chu-van-an/thong-ke?nam=${year}`,
  directory_page: `${base}/chu-van-an/danh-ba`,
};

for (const url of Object.values(targets)) await load(url, 0.5, 4); // warm up
const helloWorld = await load(helloUrl, seconds, concurrency);
const results: Record<string, unknown> = {};
for (const [name, url] of Object.entries(targets)) {
  const r = await load(url, seconds, concurrency);
  results[name] = { ...r, vs_hello_ratio: Math.round((r.req_per_s / helloWorld.req_per_s) * 1000) / 1000 };
}
console.log(JSON.stringify({ benchmark: 'transparency', seconds, concurrency, hello_world: helloWorld, ...results, node: process.version }));
await hello.close();
await app.close();
process.exit(0);
