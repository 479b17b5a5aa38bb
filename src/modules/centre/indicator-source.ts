import { booleanValue, countedUntil, indicator, percentValue } from '../../core/indicators.js';
import type { IndicatorSource } from '../../core/providers.js';
import { withUnit } from '../../core/tenancy.js';
import { summariseRatings } from './domain/stats.js';
import { ratingCountByChannel, ratingFacts, ticketFacts } from './repo/stats-repo.js';

/** The centre's figures for the scoring module (docs/indicators.md). */
export const centreIndicatorSource: IndicatorSource = {
  definitions: [
    indicator('centre.rating_satisfied', 2, 'percent',
      { vi: 'Đánh giá hài lòng tại quầy và tiếp công dân', en: 'Counter and reception ratings satisfied' },
      { vi: 'lượt đánh giá "hài lòng" / tổng lượt đánh giá (tại quầy và tiếp công dân)', en: '"satisfied" ratings / all ratings (counter and reception)' }),
    indicator('centre.queue_in_use', 4, 'boolean',
      { vi: 'Hệ thống xếp hàng tự động được sử dụng', en: 'Automatic queue in use' },
      { vi: 'có phiếu số thứ tự được cấp trong năm', en: 'queue tickets were issued this year' }),
    indicator('centre.rating_devices_in_use', 4, 'boolean',
      { vi: 'Thiết bị đánh giá điện tử được sử dụng', en: 'Electronic rating devices in use' },
      { vi: 'có lượt đánh giá ghi nhận qua thiết bị tại quầy trong năm', en: 'ratings were recorded by the counter devices this year' }),
  ],
  async compute(ctx) {
    const until = countedUntil(ctx);
    const drillDown = `quay/thong-ke?tu=${ctx.year}-01-01&den=${ctx.year}-12-31`;
    return withUnit(ctx.db, ctx.unitId, async (trx) => {
      const ratings = summariseRatings((await ratingFacts(trx, ctx.unitId, ctx.from, until)).map((r) => r.score));
      const tickets = await ticketFacts(trx, ctx.unitId, ctx.from, until);
      const byDevice = await ratingCountByChannel(trx, ctx.unitId, 'device', ctx.from, until);
      return [
        percentValue('centre.rating_satisfied', ratings.satisfied, ratings.total, { drillDown }),
        booleanValue('centre.queue_in_use', tickets.length > 0, { numerator: tickets.length, drillDown }),
        booleanValue('centre.rating_devices_in_use', byDevice > 0, { numerator: byDevice, drillDown }),
      ];
    });
  },
};
