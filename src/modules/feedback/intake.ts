/** Creating feedback items from any channel. */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { provider } from '../../core/providers.js';
import { withUnit } from '../../core/tenancy.js';
import { categoryRules, type CategoryCode, type CategoryRule, type Channel } from './categories.js';
import { feedbackDueDay, type DeadlineRulesSource } from './deadlines.js';
import { insertFeedback, insertPhotos, loadDeadlineOverrides, submitInOneStatement, type InsertOutcome, type NewFeedbackRow } from './intake-repo.js';
import type { CleanPhoto } from './photos.js';
import { newTrackingCode } from './tracking-code.js';
import { asFeedbackTrx, type FeedbackTrx } from './types.js';
import type { Submission } from './validate.js';
import { vnYearOf } from '../../lib/vn-calendar/index.js';

export interface IntakeExtras {
  channel: Channel;
  /** Zalo/Facebook user id, SMS number: where a reply through that channel goes. */
  senderHandle?: string | null;
  boxLocation?: string | null;
  intakeId?: string | null;
  receivedAt?: Date | null;
  /** Per-client key (IP or API client) used with the content to catch double submits. */
  clientKey?: string | null;
  /** Hidden form field or `Idempotency-Key` header: the same key always returns the first code. */
  idempotencyKey?: string | null;
  photos?: CleanPhoto[];
  /** Runs in the insert's transaction when an item was created (staff recording: the audit entry). */
  afterInsert?: (trx: FeedbackTrx, out: InsertOutcome) => Promise<void>;
}

/** Same idempotency key: 24 h. Same client + same text without a key: 2 minutes. */
const KEY_WINDOW_S = 86_400;
const CONTENT_WINDOW_S = 120;

export function dedupeKey(s: Submission, x: IntakeExtras): { key: string | null; window: number } {
  if (x.idempotencyKey) return { key: hash(`k|${x.idempotencyKey}`), window: KEY_WINDOW_S };
  if (x.clientKey) return { key: hash(`h|${x.clientKey}|${s.category}|${s.content}`), window: CONTENT_WINDOW_S };
  return { key: null, window: 0 };
}

const hash = (s: string) => createHash('sha256').update(s).digest('base64url').slice(0, 24);

/**
 * Category rules per unit, cached briefly: the hot path should not read them on every insert.
 * The settings page calls `forgetRules` after its commit; a read that started before that commit
 * does not put its (old) rules back, thanks to the per-unit generation. Other instances see a
 * change within the TTL.
 */
const rulesCache = new Map<string, { at: number; rules: Record<CategoryCode, CategoryRule> }>();
const generations = new Map<string, number>();
const RULES_TTL_MS = 30_000;

export async function rulesFor(trx: FeedbackTrx, unitId: string): Promise<Record<CategoryCode, CategoryRule>> {
  const hit = rulesCache.get(unitId);
  if (hit && Date.now() - hit.at < RULES_TTL_MS) return hit.rules;
  const generation = generations.get(unitId) ?? 0;
  const rules = categoryRules(await loadDeadlineOverrides(trx));
  if ((generations.get(unitId) ?? 0) === generation) rulesCache.set(unitId, { at: Date.now(), rules });
  return rules;
}
export function forgetRules(unitId: string): void {
  generations.set(unitId, (generations.get(unitId) ?? 0) + 1);
  rulesCache.delete(unitId);
}

export interface IntakeResult extends InsertOutcome {
  dueDate: string;
}

/**
 * Store one item (and its photos) in one short transaction. Returns the first item's code when
 * the same submission arrived moments ago. Anonymous intake is not audited (it is not a staff
 * write); the item's own `received` event is its record.
 */
export async function submitFeedback(
  db: Kysely<any>,
  deadlineRules: DeadlineRulesSource,
  unitId: string,
  s: Submission,
  x: IntakeExtras,
): Promise<IntakeResult> {
  const rulesOfUnit = await deadlineRules(unitId);
  const receivedAt = x.receivedAt ?? new Date();
  const { key, window } = dedupeKey(s, x);
  // Conduct reports go to the leadership module's confidential track, which keeps the sender's
  // identity (Law on Denunciations art. 48); the feedback row then holds none.
  const conduct = s.category === 'conduct' ? provider('conductReports') : null;
  const fast = !(x.photos?.length) && !x.afterInsert && !conduct;
  let rules = rulesCache.get(unitId);
  for (let attempt = 0; ; attempt++) {
    try {
      const rowFor = (r: Record<CategoryCode, CategoryRule>): NewFeedbackRow => ({
        unitId, code: newTrackingCode(vnYearOf(receivedAt)), category: s.category,
        channel: x.channel, content: s.content, senderName: conduct ? null : s.name, senderPhone: conduct ? null : s.phone,
        senderEmail: conduct ? null : s.email, senderHandle: conduct ? null : x.senderHandle ?? null, shareLocation: s.shareLocation, lat: s.lat, lng: s.lng,
        address: s.address, boxLocation: x.boxLocation ?? null, intakeId: x.intakeId ?? null, dedupeKey: key,
        dueDate: feedbackDueDay(rulesOfUnit, receivedAt, r[s.category].deadlineDays), receivedAt: x.receivedAt ?? null,
      });
      if (fast && rules && Date.now() - rules.at < RULES_TTL_MS) {
        const row = rowFor(rules.rules);
        return { ...(await submitInOneStatement(db, row, window)), dueDate: row.dueDate };
      }
      return await withUnit(db, unitId, async (raw) => {
        const trx = asFeedbackTrx(raw);
        const row = rowFor(await rulesFor(trx, unitId));
        rules = rulesCache.get(unitId);
        const out = await insertFeedback(trx, row, window);
        if (out.created) await insertPhotos(trx, unitId, out.id, x.photos ?? []);
        if (out.created && x.afterInsert) await x.afterInsert(trx, out);
        if (out.created && conduct) {
          await conduct.captureConductReport(trx, { unitId, feedbackId: out.id, code: out.code, content: s.content, receivedAt,
            sender: { name: s.name, phone: s.phone, email: s.email, handle: x.senderHandle ?? null } });
        }
        return { ...out, dueDate: row.dueDate };
      });
    } catch (err) {
      // A tracking-code collision (31^6 codes a year) is retried with a fresh code.
      if (attempt < 3 && (err as { code?: string }).code === '23505') continue;
      throw err;
    }
  }
}
