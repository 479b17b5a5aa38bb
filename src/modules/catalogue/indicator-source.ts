import { booleanValue, indicator, percentValue } from '../../core/indicators.js';
import type { IndicatorSource } from '../../core/providers.js';
import { withUnit } from '../../core/tenancy.js';
import { listProcedureRows, unitSettingsRow } from './repo.js';
import { paymentAccountFor } from './service.js';
import type { Procedure } from './types.js';

/** Fee, time limit, papers and steps are all given (a fee "by rule" counts when its note says which rule). */
export function isProcedureComplete(p: Procedure): boolean {
  const fee = p.fee.amount !== null || Boolean(p.fee.note);
  const time = p.processing.unit === 'immediate' || p.processing.value > 0;
  return fee && time && p.documents.length > 0 && p.steps.length > 0;
}

/** The catalogue's figures for the scoring module (docs/indicators.md); the catalogue as it stands now. */
export const catalogueIndicatorSource: IndicatorSource = {
  definitions: [
    indicator('catalogue.procedures_complete', 1, 'percent',
      { vi: 'Thủ tục hành chính công khai đầy đủ', en: 'Procedures published in full' },
      { vi: 'thủ tục công khai có đủ phí, thời hạn, thành phần hồ sơ và trình tự / thủ tục công khai',
        en: 'published procedures with fee, time limit, papers and steps / published procedures' }),
    indicator('catalogue.fee_qr_enabled', 4, 'boolean',
      { vi: 'Thu phí qua mã VietQR', en: 'Fees payable by VietQR' },
      { vi: 'đơn vị có tài khoản thu phí (mã VietQR trên trang thủ tục)', en: 'the unit has a fee collection account (VietQR on procedure pages)' }),
  ],
  async compute(ctx) {
    const procedures = await withUnit(ctx.db, ctx.unitId, (trx) => listProcedureRows(trx, ctx.unitId, { publishedOnly: true }));
    const unit = await withUnit(ctx.db, ctx.unitId, (trx) => unitSettingsRow(trx, ctx.unitId));
    const complete = procedures.filter(isProcedureComplete).length;
    return [
      percentValue('catalogue.procedures_complete', complete, procedures.length, { drillDown: 'thu-tuc' }),
      booleanValue('catalogue.fee_qr_enabled', (await paymentAccountFor(ctx.db, unit)) !== null, { drillDown: 'thu-tuc/cai-dat' }),
    ];
  },
};
