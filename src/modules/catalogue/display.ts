import type { Translate } from '../../core/i18n.js';
import { formatMoney } from '../../lib/format.js';
import type { ProcedureData } from './types.js';

export function processingTimeText(t: Translate, p: ProcedureData['processing']): string {
  return t(`catalogue.time.${p.unit}`, { n: p.value });
}

export function feeText(t: Translate, fee: ProcedureData['fee']): string {
  if (fee.amount === null) return t('catalogue.fee.by_rule');
  if (fee.amount === 0) return t('catalogue.fee.free');
  const amount = formatMoney(fee.amount);
  return fee.unit ? t('catalogue.fee.per', { amount, unit: fee.unit }) : amount;
}

export function onlineLevelText(t: Translate, level: ProcedureData['onlineLevel']): string {
  return t(`catalogue.online.${level ?? 'none'}`);
}
