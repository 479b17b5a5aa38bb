import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { renderStaffPage } from '../../../web/render.js';
import { apologyCountsOf, dossierStats, statsUnitIds } from '../stats/stats.js';
import { StatsPage } from '../views/stats-page.js';
import { READ_ROLES, depsOf, type UnitReq } from './context.js';
import { query, Q } from '../../../core/http/query.js';
import { vnYearOf } from '../../../lib/vn-calendar/index.js';

function yearOf(q: unknown, now: Date): number {
  const y = Number(q);
  return Number.isInteger(y) && y >= 2000 && y <= 2100 ? y : vnYearOf(now);
}

export async function statsRoutes(app: FastifyInstance): Promise<void> {
  app.get('/quan-tri/:unit/ho-so/thong-ke', { preHandler: app.requireStaff(READ_ROLES), schema: { hide: true, querystring: query({ nam: Q.year }) } }, async (req, reply) => {
    const r = req as UnitReq;
    const year = yearOf(r.query.nam, depsOf(app).now());
    const ids = await statsUnitIds(app.db, req.unit!);
    const s = await dossierStats(app.db, ids, year, { detail: req.unit!.type !== 'city' });
    return renderStaffPage(req, reply, { title: req.t('dossiers.stats.title', { year }), styles: ['css/dossiers.css'], current: 'ho-so' }, <StatsPage req={req} s={s} />);
  });

  // Public aggregate figures (no personal data): they feed the unit's statistics page and scoring.
  app.get<{ Querystring: { year?: number } }>('/api/v1/units/:unit/dossiers/stats', {
    schema: {
      summary: 'Dossier statistics of a unit (a city: all its units) for a year',
      tags: ['dossiers'],
      params: Type.Object({ unit: Type.String() }),
      querystring: Type.Object({ year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })) }),
      response: {
        200: Type.Object({
          year: Type.Integer(),
          units: Type.Integer({ description: 'Số đơn vị được tính (thành phố: các phường, xã trực thuộc)' }),
          apologies: Type.Object({
            year: Type.Integer(),
            total: Type.Integer({ description: 'Số Phiếu xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04) đã lập' }),
            late: Type.Integer({ description: 'Trong đó lập muộn (sau khi đã quá hạn trả)' }),
            in_time: Type.Integer({ description: 'Trong đó lập trước hạn trả, đúng quy định' }),
          }, { description: 'Phiếu xin lỗi, tính theo tháng tiếp nhận hồ sơ' }),
        }, { additionalProperties: true, description: 'totals, byMonth, byField, byProcedure: see the staff statistics page' }),
      },
    },
  }, async (req) => {
    const year = yearOf(req.query.year, depsOf(app).now());
    const ids = await statsUnitIds(app.db, req.unit!);
    const s = await dossierStats(app.db, ids, year, { detail: req.unit!.type !== 'city' });
    return { ...s, byOfficer: undefined, apologies: apologyCountsOf(s) };
  });
}
