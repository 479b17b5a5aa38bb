/**
 * Daily reminders and escalations of case deadlines: a reminder to the handler when the
 * acceptance or settlement due date is within REMIND_DAYS; once overdue, the head is told
 * (escalation level 1). Each case is reminded at most once a day. Messages never carry identities.
 */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { enqueueEmail } from '../../core/mail.js';
import { withUnit } from '../../core/tenancy.js';
import { addDays } from '../../lib/vn-calendar/index.js';
import { formatDate } from '../../lib/format.js';
import { headOf } from './confidentiality.js';

export const REMIND_DAYS = 3;

interface Due { id: string; code: string; due: string; handler_id: string | null; escalation_level: number }
export interface SweepResult { reminded: number; escalated: number }

export async function sweepDeadlines(db: Kysely<any>, unitId: string, today: string, staffUrl: (code: string) => string): Promise<SweepResult> {
  const emails = new Map((await sql<{ id: string; email: string | null }>`select id, email from users where unit_id = ${unitId}`.execute(db)).rows
    .map((u) => [u.id, u.email]));
  return withUnit(db, unitId, async (trx) => {
    const head = (await headOf(trx, unitId)) ?? undefined;
    const { rows } = await sql<Due>`select id, code, handler_id, escalation_level,
        case when status = 'received' then accept_due else resolve_due end as due
      from leadership_cases where unit_id = ${unitId} and status in ('received', 'accepted') and (reminded_on is null or reminded_on < ${today})
        and case when status = 'received' then accept_due else resolve_due end <= ${addDays(today, REMIND_DAYS)}`.execute(trx);
    const out = { reminded: 0, escalated: 0 };
    for (const c of rows) {
      const overdue = c.due < today;
      const to = overdue && c.escalation_level === 0 ? head : c.handler_id;
      const address = to ? emails.get(to) : null;
      if (address) {
        const subject = overdue ? `Vụ việc ${c.code} đã quá hạn (${formatDate(c.due)})` : `Vụ việc ${c.code} sắp đến hạn ${formatDate(c.due)}`;
        await enqueueEmail(trx, { unitId, to: address, subject, text: `${subject}.\nXem và xử lý: ${staffUrl(c.code)}` });
      }
      await trx.updateTable('leadership_cases').set({ reminded_on: today, escalation_level: overdue ? 1 : c.escalation_level })
        .where('id', '=', c.id).execute();
      if (overdue && c.escalation_level === 0) out.escalated++;
      else out.reminded++;
    }
    return out;
  });
}
