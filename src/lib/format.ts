const TZ = 'Asia/Ho_Chi_Minh';

const dateParts = (d: Date) => {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(d);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return { y: get('year'), m: get('month'), d: get('day'), hh: get('hour'), mm: get('minute') };
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

/** The calendar date in Vietnam of an instant: `2026-01-05`. */
export function vnDate(value: Date = new Date()): string {
  const p = dateParts(value);
  return `${p.y}-${p.m}-${p.d}`;
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
