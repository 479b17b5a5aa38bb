import type { FastifyRequest } from 'fastify';
import { audit } from '../../core/audit.js';
import { AppError } from '../../core/errors.js';
import { createLetter } from './letters-service.js';
import { isUuid, type Trx } from './repo-letters.js';

export const CONTRIBUTOR_KINDS = ['individual', 'organisation', 'business', 'reputable'] as const;
export type ContributorKind = (typeof CONTRIBUTOR_KINDS)[number];

export interface ContributorRow { id: string; name: string; kind: ContributorKind; address: string | null; phone: string | null; note: string }
export interface ContributionRow { id: string; contributor_id: string; contributed_on: string; description: string; amount: string | null }
export interface MeetingRow { id: string; year: number; held_on: string; place: string; notes: string; held: boolean }
export interface InviteeRow { contributor_id: string; name: string; letter_id: string | null; attended: boolean }

export async function listContributors(trx: Trx, unitId: string) {
  return trx.selectFrom('contributors as c').leftJoin('contributions as k', (j) => j.onRef('k.unit_id', '=', 'c.unit_id').onRef('k.contributor_id', '=', 'c.id'))
    .select(['c.id', 'c.name', 'c.kind', 'c.address', 'c.phone', 'c.note', (eb) => eb.fn.count<number>('k.id').as('contributions'), (eb) => eb.fn.sum<string>('k.amount').as('amount')])
    .where('c.unit_id', '=', unitId).groupBy(['c.id', 'c.name', 'c.kind', 'c.address', 'c.phone', 'c.note']).orderBy('c.name').execute() as
    Promise<(ContributorRow & { contributions: number; amount: string | null })[]>;
}

export const contributorById = async (trx: Trx, unitId: string, id: string) => !isUuid(id) ? undefined :
  trx.selectFrom('contributors').selectAll().where('unit_id', '=', unitId).where('id', '=', id).executeTakeFirst() as Promise<ContributorRow | undefined>;

export const contributionsOf = (trx: Trx, unitId: string, contributorId: string) =>
  trx.selectFrom('contributions').selectAll().where('unit_id', '=', unitId).where('contributor_id', '=', contributorId).orderBy('contributed_on', 'desc').execute() as Promise<ContributionRow[]>;

export function contributorErrors(f: Record<string, string>): Record<string, string> {
  const e: Record<string, string> = {};
  if (!f.name?.trim()) e.name = 'Nhập tên cá nhân, tổ chức.';
  if (!(CONTRIBUTOR_KINDS as readonly string[]).includes(f.kind)) e.kind = 'Chọn loại.';
  return e;
}

export async function addContributor(trx: Trx, req: FastifyRequest, f: Record<string, string>): Promise<string> {
  const errors = contributorErrors(f);
  if (Object.keys(errors).length) throw AppError.unprocessable('outreach.error.invalid_details', errors);
  const row = await trx.insertInto('contributors').values({
    unit_id: req.unit!.id, name: f.name.trim().slice(0, 200), kind: f.kind, address: f.address?.trim() || null, phone: f.phone?.trim() || null, note: (f.note ?? '').trim().slice(0, 2000),
  }).returning('id').executeTakeFirstOrThrow();
  await audit(trx, req, { action: 'contributor.create', entity: 'contributor', entityId: row.id, after: { name: f.name, kind: f.kind } });
  return row.id;
}

export async function addContribution(trx: Trx, req: FastifyRequest, c: ContributorRow, f: Record<string, string>): Promise<void> {
  const errors: Record<string, string> = {};
  if (!/^\d{4}-\d{2}-\d{2}$/.test(f.contributed_on ?? '')) errors.contributed_on = 'Nhập ngày đóng góp.';
  if (!f.description?.trim()) errors.description = 'Nhập nội dung đóng góp.';
  const amount = f.amount?.replace(/[.\s]/g, '') ?? '';
  if (amount && !/^\d{1,15}$/.test(amount)) errors.amount = 'Số tiền là số đồng, không có phần lẻ.';
  if (Object.keys(errors).length) throw AppError.unprocessable('outreach.error.contribution_invalid', errors);
  const row = await trx.insertInto('contributions').values({ unit_id: req.unit!.id, contributor_id: c.id, contributed_on: f.contributed_on, description: f.description.trim().slice(0, 1000), amount: amount || null })
    .returning('id').executeTakeFirstOrThrow();
  await audit(trx, req, { action: 'contribution.create', entity: 'contributor', entityId: c.id, after: { id: row.id, amount: amount || null } });
}

export const meetingsOf = (trx: Trx, unitId: string) =>
  trx.selectFrom('contributor_meetings').selectAll().where('unit_id', '=', unitId).orderBy('held_on', 'desc').execute() as Promise<MeetingRow[]>;

export const meetingById = async (trx: Trx, unitId: string, id: string) => !isUuid(id) ? undefined :
  trx.selectFrom('contributor_meetings').selectAll().where('unit_id', '=', unitId).where('id', '=', id).executeTakeFirst() as Promise<MeetingRow | undefined>;

export const inviteesOf = (trx: Trx, unitId: string, meetingId: string) =>
  trx.selectFrom('meeting_invitees as i').innerJoin('contributors as c', (j) => j.onRef('c.unit_id', '=', 'i.unit_id').onRef('c.id', '=', 'i.contributor_id'))
    .select(['i.contributor_id', 'c.name', 'i.letter_id', 'i.attended']).where('i.unit_id', '=', unitId).where('i.meeting_id', '=', meetingId).orderBy('c.name').execute() as Promise<InviteeRow[]>;

/** Plans the annual meeting and writes an invitation letter (Giấy mời) to every contributor and reputable person. */
export async function planMeeting(trx: Trx, req: FastifyRequest, f: Record<string, string>, createdBy: string | null): Promise<string> {
  const errors: Record<string, string> = {};
  if (!/^\d{4}-\d{2}-\d{2}$/.test(f.held_on ?? '')) errors.held_on = 'Nhập ngày gặp mặt.';
  if (!f.place?.trim()) errors.place = 'Nhập địa điểm.';
  if (Object.keys(errors).length) throw AppError.unprocessable('outreach.error.meeting_invalid', errors);
  const unit = req.unit!;
  const m = await trx.insertInto('contributor_meetings').values({ unit_id: unit.id, year: Number(f.held_on.slice(0, 4)), held_on: f.held_on, place: f.place.trim().slice(0, 300) })
    .returning('id').executeTakeFirstOrThrow();
  const people = await listContributors(trx, unit.id);
  const day = f.held_on.split('-').reverse().join('/');
  for (const p of people) {
    const l = await createLetter(trx, req, unit, {
      kind: 'invitation', recipientName: p.name, honorific: p.kind === 'individual' || p.kind === 'reputable' ? null : 'Ông/Bà', address: p.address,
      phone: p.phone, source: 'meeting', sourceRef: m.id,
      fields: { noi_dung: `Hội nghị gặp mặt các nhà hảo tâm, người có uy tín năm ${f.held_on.slice(0, 4)}`, thoi_gian: `8 giờ 00, ngày ${day}`, dia_diem: f.place.trim() },
    }, new Date(), createdBy);
    await trx.insertInto('meeting_invitees').values({ unit_id: unit.id, meeting_id: m.id, contributor_id: p.id, letter_id: l.id }).execute();
  }
  await audit(trx, req, { action: 'meeting.plan', entity: 'contributor_meeting', entityId: m.id, after: { held_on: f.held_on, invitees: people.length } });
  return m.id;
}

/** Attendance, notes and "held" after the meeting. */
export async function recordMeeting(trx: Trx, req: FastifyRequest, m: MeetingRow, attended: string[], notes: string, held: boolean): Promise<void> {
  const unitId = req.unit!.id;
  await trx.updateTable('meeting_invitees').set({ attended: false }).where('unit_id', '=', unitId).where('meeting_id', '=', m.id).execute();
  const ids = attended.filter(isUuid);
  if (ids.length) await trx.updateTable('meeting_invitees').set({ attended: true }).where('unit_id', '=', unitId).where('meeting_id', '=', m.id).where('contributor_id', 'in', ids).execute();
  await trx.updateTable('contributor_meetings').set({ notes: notes.slice(0, 10000), held }).where('unit_id', '=', unitId).where('id', '=', m.id).execute();
  await audit(trx, req, { action: 'meeting.record', entity: 'contributor_meeting', entityId: m.id, before: { held: m.held }, after: { held, attended: ids.length } });
}
