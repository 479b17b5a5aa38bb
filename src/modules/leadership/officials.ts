/** Officials' conduct: profiles and badges, training records, the discipline and violation register. */
import type { Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';

type Db = Kysely<any> | Transaction<any>;

export const TRAINING_TOPICS = ['it', 'language', 'communication'] as const;
export type TrainingTopic = (typeof TRAINING_TOPICS)[number];
/** discipline: a disciplinary decision (kỷ luật); violation: a breach of working rules (vi phạm nội quy). */
export const DISCIPLINE_KINDS = ['discipline', 'violation'] as const;
export const VIOLATION_REASONS = ['absence', 'alcohol', 'uniform', 'harassment', 'other'] as const;

export interface Profile { user_id: string; badge_no: string; duties: string | null; phone: string | null; has_photo: boolean }
export interface Training { id: string; user_id: string; topic: TrainingTopic; title: string; completed_on: string }
export interface Discipline { id: string; user_id: string; kind: string; reason: string; occurred_on: string; decision_no: string | null; penalty: string | null }

export function listProfiles(trx: Db): Promise<Profile[]> {
  return trx.selectFrom('leadership_profiles').select(['user_id', 'badge_no', 'duties', 'phone'])
    .select(sql<boolean>`photo is not null`.as('has_photo')).orderBy('badge_no').execute() as Promise<Profile[]>;
}

export function profileOf(trx: Db, userId: string): Promise<Profile | undefined> {
  return trx.selectFrom('leadership_profiles').select(['user_id', 'badge_no', 'duties', 'phone'])
    .select(sql<boolean>`photo is not null`.as('has_photo')).where('user_id', '=', userId).executeTakeFirst() as Promise<Profile | undefined>;
}

export function profileByBadge(trx: Db, badge: string): Promise<Profile | undefined> {
  return trx.selectFrom('leadership_profiles').select(['user_id', 'badge_no', 'duties', 'phone'])
    .select(sql<boolean>`photo is not null`.as('has_photo')).where('badge_no', '=', badge).executeTakeFirst() as Promise<Profile | undefined>;
}

export async function photoOf(trx: Db, userId: string): Promise<{ mime: string; data: Buffer } | undefined> {
  const r = await trx.selectFrom('leadership_profiles').select(['photo_mime', 'photo']).where('user_id', '=', userId).executeTakeFirst();
  return r?.photo ? { mime: r.photo_mime as string, data: r.photo as Buffer } : undefined;
}

export function trainingsOf(trx: Db, userId?: string): Promise<Training[]> {
  let q = trx.selectFrom('leadership_trainings').select(['id', 'user_id', 'topic', 'title', 'completed_on']);
  if (userId) q = q.where('user_id', '=', userId);
  return q.orderBy('completed_on', 'desc').execute() as Promise<Training[]>;
}

export function disciplineOf(trx: Db, userId?: string): Promise<Discipline[]> {
  let q = trx.selectFrom('leadership_discipline').select(['id', 'user_id', 'kind', 'reason', 'occurred_on', 'decision_no', 'penalty']);
  if (userId) q = q.where('user_id', '=', userId);
  return q.orderBy('occurred_on', 'desc').execute() as Promise<Discipline[]>;
}

export interface OfficialStats { user_id: string; badge_no: string | null; trainings: number; reports: number; discipline: number }

/** Per official of the list: badge, trainings completed in the year, conduct reports and discipline entries. */
export async function officialStats(trx: Db, userIds: string[], year: number): Promise<OfficialStats[]> {
  return (await sql<OfficialStats>`
      select u.id as user_id, (select badge_no from leadership_profiles p where p.user_id = u.id) as badge_no,
        (select count(*)::int from leadership_trainings t
          where t.user_id = u.id and extract(year from t.completed_on) = ${year}) as trainings,
        (select count(*)::int from leadership_conduct_reports r where r.official_id = u.id) as reports,
        (select count(*)::int from leadership_discipline d where d.user_id = u.id) as discipline
      from unnest(${userIds}::uuid[]) as u(id)`.execute(trx)).rows;
}

export interface ProfileValues { badge_no: string; duties: string | null; phone: string | null; photo?: Buffer; photo_mime?: string }

/** Saves an official's profile; false (and nothing saved) when another official holds the badge number. */
export async function saveProfile(trx: Db, unitId: string, userId: string, values: ProfileValues): Promise<boolean> {
  const other = await trx.selectFrom('leadership_profiles').select('user_id').where('badge_no', '=', values.badge_no)
    .where('user_id', '<>', userId).executeTakeFirst();
  if (other) return false;
  await trx.insertInto('leadership_profiles').values({ unit_id: unitId, user_id: userId, ...values })
    .onConflict((oc) => oc.columns(['unit_id', 'user_id']).doUpdateSet(values)).execute();
  return true;
}

export async function addTraining(
  trx: Db, unitId: string, userId: string, t: { topic: string; title: string; completedOn: string },
): Promise<string> {
  const r = await trx.insertInto('leadership_trainings').values({ unit_id: unitId, user_id: userId, topic: t.topic, title: t.title,
    completed_on: t.completedOn }).returning('id').executeTakeFirstOrThrow();
  return r.id as string;
}

export async function addDiscipline(trx: Db, unitId: string, userId: string,
  d: { kind: string; reason: string; occurredOn: string; decisionNo: string | null; penalty: string | null }): Promise<string> {
  const r = await trx.insertInto('leadership_discipline').values({ unit_id: unitId, user_id: userId, kind: d.kind, reason: d.reason,
    occurred_on: d.occurredOn, decision_no: d.decisionNo, penalty: d.penalty }).returning('id').executeTakeFirstOrThrow();
  return r.id as string;
}

export interface ConductRollup { reports: number; open: number; cases: number }

/** Conduct reports about one official (never who sent them). */
export async function conductRollup(trx: Db, userId: string): Promise<ConductRollup> {
  const { rows } = await sql<ConductRollup>`select count(*)::int as reports,
      count(*) filter (where status in ('new', 'reviewing'))::int as open,
      count(case_id)::int as cases
    from leadership_conduct_reports where official_id = ${userId}`.execute(trx);
  return rows[0];
}

/** The public code of conduct "4 xin, 4 luôn, 5 không", word for word from the seed decision (PHẦN III, criterion 3). */
export const CODE_OF_CONDUCT = {
  xin: ['Xin chào', 'Xin lỗi', 'Xin cảm ơn', 'Xin phép'],
  luon: ['Luôn mỉm cười', 'Luôn nhẹ nhàng', 'Luôn lắng nghe', 'Luôn giúp đỡ'],
  khong: [
    'Không cửa quyền, hách dịch, gây khó khăn, phiền hà', 'Không quan liêu, vô cảm, vô trách nhiệm',
    'Không tham nhũng, lãng phí, lợi ích nhóm', 'Không xu nịnh, chạy chọt, gian dối',
    'Không lợi dụng chức vụ, quyền hạn trong thực thi công vụ',
  ],
};
