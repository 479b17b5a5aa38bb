import { sql, type Kysely } from 'kysely';
import { withUnit } from '../../../core/tenancy.js';
import { vnDaySql } from '../../../core/sql-vn-time.js';
import { vnDateOf } from '../../../lib/vn-calendar/index.js';
import { normaliseDossierCode } from '../domain/code.js';

/**
 * What the outreach module may read of a dossier to write a letter (congratulation on a
 * marriage, condolence after a death registration, apology for an overdue dossier): the
 * applicant's name and address and, for apologies, the Mẫu 04 data. Nothing else.
 */
export interface DossierLetterRef {
  code: string;
  procedureCode: string | null;
  procedureName: string;
  applicantName: string;
  applicantAddress: string | null;
  applicantEmail: string | null;
  status: string;
  receivedAt: Date;
  returnedAt: Date | null;
  dueDate: string | null;
  /** The latest Mẫu 04 (apology and new appointment), or null. */
  apology: { number: number; reason: string; newDueDate: string; issuedAt: Date } | null;
}

/**
 * Procedures a letter kind starts from, by name: the catalogue's slugs and the reference list's
 * ids differ, the official names do not ("Đăng ký kết hôn", "Đăng ký lại kết hôn", "… khai tử …").
 */
export const LETTER_PROCEDURES = {
  marriage: ['Đăng ký kết hôn%', 'Đăng ký lại kết hôn%'],
  death: ['Đăng ký khai tử%', 'Đăng ký lại khai tử%', 'Liên thông thủ tục đăng ký khai tử%'],
} as const;

/** Which letter a dossier's procedure calls for: 'marriage', 'death' or null. */
export function letterKindOfProcedure(name: string): 'marriage' | 'death' | null {
  const like = (pattern: string) => name.startsWith(pattern.replace(/%$/, ''));
  if (LETTER_PROCEDURES.marriage.some(like)) return 'marriage';
  if (LETTER_PROCEDURES.death.some(like)) return 'death';
  return null;
}

const refColumns = ['d.code', 'd.procedure_code', 'd.procedure_name', 'd.applicant_name', 'd.applicant_address',
  'd.applicant_email', 'd.status', 'd.received_at', 'd.returned_at', 'd.due_date', 'd.id'] as const;

function toRef(r: any, apology: DossierLetterRef['apology'] = null): DossierLetterRef {
  return {
    code: r.code, procedureCode: r.procedure_code, procedureName: r.procedure_name, applicantName: r.applicant_name,
    applicantAddress: r.applicant_address, applicantEmail: r.applicant_email, status: r.status, receivedAt: r.received_at,
    returnedAt: r.returned_at, dueDate: r.due_date, apology,
  };
}

/** Latest dossiers of the unit whose procedure name matches (LIKE patterns), newest first, e.g. marriage registrations. */
export async function dossiersForLetters(db: Kysely<any>, unitId: string, namePatterns: readonly string[], limit = 50): Promise<DossierLetterRef[]> {
  const rows = await withUnit(db, unitId, (trx) => trx.selectFrom('dossiers as d').select([...refColumns])
    .where('d.unit_id', '=', unitId).where((eb) => eb.or(namePatterns.map((p) => eb('d.procedure_name', 'like', p))))
    .orderBy('d.received_at', 'desc').limit(limit).execute());
  return rows.map((r) => toRef(r));
}

/** One dossier by code with its latest apology (Mẫu 04), or null. */
export async function dossierForLetter(db: Kysely<any>, unitId: string, code: string): Promise<DossierLetterRef | null> {
  return withUnit(db, unitId, async (trx) => {
    const r = await trx.selectFrom('dossiers as d').select([...refColumns])
      .where('d.unit_id', '=', unitId).where('d.code', '=', normaliseDossierCode(code)).executeTakeFirst();
    if (!r) return null;
    const a = await trx.selectFrom('dossier_apologies').select(['number', 'reason', 'new_due_date', 'issued_at'])
      .where('dossier_id', '=', r.id).orderBy('number', 'desc').executeTakeFirst();
    return toRef(r, a ? { number: a.number, reason: a.reason, newDueDate: String(a.new_due_date), issuedAt: a.issued_at } : null);
  });
}

/** Dossiers with a Mẫu 04 apology (newest first): the candidates for an apology letter. */
export async function apologisedDossiers(db: Kysely<any>, unitId: string, limit = 50): Promise<DossierLetterRef[]> {
  const codes = await withUnit(db, unitId, (trx) => trx.selectFrom('dossiers').select('code')
    .where('unit_id', '=', unitId).where('apologies', '>', 0).orderBy('received_at', 'desc').limit(limit).execute());
  const refs = await Promise.all(codes.map((c) => dossierForLetter(db, unitId, c.code)));
  return refs.filter((r): r is DossierLetterRef => r !== null);
}

/**
 * Codes of the unit's dossiers overdue in [from, to): due in the period and returned after the
 * due date, or still open past it at `now`. For "overdue dossiers with an apology letter".
 */
export async function overdueDossierCodes(db: Kysely<any>, unitId: string, from: Date, to: Date, now: Date): Promise<string[]> {
  const [fromDay, toDay, today] = [vnDateOf(from), vnDateOf(to), vnDateOf(now)];
  const r = await withUnit(db, unitId, (trx) => sql<{ code: string }>`
    select code from dossiers where unit_id = ${unitId}
      and due_date >= ${fromDay}::date and due_date < ${toDay}::date and due_date < ${today}::date
      and coalesce(${vnDaySql('result_at')}, ${today}::date) > due_date
    order by code`.execute(trx));
  return r.rows.map((x) => x.code);
}
