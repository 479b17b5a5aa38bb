/**
 * dueDate() throughput and latency on random inputs (acceptance 2025–2030, n 0–60 working days,
 * a third with a 15:00 cut-off, a tenth with a pause), over the shipped tables plus generated
 * years. Prints one JSON object. `npx tsx bench/calendar.ts [iterations]`
 */
import { readFileSync, readdirSync } from 'node:fs';
import { buildWorkCalendar, dueDate, parseHolidayYear, type DueInput } from '../src/lib/vn-calendar/index.js';

const dir = new URL('../data/reference/holidays/', import.meta.url);
const tables = readdirSync(dir).filter((f) => f.endsWith('.json'))
  .map((f) => parseHolidayYear(JSON.parse(readFileSync(new URL(f, dir), 'utf8'))));
const iterations = Number(process.argv[2] ?? 200_000);

let seed = 20260212;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const from = Date.parse('2025-01-01T00:00:00Z');
const span = Date.parse('2030-12-01T00:00:00Z') - from;

function randomInput(): DueInput {
  const acceptedAt = new Date(from + Math.floor(random() * span));
  const input: DueInput = { acceptedAt, workingDays: Math.floor(random() * 61) };
  if (random() < 1 / 3) input.cutoff = '15:00';
  if (random() < 0.1) {
    const start = acceptedAt.getTime() + random() * 10 * 864e5;
    input.pauses = [{ from: new Date(start), to: new Date(start + random() * 15 * 864e5) }];
  }
  return input;
}

const buildStart = performance.now();
const cal = buildWorkCalendar(tables);
for (let y = 2025; y <= 2031; y++) cal.isWorkingDay(`${y}-06-01`); // load every year once
const buildMs = performance.now() - buildStart;

const inputs = Array.from({ length: iterations }, randomInput);
for (let i = 0; i < Math.min(20_000, iterations); i++) dueDate(cal, inputs[i]); // warm-up

const samples = new Float64Array(iterations);
let checksum = 0;
const t0 = performance.now();
for (let i = 0; i < iterations; i++) {
  const s = performance.now();
  const r = dueDate(cal, inputs[i]);
  samples[i] = performance.now() - s;
  checksum += r.skipped.length;
}
const totalMs = performance.now() - t0;
samples.sort();
const pct = (p: number) => Number((samples[Math.min(iterations - 1, Math.floor(p * iterations))] * 1000).toFixed(2));

console.log(JSON.stringify({
  benchmark: 'calendar.dueDate',
  iterations,
  ops_per_s: Math.round(iterations / (totalMs / 1000)),
  p50_us: pct(0.5),
  p99_us: pct(0.99),
  max_us: Number((samples[iterations - 1] * 1000).toFixed(2)),
  calendar_build_ms: Number(buildMs.toFixed(2)),
  skipped_days_total: checksum,
  node: process.version,
}));
