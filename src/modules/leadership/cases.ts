/** Complaint and denunciation cases: creation with the legal clocks, acceptance, extension, settlement. */
import type { Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';
import {
  complaintAcceptDue, complaintLodgedInTime, denunciationAcceptDue, MAX_DENUNCIATION_EXTENSIONS, resolveDue, type CaseKind,
} from './clocks.js';
import { insertIdentity, isRemoteArea, type Identity } from './confidentiality.js';
import { workingDaysAfter, type WorkCalendar } from './work-calendar.js';

type Db = Kysely<any> | Transaction<any>;

export const CASE_STATUSES = ['received', 'accepted', 'resolved', 'rejected', 'escalated'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const CASE_SOURCES = ['direct', 'reception', 'conduct', 'letter'] as const;

export interface CaseRow {
  id: string; unit_id: string; code: string; kind: CaseKind; status: CaseStatus; matter: string; source: string;
  received_on: string; decision_known_on: string | null; lodged_in_time: boolean | null; accept_due: string | null;
  accepted_on: string | null; resolve_due: string | null; complex: boolean; extensions: number; resolved_on: string | null;
  outcome: string | null; escalated: boolean; handler_id: string | null; concerned_official_id: string | null;
}

export type Party = Omit<Identity, 'id'>;
export interface NewCase {
  kind: CaseKind; matter: string; receivedOn: string; decisionKnownOn: string | null; complex: boolean; source: string;
  handlerId: string | null; concernedOfficialId: string | null; parties: Party[];
}
export type CaseOutcome = { ok: true; id: string; code: string } | { ok: false; anonymous: true } | { ok: false; errors: Record<string, string> };

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Pure checks of a new case; Vietnamese messages. */
export function validateCase(c: NewCase, today: string): Record<string, string> {
  const e: Record<string, string> = {};
  if (!c.matter || c.matter.trim().length < 5) e.matter = 'Nhập nội dung vụ việc (ít nhất 5 ký tự).';
  if (!DATE.test(c.receivedOn) || c.receivedOn > today) e.receivedOn = 'Ngày nhận đơn không hợp lệ hoặc ở tương lai.';
  if (c.kind === 'complaint' && (!c.decisionKnownOn || !DATE.test(c.decisionKnownOn) || c.decisionKnownOn > c.receivedOn)) {
    e.decisionKnownOn = 'Nhập ngày người khiếu nại nhận được hoặc biết quyết định, hành vi bị khiếu nại (không sau ngày nhận đơn).';
  }
  if (c.handlerId && c.handlerId === c.concernedOfficialId) e.handlerId = 'Người giải quyết không được là người bị phản ánh, tố cáo.';
  return e;
}

export const isAnonymous = (parties: Party[]): boolean => !parties.some((p) => p.name && p.name.trim().length > 1);

async function nextCode(trx: Db, unitId: string, kind: CaseKind, year: string): Promise<string> {
  const prefix = `${kind === 'complaint' ? 'KN' : 'TC'}-${year}-`;
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from leadership_cases where unit_id = ${unitId} and code like ${prefix + '%'}`.execute(trx);
  return prefix + String(rows[0].n + 1).padStart(3, '0');
}

/**
 * Records a case with its acceptance deadline. An anonymous denunciation is not a case
 * (Law on Denunciations art. 25): the caller records it as information instead.
 */
export async function createCase(trx: Db, unitId: string, cal: WorkCalendar, c: NewCase, today: string): Promise<CaseOutcome> {
  const errors = validateCase(c, today);
  if (Object.keys(errors).length) return { ok: false, errors };
  if (c.kind === 'denunciation' && isAnonymous(c.parties)) return { ok: false, anonymous: true };
  if (c.kind === 'complaint' && isAnonymous(c.parties)) return { ok: false, errors: { parties: 'Nhập họ tên ít nhất một người khiếu nại.' } };
  const lodgedInTime = c.kind === 'complaint' ? complaintLodgedInTime(c.decisionKnownOn!, c.receivedOn) : null;
  const acceptDue = c.kind === 'complaint' ? complaintAcceptDue(c.receivedOn) : denunciationAcceptDue(c.receivedOn, (d, n) => workingDaysAfter(cal, d, n));
  const code = await nextCode(trx, unitId, c.kind, c.receivedOn.slice(0, 4));
  const row = await trx.insertInto('leadership_cases').values({
    unit_id: unitId, code, kind: c.kind, matter: c.matter.trim(), source: c.source, received_on: c.receivedOn,
    decision_known_on: c.kind === 'complaint' ? c.decisionKnownOn : null, lodged_in_time: lodgedInTime, accept_due: acceptDue,
    complex: c.complex, handler_id: c.handlerId, concerned_official_id: c.concernedOfficialId,
  }).returning('id').executeTakeFirstOrThrow();
  for (const p of c.parties.filter((x) => x.name?.trim())) await insertIdentity(trx, unitId, 'case', row.id, p);
  await addEvent(trx, unitId, row.id, 'received', lodgedInTime === false ? 'Quá thời hiệu khiếu nại 90 ngày (Điều 9 Luật Khiếu nại).' : null);
  return { ok: true, id: row.id, code };
}

export async function addEvent(trx: Db, unitId: string, caseId: string, kind: string, note: string | null,
  extra: { decisionNo?: string | null; actorName?: string | null; file?: { name: string; mime: string; data: Buffer } } = {}): Promise<void> {
  await trx.insertInto('leadership_case_events').values({
    unit_id: unitId, case_id: caseId, kind, note, decision_no: extra.decisionNo ?? null, actor_name: extra.actorName ?? null,
    file_name: extra.file?.name ?? null, file_mime: extra.file?.mime ?? null, file_data: extra.file?.data ?? null,
  }).execute();
}

export async function getCase(trx: Db, id: string): Promise<CaseRow | undefined> {
  return await trx.selectFrom('leadership_cases').selectAll().where('id', '=', id).executeTakeFirst() as CaseRow | undefined;
}

export async function caseIdByCode(trx: Db, code: string): Promise<string | undefined> {
  return (await trx.selectFrom('leadership_cases').select('id').where('code', '=', code).executeTakeFirst())?.id as string | undefined;
}

export async function caseCodeOf(trx: Db, id: string): Promise<string | undefined> {
  return (await trx.selectFrom('leadership_cases').select('code').where('id', '=', id).executeTakeFirst())?.code as string | undefined;
}

/** The register: the latest 200 cases, each with the deadline that runs now. */
export async function listCasesWithDue(trx: Db): Promise<Array<CaseRow & { due: string | null }>> {
  return (await sql<CaseRow & { due: string | null }>`select *, case when status = 'received' then accept_due else resolve_due end as due
        from leadership_cases order by received_on desc, code desc limit 200`.execute(trx)).rows;
}

export async function caseStats(trx: Db): Promise<Array<{ kind: string; status: string; n: number }>> {
  return (await sql<{ kind: string; status: string; n: number }>`select kind, status, count(*)::int as n from leadership_cases
        group by kind, status order by kind, status`.execute(trx)).rows;
}

export interface CaseEventRow {
  id: string; at: Date; kind: string; note: string | null; decision_no: string | null; actor_name: string | null; file_name: string | null;
}

export function listCaseEvents(trx: Db, caseId: string): Promise<CaseEventRow[]> {
  return trx.selectFrom('leadership_case_events').select(['id', 'at', 'kind', 'note', 'decision_no', 'actor_name', 'file_name'])
    .where('case_id', '=', caseId).orderBy('at').execute() as Promise<CaseEventRow[]>;
}

export function caseDocument(
  trx: Db, caseId: string, eventId: string,
): Promise<{ file_name: string | null; file_mime: string | null; file_data: Buffer | null } | undefined> {
  return trx.selectFrom('leadership_case_events').select(['file_name', 'file_mime', 'file_data'])
    .where('id', '=', eventId).where('case_id', '=', caseId).executeTakeFirst();
}

export type Transition =
  | { action: 'accept'; on: string; decisionNo: string | null }
  | { action: 'extend'; decisionNo: string; note: string | null }
  | { action: 'resolve'; on: string; outcome: string; decisionNo: string | null }
  | { action: 'escalate'; note: string | null }
  | { action: 'reject'; note: string };

/** Applies a step; returns the Vietnamese reason when the step is not allowed. */
export async function applyTransition(trx: Db, c: CaseRow, t: Transition, actorName: string, today: string): Promise<string | null> {
  const remote = await isRemoteArea(trx, c.unit_id);
  const set = (values: Record<string, unknown>) => trx.updateTable('leadership_cases').set(values).where('id', '=', c.id).execute();
  if (t.action === 'accept') {
    if (c.status !== 'received') return 'Vụ việc đã được thụ lý hoặc đã kết thúc.';
    if (c.lodged_in_time === false) return 'Đơn khiếu nại quá thời hiệu 90 ngày: không thụ lý (Điều 9, Điều 11 Luật Khiếu nại).';
    if (!DATE.test(t.on) || t.on < c.received_on || t.on > today) return 'Ngày thụ lý không hợp lệ.';
    await set({ status: 'accepted', accepted_on: t.on, resolve_due: resolveDue({ ...c, accepted_on: t.on }, remote) });
  } else if (t.action === 'extend') {
    if (c.kind !== 'denunciation' || c.status !== 'accepted') return 'Chỉ gia hạn tố cáo đang giải quyết.';
    if (c.extensions >= MAX_DENUNCIATION_EXTENSIONS) return 'Tố cáo chỉ được gia hạn tối đa hai lần (Điều 30 Luật Tố cáo).';
    if (!t.decisionNo.trim()) return 'Gia hạn phải có quyết định bằng văn bản: nhập số quyết định.';
    const extensions = c.extensions + 1;
    await set({ extensions, complex: true, resolve_due: resolveDue({ ...c, extensions }, remote) });
  } else if (t.action === 'resolve') {
    if (c.status !== 'accepted') return 'Chỉ kết luận vụ việc đã thụ lý.';
    if (!DATE.test(t.on) || t.on < (c.accepted_on ?? '') || t.on > today) return 'Ngày giải quyết không hợp lệ.';
    if (!t.outcome.trim()) return 'Nhập kết quả giải quyết.';
    await set({ status: 'resolved', resolved_on: t.on, closed_on: t.on, outcome: t.outcome.trim() });
  } else if (t.action === 'escalate') {
    if (!['accepted', 'resolved'].includes(c.status)) return 'Chỉ chuyển cấp trên vụ việc đã thụ lý.';
    await set({ status: 'escalated', escalated: true, closed_on: today });
  } else {
    if (c.status !== 'received') return 'Chỉ từ chối thụ lý vụ việc chưa thụ lý.';
    if (!t.note.trim()) return 'Nêu lý do không thụ lý.';
    await set({ status: 'rejected', closed_on: today });
  }
  await addEvent(trx, c.unit_id, c.id, t.action, 'note' in t ? t.note : 'outcome' in t ? t.outcome : null,
    { decisionNo: 'decisionNo' in t ? t.decisionNo : null, actorName });
  return null;
}
