/** Small HTTP helpers for this module's integration tests (a cookie jar and form posts). */

export class Jar {
  private cookies = new Map<string, string>();
  constructor(initial = '') { this.add(initial); }
  add(header: string) {
    for (const part of header.split(/;\s*/)) {
      const i = part.indexOf('=');
      if (i > 0) this.cookies.set(part.slice(0, i), part.slice(i + 1));
    }
  }
  take(res: Response) {
    for (const c of res.headers.getSetCookie?.() ?? []) this.add(c.split(';')[0]);
  }
  get header() { return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '); }
  get(name: string) { return this.cookies.get(name); }
  delete(name: string) { this.cookies.delete(name); }
}

export const csrfOf = (html: string): string => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

export async function getPage(url: string, jar: Jar): Promise<{ res: Response; html: string }> {
  const res = await fetch(url, { headers: { cookie: jar.header }, redirect: 'manual' });
  jar.take(res);
  return { res, html: await res.text() };
}

/** Posts a urlencoded form; repeated keys for arrays. */
export async function postForm(url: string, jar: Jar, fields: Record<string, string | string[]>): Promise<{ res: Response; html: string }> {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
  const res = await fetch(url, {
    method: 'POST', body, redirect: 'manual',
    headers: { cookie: jar.header, 'content-type': 'application/x-www-form-urlencoded' },
  });
  jar.take(res);
  return { res, html: await res.text() };
}

/** A complete, valid answer set for the centre template as form fields. */
export function centreFormAnswers(score = '4'): Record<string, string | string[]> {
  const f: Record<string, string | string[]> = { 'q_linh-vuc': 'ho-tich', q_tuoi: '30-50', 'q_tong-the': score, 'q_de-xuat': 'Cần thêm ghế chờ.' };
  const rows: Record<string, string[]> = {
    'tiep-can': ['noi-ngoi', 'chi-dan', 'lay-so', 'thiet-bi'], 'thu-tuc': ['cong-khai', 'thanh-phan', 'phi', 'thoi-han'],
    'cong-chuc': ['thai-do', 'huong-dan', 'khong-phien-ha', 'dung-hen'], 'ket-qua': ['dung-han', 'chinh-xac', 'xin-loi'],
  };
  for (const [q, rs] of Object.entries(rows)) for (const r of rs) f[`q_${q}__${r}`] = score;
  return f;
}

/** A complete, valid answer set for the government template, every rating = score. */
export function governmentFormAnswers(score = '4'): Record<string, string | string[]> {
  const f: Record<string, string | string[]> = { q_tuoi: 'o60', 'q_lien-he': 'co', 'q_chinh-quyen': score, 'q_de-an': score };
  const rows: Record<string, string[]> = {
    'cong-khai': ['thu-tuc', 'dien-thoai', 'lich', 'giam-sat'], 'than-thien': ['trong-ngay', 'tai-nha', 'tham-hoi', 'lang-nghe'],
    'can-bo': ['4-xin', '4-luon', '5-khong', 'tac-phong', 'lanh-dao'], xanh: ['xanh-sach', 'tien-nghi', 'so-hoa', 'truyen-thanh'],
  };
  for (const [q, rs] of Object.entries(rows)) for (const r of rs) f[`q_${q}__${r}`] = score;
  return f;
}

/** The same centre answers as JSON for the API, every rating = score. */
export function centreJsonAnswers(score: number): Record<string, unknown> {
  const form = centreFormAnswers(String(score));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(form)) {
    const [q, row] = k.slice(2).split('__');
    const value = /^\d$/.test(String(v)) ? Number(v) : v;
    if (row) out[q] = { ...(out[q] as object), [row]: value };
    else out[q] = value;
  }
  return out;
}
