import { sql, type Kysely } from 'kysely';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const referenceDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../data/reference');

interface UnitRef { code: string; slug: string; name: string; name_en?: string; type: string; parent: string | null; address?: string; settings?: object }

/**
 * A unit uses the app unless `settings.enabled` is false: the reference list holds every unit of
 * the city, and those the city has not enabled yet get no per-unit reference data (catalogue
 * copies, survey drafts, published items) until it enables them (the scoring module's city page).
 */
export const unitEnabledSql = sql<boolean>`coalesce((settings->>'enabled')::boolean, true)`;

/** Slug → id of the enabled units (see unitEnabledSql). */
export async function enabledUnitIds(owner: Kysely<any>): Promise<Record<string, string>> {
  const { rows } = await sql<{ id: string; slug: string }>`select id, slug from units where ${unitEnabledSql}`.execute(owner);
  return Object.fromEntries(rows.map((r) => [r.slug, r.id]));
}

/** Upserts the administrative units; parents before children. Idempotent. */
export async function seedUnits(owner: Kysely<any>): Promise<Record<string, string>> {
  const { units } = JSON.parse(readFileSync(path.join(referenceDir, 'units.json'), 'utf8')) as { units: UnitRef[] };
  const ids: Record<string, string> = {};
  const byCode: Record<string, string> = {};
  for (const u of [...units].sort((a, b) => Number(a.parent !== null) - Number(b.parent !== null))) {
    const parentId = u.parent ? byCode[u.parent] : null;
    const { rows } = await sql<{ id: string }>`insert into units (code, slug, name, name_en, type, parent_id, address, settings)
      values (${u.code}, ${u.slug}, ${u.name}, ${u.name_en ?? null}, ${u.type}, ${parentId}, ${u.address ?? null}, ${JSON.stringify(u.settings ?? {})}::jsonb)
      on conflict (code) do update set slug = excluded.slug, name = excluded.name, name_en = excluded.name_en,
        type = excluded.type, parent_id = excluded.parent_id, settings = excluded.settings || units.settings
      returning id`.execute(owner);
    byCode[u.code] = rows[0].id;
    ids[u.slug] = rows[0].id;
  }
  return ids;
}
