import { sql } from 'kysely';
import type { IndicatorContext, IndicatorSource, IndicatorValue } from '../../core/providers.js';
import { withUnit } from '../../core/tenancy.js';
import { vnDateOf } from '../../lib/vn-calendar/index.js';

/** The community module's figures for the scoring module (docs/indicators.md), criterion 4. */
export const communityIndicators: IndicatorSource = {
  definitions: [
    { id: 'community.app_adoption', criterion: 4, unit: 'percent',
      label: { vi: 'Hộ gia đình có người dùng ứng dụng Hải Phòng Smart', en: 'Households with a member using the city citizen app' },
      formula: { vi: 'hộ có ít nhất một người cài ứng dụng (tự khai có ngày hoặc tổ trưởng xác nhận) / tổng số hộ',
        en: 'households with ≥ 1 member using the app (self-declared with date or confirmed by the group head) / households' } },
    { id: 'community.online_votes_held', criterion: 4, unit: 'count',
      label: { vi: 'Cuộc biểu quyết trực tuyến đã tổ chức', en: 'Community votes held online' },
      formula: { vi: 'cuộc biểu quyết đã đóng trong năm có phiếu trực tuyến', en: 'polls closed this year with online votes' } },
    { id: 'community.broadcasts_published', criterion: 4, unit: 'count',
      label: { vi: 'Thông báo đã phát trên loa, trang web, fanpage/Zalo', en: 'Announcements published (radio, website, fanpage/Zalo)' },
      formula: { vi: 'thông báo có ít nhất một lần phát hành trong năm', en: 'announcements with at least one publication this year' } },
  ],
  async compute(ctx: IndicatorContext): Promise<IndicatorValue[]> {
    const end = ctx.now < ctx.to ? ctx.now : ctx.to;
    const endDate = vnDateOf(end);
    return withUnit(ctx.db, ctx.unitId, async (trx) => {
      const app = (await sql<{ households: number; with_app: number }>`select count(*)::int as households,
          count(*) filter (where app_status <> 'none' and (app_since is null or app_since <= ${endDate}::date))::int as with_app
        from community_households where unit_id = ${ctx.unitId} and created_at < ${end}`.execute(trx)).rows[0];
      const votes = (await sql<{ n: number }>`select count(*)::int as n from community_polls p
        where p.unit_id = ${ctx.unitId} and p.status = 'closed' and p.web_enabled and p.closes_at >= ${ctx.from} and p.closes_at < ${end}
          and exists (select 1 from community_poll_participation x where x.poll_id = p.id and x.channel in ('web', 'api'))`.execute(trx)).rows[0];
      const pubs = (await sql<{ n: number; radio: number }>`select count(distinct broadcast_id)::int as n,
          count(*) filter (where channel = 'radio')::int as radio
        from community_broadcast_publications where unit_id = ${ctx.unitId} and published_at >= ${ctx.from} and published_at < ${end}`.execute(trx)).rows[0];
      return [
        { id: 'community.app_adoption', value: app.households ? Math.round((app.with_app * 1000) / app.households) / 10 : null,
          numerator: app.with_app, denominator: app.households, drillDown: 'cong-dong' },
        { id: 'community.online_votes_held', value: votes.n, drillDown: 'cong-dong/bieu-quyet' },
        { id: 'community.broadcasts_published', value: pubs.n, drillDown: 'cong-dong/thong-bao',
          note: `${pubs.radio} lượt phát trên loa truyền thanh` },
      ];
    });
  },
};
