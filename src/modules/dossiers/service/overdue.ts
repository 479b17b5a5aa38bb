import { sql } from 'kysely';
import { enqueueEmail } from '../../../core/mail.js';
import { withUnit } from '../../../core/tenancy.js';
import { nextWorkingDay, vnDateOf } from '../../../lib/vn-calendar/index.js';
import { showDate } from '../domain/rules.js';
import type { DossierRow } from '../domain/types.js';
import { pendingDueBy } from '../repo/list.js';
import type { DossierDeps } from './deps.js';

export interface SweepResult { warned: number; late: number; emails: number }

/** Staff to tell: the receiving officer of each dossier and the unit's leaders, with an e-mail. */
async function recipients(deps: DossierDeps, unitId: string, officerIds: string[]): Promise<string[]> {
  const rows = await sql<{ email: string }>`
    select distinct u.email from users u
    where u.email is not null and not u.disabled and (
      u.id = any(${officerIds}::uuid[])
      or exists (select 1 from user_roles r where r.user_id = u.id and r.unit_id = ${unitId} and r.role = 'leader'))`.execute(deps.db);
  return rows.rows.map((r) => r.email);
}

function digest(unitName: string, soon: DossierRow[], late: DossierRow[]): string {
  const line = (d: DossierRow) => `- ${d.code} — ${d.procedure_name} — hạn ${showDate(d.due_date!)} — ${d.officer_name ?? ''}`;
  return [
    `Bộ phận Một cửa ${unitName}`,
    '',
    soon.length ? `Hồ sơ sắp đến hạn (trong 1 ngày làm việc) — nếu không kịp, lập Phiếu xin lỗi (Mẫu 04) trước hạn trả:\n${soon.map(line).join('\n')}` : '',
    late.length ? `Hồ sơ đã quá hạn chưa có phiếu xin lỗi:\n${late.map(line).join('\n')}` : '',
  ].filter(Boolean).join('\n\n');
}

/**
 * The overdue sweep: for each unit, dossiers due today or on the next working day (warned once)
 * and late dossiers without an apology; one digest e-mail to the officers concerned and the
 * unit's leaders through the mail outbox.
 */
export async function runOverdueSweep(deps: DossierDeps): Promise<SweepResult> {
  const now = deps.now();
  const today = vnDateOf(now);
  const units = await deps.db.selectFrom('units').select(['id', 'name']).where('type', '<>', 'city').execute();
  const result: SweepResult = { warned: 0, late: 0, emails: 0 };
  for (const unit of units as Array<{ id: string; name: string }>) {
    const soonUntil = nextWorkingDay(await deps.calendar(unit.id), today);
    await withUnit(deps.db, unit.id, async (trx) => {
      const pending = (await pendingDueBy(trx, unit.id, soonUntil)).filter((d) => d.apologies === 0);
      const late = pending.filter((d) => d.due_date! < today);
      const soon = pending.filter((d) => d.due_date! >= today && d.warned_on === null);
      if (!soon.length && !late.length) return;
      const officerIds = [...new Set([...soon, ...late].map((d) => d.officer_id).filter((x): x is string => Boolean(x)))];
      const to = await recipients(deps, unit.id, officerIds);
      for (const email of to) {
        await enqueueEmail(trx, { unitId: unit.id, to: email, subject: `[Một cửa] ${soon.length} hồ sơ sắp đến hạn, ${late.length} hồ sơ quá hạn`, text: digest(unit.name, soon, late) });
      }
      if (soon.length) await trx.updateTable('dossiers').set({ warned_on: today }).where('id', 'in', soon.map((d) => d.id)).execute();
      result.warned += soon.length;
      result.late += late.length;
      result.emails += to.length;
    });
  }
  return result;
}
