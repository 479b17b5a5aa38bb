import { vnParts } from './vn-calendar/vn-time.js';

const two = (n: number) => String(n).padStart(2, '0');
const dateParts = (d: Date) => {
  const p = vnParts(d);
  return { y: String(p.year), m: two(p.month), d: two(p.day), hh: two(p.hour), mm: two(p.minute) };
};

/** `05/01/2026` in Vietnam time. Accepts a Date or an ISO date string `2026-01-05`. */
export function formatDate(value: Date | string): string {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split('-');
    return `${d}/${m}/${y}`;
  }
  const p = dateParts(new Date(value));
  return `${p.d}/${p.m}/${p.y}`;
}

/** `14:05 05/01/2026` in Vietnam time. */
export function formatDateTime(value: Date | string): string {
  const p = dateParts(new Date(value));
  return `${p.hh}:${p.mm} ${p.d}/${p.m}/${p.y}`;
}

/** `200.000 đ`; `Miễn phí` for 0 when `freeLabel` is given. */
export function formatMoney(amount: number, freeLabel?: string): string {
  if (amount === 0 && freeLabel) return freeLabel;
  const digits = Math.round(Math.abs(amount)).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${amount < 0 ? '-' : ''}${digits} đ`;
}

/** `1.234` — Vietnamese thousands separator. */
export function formatNumber(n: number): string {
  return Math.round(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** `87,5 %` with a comma decimal separator. */
export function formatPercent(ratio: number, digits = 1): string {
  return `${(ratio * 100).toFixed(digits).replace('.', ',')} %`;
}
