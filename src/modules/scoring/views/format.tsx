import type { Translate } from '../../../core/i18n.js';
import { StatusTag } from '../../../web/components/display.js';
import type { IndicatorStatus, ScoredIndicator } from '../scorecard.js';

const nf = (n: number) => n.toLocaleString('vi-VN', { maximumFractionDigits: 2 });

/** A value in its unit ("92 %", "Có", "14"), "Chưa đo" when null; numerator/denominator appended. */
export function formatValue(t: Translate, i: Pick<ScoredIndicator, 'value' | 'unit' | 'numerator' | 'denominator' | 'source'>): string {
  if (i.value === null || i.value === undefined) return t('scoring.not_measured');
  const manual = i.source.startsWith('scoring.');
  let text: string;
  if (manual) text = i.value >= 1 ? t('scoring.manual.value_1') : i.value > 0 ? t('scoring.manual.value_05') : t('scoring.manual.value_0');
  else if (i.unit === 'boolean') text = i.value >= 1 ? t('scoring.yes') : t('scoring.no');
  else if (i.unit === 'percent') text = `${nf(i.value)} %`;
  else text = nf(i.value);
  if (i.numerator !== undefined && i.denominator !== undefined) text += ` (${nf(i.numerator)}/${nf(i.denominator)})`;
  return text;
}

export const formatPoints = (n: number): string => nf(n);

const TONES: Record<IndicatorStatus, 'ok' | 'warn' | 'error' | 'info' | undefined> = {
  met: 'ok', partial: 'warn', not_met: 'error', not_measured: undefined, pending: 'info',
};

export const StatusOf = ({ t, status }: { t: Translate; status: IndicatorStatus }) =>
  <StatusTag tone={TONES[status]}>{t(`scoring.status.${status}`)}</StatusTag>;

export const levelText = (t: Translate, level: number): string => (level ? t('scoring.level_n', { n: level }) : t('scoring.level_0'));

export function LevelBadge({ t, level }: { t: Translate; level: number }) {
  return <span class={`level-badge level-badge--${level}`}>{levelText(t, level)}</span>;
}
