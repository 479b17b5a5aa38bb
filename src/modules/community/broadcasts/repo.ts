import { sql } from 'kysely';
import type { Trx } from '../context.js';

export interface BroadcastRow {
  id: string; title: string; body: string; radio_script: string; social_text: string; group_ids: string[];
  audio_source: 'tts' | 'upload' | null; audio_mime: string | null; audio_size: number | null; created_at: Date;
}
export type PublicationChannel = 'website' | 'radio' | 'fanpage' | 'zalo';
export const CHANNELS: PublicationChannel[] = ['website', 'radio', 'fanpage', 'zalo'];
export interface PublicationRow { id: string; channel: PublicationChannel; group_id: string | null; published_at: Date; note: string }

const COLS = ['id', 'title', 'body', 'radio_script', 'social_text', 'group_ids', 'audio_source', 'audio_mime',
  sql<number | null>`length(audio)`.as('audio_size'), 'created_at'] as const;

export const listBroadcasts = (trx: Trx, onlyWebsite = false, limit = 50,
  offset = 0): Promise<(BroadcastRow & { channels: string[]; first_published: Date | null })[]> => {
  let q = trx.selectFrom('community_broadcasts as b').select(COLS.map((c) => (typeof c === 'string' ? `b.${c}` : c)) as never)
    .select(sql<string[]>`coalesce((select array_agg(distinct p.channel) from community_broadcast_publications p where p.broadcast_id = b.id), '{}')`.as('channels'))
    .select(sql<Date | null>`(select min(published_at) from community_broadcast_publications p where p.broadcast_id = b.id and p.channel = 'website')`.as('first_published'));
  if (onlyWebsite) q = q.where(sql<boolean>`exists (select 1 from community_broadcast_publications p where p.broadcast_id = b.id and p.channel = 'website')`);
  return q.orderBy('b.created_at', 'desc').limit(limit).offset(offset).execute() as never;
};

export const countWebsiteBroadcasts = async (trx: Trx): Promise<number> =>
  (await sql<{ n: number }>`select count(distinct broadcast_id)::int as n from community_broadcast_publications where channel = 'website'`.execute(trx)).rows[0].n;

export const getBroadcast = (trx: Trx, id: string): Promise<BroadcastRow | undefined> =>
  trx.selectFrom('community_broadcasts').select(COLS as never).where('id', '=', id).executeTakeFirst() as never;

export const getAudio = (trx: Trx, id: string) =>
  trx.selectFrom('community_broadcasts').select(['audio', 'audio_mime']).where('id', '=',
    id).executeTakeFirst() as Promise<{ audio: Buffer | null; audio_mime: string | null } | undefined>;

export const listPublications = (trx: Trx, id: string): Promise<PublicationRow[]> =>
  trx.selectFrom('community_broadcast_publications').select(['id', 'channel', 'group_id', 'published_at', 'note'])
    .where('broadcast_id', '=', id).orderBy('published_at').execute() as never;

export const isOnWebsite = async (trx: Trx, id: string) =>
  !!(await trx.selectFrom('community_broadcast_publications').select('id').where('broadcast_id', '=', id).where('channel', '=',
    'website').executeTakeFirst());

export interface NewBroadcast {
  title: string; body: string; radio_script: string; social_text: string; group_ids: string[];
  audio: Buffer | null; audio_mime: string | null; audio_source: 'upload' | null; created_by: string | null;
}

export async function insertBroadcast(trx: Trx, unitId: string, b: NewBroadcast): Promise<string> {
  const row = await trx.insertInto('community_broadcasts').values({ unit_id: unitId, ...b }).returning('id').executeTakeFirstOrThrow();
  return row.id as string;
}

export async function setSynthesisedAudio(trx: Trx, id: string, wav: Buffer): Promise<void> {
  await trx.updateTable('community_broadcasts').set({ audio: wav, audio_mime: 'audio/wav', audio_source: 'tts',
    updated_at: new Date() }).where('id', '=', id).execute();
}

export interface NewPublication { channel: PublicationChannel; group_id: string | null; published_by: string | null; note: string }

export async function insertPublication(trx: Trx, unitId: string, broadcastId: string, p: NewPublication): Promise<string> {
  const row = await trx.insertInto('community_broadcast_publications').values({ unit_id: unitId, broadcast_id: broadcastId, ...p })
    .returning('id').executeTakeFirstOrThrow();
  return row.id as string;
}
