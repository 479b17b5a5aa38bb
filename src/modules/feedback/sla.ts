/**
 * Deadline follow-up, run daily by the `feedback-sla` job: a reminder before the due day, then an
 * escalation to the department head the first working day after it, then to the chairman.
 * Each step is recorded once per item (reminded_on, escalation_level), as an event and in the audit.
 */
import type { Kysely } from 'kysely';
import { audit, type Actor } from '../../core/audit.js';
import { enqueueEmail } from '../../core/mail.js';
import { withUnit } from '../../core/tenancy.js';
import type { WorkCalendar } from '../../lib/vn-calendar/index.js';
import { slaStage, type SlaStage } from './deadlines.js';
import { rulesFor } from './intake.js';
import { asFeedbackTrx, type FeedbackTrx } from './types.js';
import type { CategoryCode } from './categories.js';

export interface SlaOutcome {
  reminded: number;
  escalatedToHead: number;
  escalatedToChairman: number;
}

const SYSTEM: Actor = { id: null, name: 'hệ thống (theo dõi thời hạn)', unitId: null, ip: null };
const OPEN = ['received', 'classified', 'assigned', 'in_progress'];

interface Contacts {
  heads: Map<string, string | null>;
  chairman: string | null;
  chairmanAfter: number;
}

async function contacts(trx: FeedbackTrx): Promise<Contacts> {
  const deps = await trx.selectFrom('feedback_departments').select(['code', 'head_email']).execute();
  const s = await trx.selectFrom('feedback_settings').selectAll().executeTakeFirst();
  return { heads: new Map(deps.map((d) => [d.code, d.head_email])), chairman: s?.chairman_email ?? null, chairmanAfter: s?.chairman_after_days ?? 3 };
}

type Step = { kind: 'remind' | 'head' | 'chairman'; to: string | null };

/** Which step (if any) is due for an item, given what was already done. Pure. */
export function nextSlaStep(
  stage: SlaStage, item: { reminded_on: string | null; escalation_level: number; department_code: string | null }, c: Contacts,
): Step | null {
  const head = item.department_code ? c.heads.get(item.department_code) ?? null : null;
  if (stage === 'remind' && !item.reminded_on) return { kind: 'remind', to: head ?? c.chairman };
  if (stage === 'escalate_head' && item.escalation_level < 1) return { kind: 'head', to: head ?? c.chairman };
  if (stage === 'escalate_chairman' && item.escalation_level < 2) return { kind: 'chairman', to: c.chairman };
  return null;
}

export interface SlaMessages {
  subject: (kind: Step['kind'], code: string) => string;
  body: (kind: Step['kind'], code: string, due: string, staffUrl: string) => string;
  staffUrl: (code: string) => string;
}

export async function runSlaSweep(
  db: Kysely<any>, unitId: string, calendar: WorkCalendar, today: string, messages: SlaMessages,
): Promise<SlaOutcome> {
  return withUnit(db, unitId, async (raw) => {
    const trx = asFeedbackTrx(raw);
    const rules = await rulesFor(trx, unitId);
    const c = await contacts(trx);
    const items = await trx.selectFrom('feedback')
      .select(['id', 'code', 'category', 'status', 'due_date', 'reminded_on', 'escalation_level', 'department_code'])
      .where('status', 'in', OPEN).forUpdate().skipLocked().execute();
    const out: SlaOutcome = { reminded: 0, escalatedToHead: 0, escalatedToChairman: 0 };
    for (const item of items) {
      const due = String(item.due_date).slice(0, 10);
      const rule = rules[item.category as CategoryCode] ?? rules.other;
      const step = nextSlaStep(slaStage(calendar, today, due, rule.remindDaysBefore, c.chairmanAfter), item, c);
      if (!step) continue;
      const set = step.kind === 'remind' ? { reminded_on: today } : { escalation_level: step.kind === 'head' ? 1 : 2, ...(item.reminded_on ? {} : { reminded_on: today }) };
      await trx.updateTable('feedback').set(set).where('id', '=', item.id).execute();
      await trx.insertInto('feedback_events').values({
        unit_id: unitId, feedback_id: item.id, action: step.kind === 'remind' ? 'remind' : `escalate_${step.kind}`,
        from_status: item.status, to_status: item.status, note: step.to, is_public: false, actor_id: null,
      }).execute();
      await audit(trx, SYSTEM, { action: `feedback.sla.${step.kind}`, entity: 'feedback', entityId: item.id, unitId, after: { ...set, to: step.to } });
      if (step.to) {
        await enqueueEmail(trx, {
          unitId, to: step.to, subject: messages.subject(step.kind, item.code),
          text: messages.body(step.kind, item.code, due, messages.staffUrl(item.code)),
        });
      }
      if (step.kind === 'remind') out.reminded++;
      else if (step.kind === 'head') out.escalatedToHead++;
      else out.escalatedToChairman++;
    }
    return out;
  });
}
