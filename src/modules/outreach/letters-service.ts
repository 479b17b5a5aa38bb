import { audit, type Actor } from '../../core/audit.js';
import { AppError } from '../../core/errors.js';
import type { FastifyRequest } from 'fastify';
import { vnDateOf } from '../../lib/vn-calendar/index.js';
import { chooseHonorific, isHonorific, lowerHonorific, type Gender } from './domain/honorific.js';
import { KIND_SPECS, isLetterKind, type LetterKind } from './domain/kinds.js';
import { fillTemplate } from './domain/template.js';
import * as repo from './repo-letters.js';
import type { LetterChannel, LetterRow, LetterStatus, Trx } from './repo-letters.js';

export const CHANNELS: readonly LetterChannel[] = ['in_person', 'post', 'email', 'zalo'];
export const STATUSES: readonly LetterStatus[] = ['draft', 'signed', 'sent', 'handed_over'];

export interface LetterInput {
  kind: string;
  recipientName: string;
  gender?: Gender | null;
  birthYear?: number | null;
  /** Staff's choice of title; empty = chosen by age and gender. */
  honorific?: string | null;
  address?: string | null;
  email?: string | null;
  phone?: string | null;
  channel?: string | null;
  /** Template fields (ban_doi, nguoi_mat, noi_dung, ma_ho_so…). */
  fields?: Record<string, string>;
  source?: string;
  sourceRef?: string | null;
  /** Subject and body as edited by staff; empty = filled from the template. */
  subject?: string | null;
  body?: string | null;
  withSignature?: boolean;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Field errors in Vietnamese, keyed by form field name; empty when the input is valid. */
export function letterErrors(i: LetterInput, thisYear: number): Record<string, string> {
  const e: Record<string, string> = {};
  if (!isLetterKind(i.kind)) e.kind = 'Chọn loại thư.';
  const name = i.recipientName?.trim() ?? '';
  if (!name) e.recipient_name = 'Nhập họ tên người nhận thư.';
  else if (name.length > 200) e.recipient_name = 'Họ tên tối đa 200 ký tự.';
  if (i.birthYear != null && (!Number.isInteger(i.birthYear) || i.birthYear < 1900 || i.birthYear > thisYear)) e.birth_year = 'Năm sinh không hợp lệ.';
  if (i.honorific && !isHonorific(i.honorific)) e.honorific = 'Danh xưng không hợp lệ (Cụ, Ông, Bà, Anh, Chị).';
  if (i.channel && !CHANNELS.includes(i.channel as LetterChannel)) e.channel = 'Kênh gửi không hợp lệ.';
  if (i.channel === 'email' && !EMAIL.test(i.email?.trim() ?? '')) e.email = 'Gửi qua thư điện tử cần một địa chỉ email hợp lệ.';
  if (i.channel === 'zalo' && !(i.phone?.trim())) e.phone = 'Gửi qua Zalo cần số điện thoại của người nhận.';
  if ((i.subject?.length ?? 0) > 500) e.subject = 'Trích yếu tối đa 500 ký tự.';
  if ((i.body?.length ?? 0) > 20000) e.body = 'Nội dung thư quá dài.';
  return e;
}

export interface DraftContext { unitName: string; issuedOn: string; template?: { subject: string; body: string } }

/**
 * Subject, body and title of a letter from its template (pure). The ward's name is written
 * "phường Chu Văn An" inside sentences.
 */
export function draftLetter(i: LetterInput & { kind: LetterKind }, ctx: DraftContext) {
  const year = Number(ctx.issuedOn.slice(0, 4));
  const honorific = chooseHonorific({ gender: i.gender, birthYear: i.birthYear, year, override: i.honorific });
  const fields: Record<string, string> = {
    ...(i.fields ?? {}),
    danh_xung: honorific, danh_xung_thuong: lowerHonorific(honorific), ho_ten: i.recipientName.trim(),
    dia_chi: i.address?.trim() ?? '', don_vi: lowerHonorific(ctx.unitName),
  };
  const t = ctx.template ?? KIND_SPECS[i.kind];
  return {
    honorific, fields,
    subject: i.subject?.trim() || fillTemplate(t.subject, fields),
    body: i.body?.trim() || fillTemplate(t.body, fields),
  };
}

/**
 * Validates and numbers a letter and stores it (no audit: seeds use it directly). The number is
 * taken in the same transaction, so a refused or rolled-back letter leaves no gap by itself.
 */
export async function insertNumberedLetter(trx: Trx, unit: { id: string; name: string }, i: LetterInput, now: Date, createdBy: string | null): Promise<LetterRow> {
  const issuedOn = vnDateOf(now);
  const year = Number(issuedOn.slice(0, 4));
  const errors = letterErrors(i, year);
  if (Object.keys(errors).length) throw AppError.unprocessable('outreach.error.letter_invalid', errors);
  const kind = i.kind as LetterKind;
  const template = await repo.templateOf(trx, unit.id, kind);
  const d = draftLetter({ ...i, kind }, { unitName: unit.name, issuedOn, template });
  const seq = await repo.nextLetterSeq(trx, unit.id, year, kind);
  return repo.insertLetter(trx, {
    unit_id: unit.id, kind, year, seq, channel: (i.channel as LetterChannel) || 'in_person',
    recipient_name: i.recipientName.trim(), honorific: d.honorific, recipient_address: i.address?.trim() || null,
    recipient_email: i.email?.trim() || null, recipient_phone: i.phone?.trim() || null, birth_year: i.birthYear ?? null,
    gender: i.gender ?? null, subject: d.subject, body: d.body, source: i.source ?? 'manual', source_ref: i.sourceRef ?? null,
    fields: d.fields, with_signature: i.withSignature ?? false, issued_on: issuedOn, created_by: createdBy,
  });
}

/** Creates a letter in the register with the next number of its kind and year; audited. */
export async function createLetter(trx: Trx, who: FastifyRequest | Actor, unit: { id: string; name: string }, i: LetterInput, now: Date, createdBy: string | null): Promise<LetterRow> {
  const row = await insertNumberedLetter(trx, unit, i, now, createdBy);
  await audit(trx, who, { action: 'letter.create', entity: 'letter', entityId: row.id, after: { kind: row.kind, year: row.year, seq: row.seq, source: row.source, source_ref: row.source_ref } });
  return row;
}

const ORDER: Record<LetterStatus, number> = { draft: 0, signed: 1, sent: 2, handed_over: 2 };
const STAMP: Record<LetterStatus, string | null> = { draft: null, signed: 'signed_at', sent: 'sent_at', handed_over: 'handed_over_at' };

/** Whether a letter may move from one status to another: forward only (sent and handed over are both final). */
export const mayMove = (from: LetterStatus, to: LetterStatus): boolean => ORDER[to] > ORDER[from];

export async function moveLetter(trx: Trx, req: FastifyRequest, unitId: string, id: string, to: LetterStatus, now: Date): Promise<LetterRow> {
  const l = await repo.getLetter(trx, unitId, id);
  if (!l || l.deleted_at) throw AppError.notFound('outreach.error.letter_not_found');
  if (!STATUSES.includes(to) || !mayMove(l.status, to)) throw AppError.conflict('outreach.error.letter_bad_transition');
  const set: Record<string, unknown> = { status: to, [STAMP[to]!]: now };
  if (!l.signed_at && to !== 'signed') set.signed_at = now;
  const row = await repo.updateLetter(trx, unitId, id, set);
  await audit(trx, req, { action: 'letter.status', entity: 'letter', entityId: id, before: { status: l.status }, after: { status: to } });
  return row;
}

/** Deletes a draft (kept as deleted in the register); its number is not given again. */
export async function deleteDraft(trx: Trx, req: FastifyRequest, unitId: string, id: string, now: Date): Promise<void> {
  const l = await repo.getLetter(trx, unitId, id);
  if (!l || l.deleted_at) throw AppError.notFound('outreach.error.letter_not_found');
  if (l.status !== 'draft') throw AppError.conflict('outreach.error.delete_draft_only');
  await repo.updateLetter(trx, unitId, id, { deleted_at: now });
  await audit(trx, req, { action: 'letter.delete', entity: 'letter', entityId: id, before: { kind: l.kind, year: l.year, seq: l.seq } });
}

/** Edits the text of a draft (subject, body, title, channel, signature image on/off). */
export async function editDraft(trx: Trx, req: FastifyRequest, unitId: string, id: string, set: { subject: string; body: string; honorific: string; channel: LetterChannel; with_signature: boolean }): Promise<LetterRow> {
  const l = await repo.getLetter(trx, unitId, id);
  if (!l || l.deleted_at) throw AppError.notFound('outreach.error.letter_not_found');
  if (l.status !== 'draft') throw AppError.conflict('outreach.error.edit_draft_only');
  const errors: Record<string, string> = {};
  if (!set.subject.trim()) errors.subject = 'Nhập trích yếu.';
  if (!set.body.trim()) errors.body = 'Nhập nội dung thư.';
  if (!isHonorific(set.honorific)) errors.honorific = 'Danh xưng không hợp lệ.';
  if (!CHANNELS.includes(set.channel)) errors.channel = 'Kênh gửi không hợp lệ.';
  if (Object.keys(errors).length) throw AppError.unprocessable('outreach.error.letter_invalid', errors);
  const row = await repo.updateLetter(trx, unitId, id, set);
  await audit(trx, req, { action: 'letter.edit', entity: 'letter', entityId: id, before: { subject: l.subject, status: l.status }, after: { subject: set.subject } });
  return row;
}
