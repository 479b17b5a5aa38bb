// Guarantee "crash safety" (issue 11): concurrent writers (public feedback submissions and dossiers
// received through the intake API with a bearer token) run while the server is killed with SIGKILL
// and restarted, and while the embedded PostgreSQL is killed; afterwards every acknowledged write
// (2xx) must be in the database exactly once (count and checksum). A writer whose request failed
// (connection refused or reset, 503) sends the same request again with the same idempotency key /
// external code, as a real client would: that must not produce a second row either.
import { createHash, randomBytes } from 'node:crypto';
import type pg from 'pg';
import { sleep } from './app-process.js';

export type Kind = 'feedback' | 'dossier';

export interface Ack { key: string; kind: Kind; code: string; text: string; status: number; attempts: number }

export interface LoadStats {
  acks: Map<string, Ack>;
  /** The same key acknowledged twice with different codes (a duplicate seen by the client). */
  conflicts: string[];
  /** 4xx answers other than 429: a write was refused, which this load never expects. */
  refused: string[];
  /** Keys still not acknowledged when the load was stopped. */
  pending: string[];
  retries: number;
  requests: number;
}

export interface Load { stop(): Promise<LoadStats>; acked(): number }

export interface LoadTarget { url: () => string; token: string; procedure: string; run: string }

const feedbackText = (run: string, i: number) => `Kiểm tra độ bền ${run} số ${i}: đèn đường hỏng ở ngõ ${i % 97}, tối không có ánh sáng.`;
const applicantName = (run: string, i: number) => `Người thử ${run} ${i}`;
export const externalCode = (run: string, i: number) => `CRASH-${run}-${i}`;

export function newRunId(): string { return randomBytes(3).toString('hex'); }

function requestFor(t: LoadTarget, kind: Kind, i: number): { path: string; headers: Record<string, string>; body: unknown; text: string } {
  if (kind === 'feedback') {
    const text = feedbackText(t.run, i);
    return { path: '/api/v1/units/chu-van-an/feedback', headers: { 'idempotency-key': `fb-${t.run}-${i}` }, body: { category: 'environment', content: text }, text };
  }
  const text = applicantName(t.run, i);
  return {
    path: '/api/v1/units/chu-van-an/dossiers', headers: { authorization: `Bearer ${t.token}` }, text,
    body: { procedure: t.procedure, applicant_name: text, applicant_phone: `09120${String(i).padStart(5, '0')}`, external_code: externalCode(t.run, i) },
  };
}

/** `writers` concurrent clients, each sending one write after another (alternating kinds) until stopped. */
export function startLoad(t: LoadTarget, writers: number): Load {
  const stats: LoadStats = { acks: new Map(), conflicts: [], refused: [], pending: [], retries: 0, requests: 0 };
  let next = 0;
  let stopping = false;
  let giveUpAt = Infinity;
  const inFlight = new Set<string>();

  async function writeOnce(i: number): Promise<void> {
    const kind: Kind = i % 2 === 0 ? 'feedback' : 'dossier';
    const r = requestFor(t, kind, i);
    const key = `${kind}:${i}`;
    inFlight.add(key);
    for (let attempt = 1; Date.now() < giveUpAt; attempt++) {
      if (attempt > 1) { stats.retries++; await sleep(150); }
      stats.requests++;
      let res: Response;
      try {
        res = await fetch(t.url() + r.path, {
          method: 'POST', headers: { 'content-type': 'application/json', ...r.headers }, body: JSON.stringify(r.body), signal: AbortSignal.timeout(20_000),
        });
      } catch {
        continue; // refused, reset, timed out: the server is down or was killed mid-request
      }
      if (res.status >= 200 && res.status < 300) {
        const { code } = await res.json() as { code: string };
        const prev = stats.acks.get(key);
        if (prev && prev.code !== code) stats.conflicts.push(`${key}: ${prev.code} then ${code}`);
        stats.acks.set(key, { key, kind, code, text: r.text, status: res.status, attempts: attempt });
        inFlight.delete(key);
        return;
      }
      const body = await res.text().catch(() => '');
      if (res.status >= 400 && res.status < 500 && res.status !== 429) {
        stats.refused.push(`${key}: ${res.status} ${body.slice(0, 200)}`);
        inFlight.delete(key);
        return;
      }
      // 5xx (503 while the database restarts) or 429: the same request again.
    }
    stats.pending.push(key);
    inFlight.delete(key);
  }

  const workers = Array.from({ length: writers }, async () => {
    while (!stopping) await writeOnce(next++);
  });
  return {
    acked: () => stats.acks.size,
    async stop() {
      stopping = true;
      // Writes in flight finish (retrying if needed) but give up after 60 s.
      giveUpAt = Date.now() + 60_000;
      await Promise.all(workers);
      return stats;
    },
  };
}

const checksum = (lines: string[]) => createHash('sha256').update([...lines].sort().join('\n')).digest('hex');

export interface Verdict {
  acked: { feedback: number; dossier: number };
  stored: { feedback: number; dossier: number };
  missing: string[];
  duplicates: string[];
  wrongContent: string[];
  checksumAcked: string;
  checksumStored: string;
}

/** Compares the acknowledged writes with the rows of this run in the database. */
export async function verify(c: pg.Client, run: string, stats: LoadStats): Promise<Verdict> {
  const fb = await c.query<{ code: string; content: string }>(
    `select code, content from feedback where content like $1`, [`Kiểm tra độ bền ${run} số %`]);
  const ds = await c.query<{ code: string; applicant_name: string; external_code: string }>(
    `select code, applicant_name, external_code from dossiers where external_code like $1`, [`CRASH-${run}-%`]);
  const stored = [
    ...fb.rows.map((r) => ({ kind: 'feedback' as const, code: r.code, text: r.content })),
    ...ds.rows.map((r) => ({ kind: 'dossier' as const, code: r.code, text: r.applicant_name })),
  ];
  const byText = new Map<string, typeof stored>();
  for (const s of stored) byText.set(`${s.kind}|${s.text}`, [...(byText.get(`${s.kind}|${s.text}`) ?? []), s]);
  const duplicates = [...byText.entries()].filter(([, v]) => v.length > 1).map(([k, v]) => `${k} ×${v.length}`);
  const acks = [...stats.acks.values()];
  const missing: string[] = [];
  const wrongContent: string[] = [];
  for (const a of acks) {
    const rows = byText.get(`${a.kind}|${a.text}`) ?? [];
    if (!rows.length) missing.push(`${a.key} (${a.code}, answered ${a.status} after ${a.attempts} attempt(s))`);
    else if (!rows.some((r) => r.code === a.code)) wrongContent.push(`${a.key}: acknowledged ${a.code}, stored ${rows.map((r) => r.code).join(', ')}`);
  }
  const ackedLines = acks.map((a) => `${a.kind}|${a.code}|${a.text}`);
  const ackedKeys = new Set(acks.map((a) => `${a.kind}|${a.text}`));
  const storedLines = stored.filter((s) => ackedKeys.has(`${s.kind}|${s.text}`)).map((s) => `${s.kind}|${s.code}|${s.text}`);
  return {
    acked: { feedback: acks.filter((a) => a.kind === 'feedback').length, dossier: acks.filter((a) => a.kind === 'dossier').length },
    stored: { feedback: fb.rows.length, dossier: ds.rows.length },
    missing, duplicates, wrongContent,
    checksumAcked: checksum(ackedLines), checksumStored: checksum(storedLines),
  };
}
