import { sql } from 'kysely';
import { enqueueEmail } from '../../../core/mail.js';
import { withUnit } from '../../../core/tenancy.js';
import { nextWorkingDay, vnDateOf } from '../../../lib/vn-calendar/index.js';
import { promisedDate, showDate } from '../domain/rules.js';
import type { DossierRow } from '../domain/types.js';
import { pendingDueBy } from '../repo/list.js';
import type { DossierDeps } from './deps.js';

export interface SweepResult { warned: number; late: number; lateAfterApology: number; emails: number }

/** Staff to tell: the receiving officer of each dossier and the unit's leaders, with an e-mail. */
async function recipients(deps: DossierDeps, unitId: string, officerIds: string[]): Promise<string[]> {
  const rows = await sql<{ email: string }>`
    select distinct u.email from users u
    where u.email is not null and not u.disabled and (
      u.id = any(${officerIds}::uuid[])
      or exists (select 1 from user_roles r where r.user_id = u.id and r.unit_id = ${unitId} and r.role = 'leader'))`.execute(deps.db);
  return rows.rows.map((r) => r.email);
}

interface Digest { soon: DossierRow[]; late: DossierRow[]; lateAfterApology: DossierRow[] }

function digest(unitName: string, g: Digest): string {
  const line = (d: DossierRow) => `- ${d.code} — ${d.procedure_name} — hạn ${showDate(d.due_date!)}${d.apology_due_date ? `, hẹn lại ${showDate(d.apology_due_date)}` : ''} — ${d.officer_name ?? ''}`;
  return [
    `Bộ phận Một cửa ${unitName}`,
    '',
    g.soon.length ? `Hồ sơ sắp đến hạn (trong 1 ngày làm việc) — nếu không kịp, lập Phiếu xin lỗi (Mẫu 04) trước hạn trả:\n${g.soon.map(line).join('\n')}` : '',
    g.late.length ? `Hồ sơ đã quá hạn chưa có phiếu xin lỗi:\n${g.late.map(line).join('\n')}` : '',
    g.lateAfterApology.length ? `Hồ sơ đã quá cả ngày hẹn lại ghi trong phiếu xin lỗi — lập phiếu xin lỗi mới và báo công dân:\n${g.lateAfterApology.map(line).join('\n')}` : '',
  ].filter(Boolean).join('\n\n');
}

/** Sorts a unit's pending dossiers (promised date on or before `soonUntil`) for the digest. */
export function classify(pending: DossierRow[], today: string): Digest {
  const g: Digest = { soon: [], late: [], lateAfterApology: [] };
  for (const d of pending) {
    const promised = promisedDate(d);
    if (!promised) continue;
    if (promised >= today) {
      if (d.warned_on === null) g.soon.push(d);
    } else if (d.apologies === 0) {
      g.late.push(d);
    } else if (d.apology_due_date) {
      g.lateAfterApology.push(d);
    }
  }
  return g;
}

/**
 * The overdue sweep: for each unit, dossiers whose promised date (the due date, or the new date of
 * their apology) is today or the next working day (warned once per date: warned_on is cleared when
 * the date changes), late dossiers without an apology, and dossiers late even against their
 * apology's new date; one digest e-mail to the officers concerned and the unit's leaders.
 */
export async function runOverdueSweep(deps: DossierDeps): Promise<SweepResult> {
  const now = deps.now();
  const today = vnDateOf(now);
  const units = await deps.db.selectFrom('units').select(['id', 'name']).where('type', '<>', 'city').execute();
  const result: SweepResult = { warned: 0, late: 0, lateAfterApology: 0, emails: 0 };
  for (const unit of units as Array<{ id: string; name: string }>) {
    const soonUntil = nextWorkingDay(await deps.calendar(unit.id), today);
    await withUnit(deps.db, unit.id, async (trx) => {
      const g = classify(await pendingDueBy(trx, unit.id, soonUntil), today);
      const all = [...g.soon, ...g.late, ...g.lateAfterApology];
      if (!all.length) return;
      const officerIds = [...new Set(all.map((d) => d.officer_id).filter((x): x is string => Boolean(x)))];
      const to = await recipients(deps, unit.id, officerIds);
      const late = g.late.length + g.lateAfterApology.length;
      for (const email of to) {
        await enqueueEmail(trx, { unitId: unit.id, to: email, subject: `[Một cửa] ${g.soon.length} hồ sơ sắp đến hạn, ${late} hồ sơ quá hạn`, text: digest(unit.name, g) });
      }
      if (g.soon.length) await trx.updateTable('dossiers').set({ warned_on: today }).where('id', 'in', g.soon.map((d) => d.id)).execute();
      result.warned += g.soon.length;
      result.late += g.late.length;
      result.lateAfterApology += g.lateAfterApology.length;
      result.emails += to.length;
    });
  }
  return result;
}
