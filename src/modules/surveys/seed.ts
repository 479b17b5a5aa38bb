import { sql, type Kysely } from 'kysely';
import type { SeedContext } from '../../core/module.js';
import { vnYearOf, vnYearStart } from '../../lib/vn-calendar/index.js';
import { demoAnswers, demoChannel, demoInstant, demoMood, prng } from './demo-responses.js';
import { TEMPLATES, type SurveyTemplate } from './templates.js';

async function insertFromTemplate(db: Kysely<any>, unitId: string, t: SurveyTemplate, published: boolean, publicResults = false): Promise<string> {
  const { rows } = await sql<{ id: string }>`
    insert into surveys (unit_id, slug, kind, title_vi, title_en, description_vi, description_en, rule, draft, status,
      current_version, public_results, published_at)
    values (${unitId}, ${t.slug}, ${t.key}, ${t.title.vi}, ${t.title.en}, ${t.description.vi}, ${t.description.en}, ${t.rule},
      ${JSON.stringify(t.definition)}::jsonb, ${published ? 'published' : 'draft'}, ${published ? 1 : 0}, ${publicResults},
      ${published ? new Date() : null})
    returning id`.execute(db);
  if (published) {
    await sql`insert into survey_versions (unit_id, survey_id, version, definition)
      values (${unitId}, ${rows[0].id}, 1, ${JSON.stringify(t.definition)}::jsonb)`.execute(db);
  }
  return rows[0].id;
}

/** Every unit gets both surveys as drafts to review and publish, unless it already has one of that kind. */
export async function seedReference(ctx: Omit<SeedContext, 'unitId' | 'unitSlug'>): Promise<void> {
  for (const unitId of Object.values(ctx.unitIdsBySlug)) {
    for (const t of TEMPLATES) {
      const { rows } = await sql`select 1 from surveys where unit_id = ${unitId} and (kind = ${t.key} or slug = ${t.slug})`.execute(ctx.db);
      if (!rows.length) await insertFromTemplate(ctx.db, unitId, t, false);
    }
  }
}

async function demoResponses(db: Kysely<any>, unitId: string, surveyId: string, t: SurveyTemplate, count: number, now: Date, seed: number) {
  const rnd = prng(seed);
  const yearStart = vnYearStart(vnYearOf(now));
  const from = now.getTime() - yearStart.getTime() < 60 * 86400_000 ? new Date(now.getTime() - 365 * 86400_000) : yearStart;
  const rows = Array.from({ length: count }, () => {
    const at = demoInstant(rnd, from, now);
    const progress = (at.getTime() - from.getTime()) / (now.getTime() - from.getTime());
    return { at, channel: demoChannel(rnd), answers: demoAnswers(rnd, t.definition, demoMood(rnd, progress)) };
  });
  for (let i = 0; i < rows.length; i += 100) {
    const chunk = rows.slice(i, i + 100);
    await sql`insert into survey_responses (unit_id, survey_id, version, channel, answers, submitted_at)
      select ${unitId}::uuid, ${surveyId}::uuid, 1, x.channel, x.answers, x.at
      from jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) as x(channel text, answers jsonb, at timestamptz)`.execute(db);
  }
}

/** The demo ward: both surveys published, with a year of answers across channels. */
export async function seedDemo(ctx: SeedContext): Promise<void> {
  const counts = { centre: 280, government: 190 } as const;
  for (const t of TEMPLATES) {
    await sql`delete from surveys where unit_id = ${ctx.unitId} and slug = ${t.slug} and status = 'draft'
      and not exists (select 1 from survey_responses r where r.survey_id = surveys.id)`.execute(ctx.db);
    // The centre's results are public in the demo; the government survey's stay internal.
    const id = await insertFromTemplate(ctx.db, ctx.unitId, t, true, t.key === 'centre');
    await demoResponses(ctx.db, ctx.unitId, id, t, counts[t.key], ctx.now, t.key === 'centre' ? 2026 : 2027);
  }
}
