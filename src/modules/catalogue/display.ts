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

/** "2 trang đầu 2.000 đ/trang, sau đó 1.000 đ/trang, tối đa 200.000 đ/bản" (empty without tiers). */
export function tiersText(t: Translate, fee: ProcedureData['fee']): string {
  if (!fee.tiers) return '';
  const unit = fee.unit ?? t('catalogue.fee.unit_default');
  const text = t('catalogue.fee.tiers', { n: fee.tiers.first_units, unit, first: formatMoney(fee.tiers.first_rate), next: formatMoney(fee.tiers.next_rate) });
  return fee.tiers.max_per_copy === null ? text : `${text}${t('catalogue.fee.tiers_max', { max: formatMoney(fee.tiers.max_per_copy) })}`;
}
