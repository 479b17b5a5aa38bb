import { sql, type Kysely } from 'kysely';
import type { FastifyRequest } from 'fastify';
import { audit } from '../../core/audit.js';
import { AppError } from '../../core/errors.js';
import { enqueueEmail } from '../../core/mail.js';
import { vnDateOf } from '../../lib/vn-calendar/index.js';
import { findOccasion, occasionsToRemind, type Occasion } from './domain/occasions.js';
import { isUuid, type Trx } from './repo-letters.js';

export const GREETING_CHANNELS = ['website', 'radio', 'fanpage', 'zalo'] as const;
export type GreetingChannel = (typeof GREETING_CHANNELS)[number];
export type GreetingStatus = 'draft' | 'submitted' | 'approved' | 'published';

export interface GreetingRow {
  id: string; occasion: string; occasion_date: string; status: GreetingStatus; title: string; body: string;
  radio_script: string; social_text: string; approved_by: string | null; approved_at: Date | null; updated_at: Date;
}
export interface PublicationRow { greeting_id: string; channel: GreetingChannel; published_at: Date; published_by: string | null; link: string | null }

/** The chairman's greeting a draft starts from (staff edit it). */
export function defaultGreeting(o: Occasion, unitName: string): Pick<GreetingRow, 'title' | 'body' | 'radio_script' | 'social_text'> {
  const unit = unitName.charAt(0).toLowerCase() + unitName.slice(1);
  const body = [
    `Nhân dịp ${o.name}, thay mặt Ủy ban nhân dân ${unit}, tôi trân trọng gửi tới toàn thể cán bộ, đảng viên, đoàn viên, hội viên và Nhân dân ${unit} lời thăm hỏi ân cần và lời chúc mừng tốt đẹp nhất.`,
    `Chúc các gia đình mạnh khỏe, hạnh phúc; chung sức đồng lòng xây dựng ${unit} văn minh, hiện đại, nghĩa tình; xây dựng chính quyền thân thiện, vì Nhân dân phục vụ.`,
  ].join('\n\n');
  return {
    title: `Thư chúc mừng của Chủ tịch UBND ${unit} nhân dịp ${o.name}`, body,
    radio_script: `Kính thưa bà con Nhân dân! Sau đây, Đài truyền thanh ${unit} xin trân trọng giới thiệu thư chúc mừng của Chủ tịch Ủy ban nhân dân ${unit} nhân dịp ${o.name}.\n\n${body}`,
    social_text: `🎉 ${o.name}: Chủ tịch UBND ${unit} gửi lời chúc mừng tới toàn thể Nhân dân. Chúc các gia đình mạnh khỏe, hạnh phúc!`,
  };
}

export const greetingsOfYear = (trx: Trx, unitId: string, year: number) =>
  trx.selectFrom('greetings').selectAll().where('unit_id', '=', unitId)
    .where(sql`extract(year from occasion_date)`, '=', year).execute() as Promise<GreetingRow[]>;

export const publicationsOf = (trx: Trx, unitId: string, ids: string[]) => ids.length
  ? trx.selectFrom('greeting_publications').selectAll().where('unit_id', '=', unitId).where('greeting_id', 'in', ids).execute() as Promise<PublicationRow[]>
  : Promise.resolve([] as PublicationRow[]);

export const greetingById = async (trx: Trx, unitId: string, id: string) => !isUuid(id) ? undefined :
  trx.selectFrom('greetings').selectAll().where('unit_id', '=', unitId).where('id', '=', id).executeTakeFirst() as Promise<GreetingRow | undefined>;

/** The greeting of an occasion in a year, created as a draft from the default text when missing. */
export async function greetingFor(trx: Trx, unit: { id: string; name: string }, key: string, year: number): Promise<GreetingRow> {
  const o = findOccasion(key, year);
  if (!o) throw AppError.notFound('outreach.error.occasion_not_found');
  const existing = await trx.selectFrom('greetings').selectAll().where('unit_id', '=', unit.id).where('occasion', '=', key).where('occasion_date', '=', o.date).executeTakeFirst();
  if (existing) return existing as GreetingRow;
  return trx.insertInto('greetings').values({ unit_id: unit.id, occasion: key, occasion_date: o.date, ...defaultGreeting(o, unit.name) })
    .returningAll().executeTakeFirstOrThrow() as Promise<GreetingRow>;
}

export async function saveGreetingText(trx: Trx, req: FastifyRequest, g: GreetingRow, text: Pick<GreetingRow, 'title' | 'body' | 'radio_script' | 'social_text'>): Promise<void> {
  if (g.status === 'approved' || g.status === 'published') throw AppError.conflict('outreach.error.greeting_approved');
  const errors: Record<string, string> = {};
  if (!text.title.trim()) errors.title = 'Nhập tiêu đề.';
  if (!text.body.trim()) errors.body = 'Nhập nội dung thư chúc mừng.';
  if (Object.keys(errors).length) throw AppError.unprocessable('outreach.error.greeting_invalid', errors);
  await trx.updateTable('greetings').set({ ...text, status: 'draft', updated_at: new Date() }).where('unit_id', '=', req.unit!.id).where('id', '=', g.id).execute();
  await audit(trx, req, { action: 'greeting.edit', entity: 'greeting', entityId: g.id, after: { title: text.title } });
}

const NEXT: Record<GreetingStatus, GreetingStatus | null> = { draft: 'submitted', submitted: 'approved', approved: null, published: null };

/** Drafting workflow: draft → submitted (officer) → approved (leader). Publication is recorded separately. */
export async function moveGreeting(trx: Trx, req: FastifyRequest, g: GreetingRow, to: GreetingStatus, isLeader: boolean): Promise<void> {
  if (NEXT[g.status] !== to) throw AppError.conflict('outreach.error.greeting_bad_step');
  if (to === 'approved' && !isLeader) throw AppError.forbidden('outreach.error.greeting_leader_only');
  const set: Record<string, unknown> = { status: to, updated_at: new Date() };
  if (to === 'approved') Object.assign(set, { approved_by: req.staff?.displayName ?? null, approved_at: new Date() });
  await trx.updateTable('greetings').set(set).where('unit_id', '=', req.unit!.id).where('id', '=', g.id).execute();
  await audit(trx, req, { action: `greeting.${to}`, entity: 'greeting', entityId: g.id, before: { status: g.status }, after: { status: to } });
}

/** Records where an approved greeting was published (website, radio, fanpage, Zalo); once per channel. */
export async function recordPublication(trx: Trx, req: FastifyRequest, g: GreetingRow, channels: string[], link: string | null): Promise<void> {
  if (g.status !== 'approved' && g.status !== 'published') throw AppError.conflict('outreach.error.greeting_needs_approval');
  const valid = channels.filter((c): c is GreetingChannel => (GREETING_CHANNELS as readonly string[]).includes(c));
  if (!valid.length) throw AppError.unprocessable('outreach.error.choose_channel', { channels: 'Chọn ít nhất một kênh đã đăng.' });
  if (link && !/^https?:\/\/\S+$/.test(link)) throw AppError.unprocessable('outreach.error.bad_link', { link: 'Đường dẫn phải bắt đầu bằng http:// hoặc https://' });
  const now = new Date();
  await trx.insertInto('greeting_publications').values(valid.map((channel) => ({ unit_id: req.unit!.id, greeting_id: g.id, channel, published_at: now, published_by: req.staff?.displayName ?? null, link })))
    .onConflict((oc) => oc.columns(['unit_id', 'greeting_id', 'channel']).doNothing()).execute();
  await trx.updateTable('greetings').set({ status: 'published', updated_at: now }).where('unit_id', '=', req.unit!.id).where('id', '=', g.id).execute();
  await audit(trx, req, { action: 'greeting.publish', entity: 'greeting', entityId: g.id, after: { channels: valid, link } });
}

/** Greetings published on the website, newest first (the public page). */
export const publishedOnWebsite = (trx: Trx, unitId: string) =>
  trx.selectFrom('greetings as g').innerJoin('greeting_publications as p', (j) => j.onRef('p.unit_id', '=', 'g.unit_id').onRef('p.greeting_id', '=', 'g.id'))
    .selectAll('g').select('p.published_at').where('g.unit_id', '=', unitId).where('p.channel', '=', 'website')
    .orderBy('g.occasion_date', 'desc').limit(50).execute() as Promise<(GreetingRow & { published_at: Date })[]>;

/**
 * The daily reminder (pg-boss, 07:00 Vietnam time): ten days before an occasion, every ward with
 * an e-mail address is asked to draft the chairman's greeting. Runs as the owner (all units).
 */
export async function sendGreetingReminders(owner: Kysely<any>, now: Date): Promise<number> {
  const due = occasionsToRemind(vnDateOf(now));
  if (!due.length) return 0;
  const units = await owner.selectFrom('units').select(['id', 'slug', 'name', 'email']).where('type', '!=', 'city').where('email', 'is not', null).execute();
  for (const u of units) {
    for (const o of due) {
      await enqueueEmail(owner, {
        unitId: u.id, to: u.email as string, subject: `Nhắc việc: thư chúc mừng ${o.name} (${o.date.split('-').reverse().join('/')})`,
        text: `Còn 10 ngày đến ${o.name}. Vui lòng soạn thư chúc mừng của Chủ tịch UBND ${u.name} trình lãnh đạo duyệt và đăng lên trang thông tin, đài truyền thanh, fanpage/Zalo:\n/quan-tri/${u.slug}/loi-chuc/${o.date.slice(0, 4)}/${o.key}`,
      });
    }
  }
  return units.length * due.length;
}
