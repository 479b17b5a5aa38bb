import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { computeIndicators, vnYearBounds } from '../../../core/providers.js';
import { communityIndicators } from '../indicators.js';
import { createEmptyUnit } from '../../../../test/helpers/units.js';

let t: TestApp;
let unitId: string;

/** Known inputs in a ward without demo data: 2 groups, 4 households, polls and broadcasts around 2025. */
async function arrange() {
  unitId = await createEmptyUnit(t.db, 'cong-dong-thu');
  const grp = async (code: string) => (await sql<{ id: string }>`insert into residential_groups (unit_id, code, name) values (${unitId}, ${code}, ${'Tổ ' + code}) returning id`.execute(t.db)).rows[0].id;
  const [g1, g2] = [await grp('T1'), await grp('T2')];
  const hh = async (g: string, n: string, app: string, since: string | null, created = '2024-06-01') => (await sql<{ id: string }>`insert into community_households
    (unit_id, group_id, head_name, address, dedupe_key, app_status, app_since, created_at) values (${unitId}, ${g}, ${n}, 'x', ${n}, ${app}, ${since}, ${created}) returning id`.execute(t.db)).rows[0].id;
  // 2025: 4 households, 2 with the app by year end (one declared, one confirmed); one declared only in 2026.
  const a = await hh(g1, 'A', 'declared', '2025-03-01');
  await hh(g1, 'B', 'confirmed', '2025-12-31');
  await hh(g2, 'C', 'declared', '2026-02-01');
  await hh(g2, 'D', 'none', null);
  await hh(g2, 'E (2026)', 'none', null, '2026-01-05');
  const poll = async (code: string, status: string, closes: string, channel: string | null) => {
    const { rows: [p] } = await sql<{ id: string }>`insert into community_polls (unit_id, code, title, matter, group_id, basis, opens_at, closes_at,
      quorum_percent, threshold_percent, threshold_base, status) values (${unitId}, ${code}, ${code}, 'contribution', ${g1}, 'household',
      ${new Date(new Date(closes).getTime() - 7 * 86400_000)}, ${closes}, 50, 50, 'eligible', ${status}) returning id`.execute(t.db);
    if (channel) await sql`insert into community_poll_participation (unit_id, poll_id, voter_id, household_id, group_id, channel) values (${unitId}, ${p.id}, ${a}, ${a}, ${g1}, ${channel})`.execute(t.db);
  };
  await poll('web2025', 'closed', '2025-05-01T10:00:00+07:00', 'web');
  await poll('api2025', 'closed', '2025-12-31T20:00:00+07:00', 'api');
  await poll('paper2025', 'closed', '2025-06-01T10:00:00+07:00', 'paper');
  await poll('open2025', 'open', '2025-07-01T10:00:00+07:00', 'web');
  await poll('web2026', 'closed', '2026-01-01T00:30:00+07:00', 'web');
  const broadcast = async (dates: [string, string][]) => {
    const { rows: [b] } = await sql<{ id: string }>`insert into community_broadcasts (unit_id, title, body, radio_script, social_text) values (${unitId}, 't', 'b', 'r', 's') returning id`.execute(t.db);
    for (const [channel,
      at] of dates) await sql`insert into community_broadcast_publications (unit_id, broadcast_id, channel, published_at) values (${unitId}, ${b.id}, ${channel}, ${at})`.execute(t.db);
  };
  await broadcast([['website', '2025-02-01T09:00:00+07:00'], ['radio', '2025-02-01T17:00:00+07:00'], ['radio',
    '2025-02-02T17:00:00+07:00']]);
  await broadcast([['fanpage', '2025-12-31T23:00:00+07:00']]);
  await broadcast([['radio', '2024-12-31T23:00:00+07:00']]);
  await broadcast([]);
}

beforeAll(async () => { t = await startTestApp(); await arrange(); }, 120_000);
afterAll(async () => { await t?.close(); });

describe('community indicators from known inputs', () => {
  test('exactly the ids of docs/indicators.md, criterion 4', () => {
    expect(communityIndicators.definitions.map((d) => [d.id, d.criterion, d.unit])).toEqual([
      ['community.app_adoption', 4, 'percent'], ['community.online_votes_held', 4, 'count'], ['community.broadcasts_published',
        4, 'count']]);
  });

  test('2025: adoption 2/4 households, 2 online votes closed, 2 broadcasts published', async () => {
    const values = await communityIndicators.compute({ db: t.appDb, unitId, year: 2025, ...vnYearBounds(2025),
      now: new Date('2026-06-01T00:00:00Z') });
    expect(values).toEqual([
      { id: 'community.app_adoption', value: 50, numerator: 2, denominator: 4, drillDown: 'cong-dong' },
      { id: 'community.online_votes_held', value: 2, drillDown: 'cong-dong/bieu-quyet' },
      { id: 'community.broadcasts_published', value: 2, drillDown: 'cong-dong/thong-bao', note: '2 lượt phát trên loa truyền thanh' },
    ]);
  });

  test('a year still running counts only up to now; a ward with no households reports no adoption figure', async () => {
    const mid = await communityIndicators.compute({ db: t.appDb, unitId, year: 2025, ...vnYearBounds(2025),
      now: new Date('2025-05-15T00:00:00Z') });
    expect(mid.map((v) => v.value)).toEqual([25, 1, 1]);
    const other = await createEmptyUnit(t.db, 'cong-dong-trong');
    const none = await communityIndicators.compute({ db: t.appDb, unitId: other, year: 2025, ...vnYearBounds(2025),
      now: new Date('2026-01-01') });
    expect(none.map((v) => v.value)).toEqual([null, 0, 0]);
  });

  test('the scoring hook sees them through defineModule', async () => {
    const all = await computeIndicators({ db: t.appDb, unitId, year: 2025, ...vnYearBounds(2025), now: new Date('2026-06-01T00:00:00Z') });
    expect(all.filter((v) => v.module === 'community').map((v) => [v.id, v.value])).toEqual([
      ['community.app_adoption', 50], ['community.online_votes_held', 2], ['community.broadcasts_published', 2]]);
  });
});
