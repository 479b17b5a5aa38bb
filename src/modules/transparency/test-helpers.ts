import type { Session, TestApp } from '../../../test/helpers/app.js';

/** Posts an urlencoded form as a logged-in staff member (CSRF token in `_csrf`), without following redirects. */
export function postForm(t: TestApp, s: Session | null, path: string, fields: Record<string, string | string[]>) {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
  if (s) body.set('_csrf', s.csrf);
  return fetch(`${t.url}${path}`, { method: 'POST', redirect: 'manual', body,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(s ? { cookie: s.cookie } : {}) } });
}

/** Posts multipart form data (files as Blobs) as a logged-in staff member. */
export function postMultipart(t: TestApp, s: Session, path: string, fields: Record<string, string>, files: Record<string, { name: string; data: Buffer; type?: string }> = {}) {
  const fd = new FormData();
  fd.set('_csrf', s.csrf);
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  for (const [k, f] of Object.entries(files)) fd.set(k, new Blob([new Uint8Array(f.data)], { type: f.type ?? 'application/pdf' }), f.name);
  return fetch(`${t.url}${path}`, { method: 'POST', redirect: 'manual', body: fd, headers: { cookie: s.cookie } });
}

/** Audit entries of an action, newest first (owner connection). */
export async function auditRows(t: TestApp, action: string) {
  return t.db.selectFrom('audit_log').select(['action', 'entity', 'entity_id', 'actor_name', 'after']).where('action', '=', action).orderBy('id', 'desc').execute();
}
