import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import type { UnitInfo } from '../types.js';

export interface UploadedFile { field: string; filename: string; mimetype: string; data: Buffer }

/**
 * Form fields as plain strings (repeated fields as the last value; use `formValues` for lists)
 * and uploaded files, for both urlencoded and multipart posts.
 */
export async function readForm(req: FastifyRequest): Promise<{ fields: Record<string, string>; lists: Record<string, string[]>; files: UploadedFile[] }> {
  const body = (req.body ?? {}) as Record<string, any>;
  const fields: Record<string, string> = {};
  const lists: Record<string, string[]> = {};
  const files: UploadedFile[] = [];
  for (const [name, raw] of Object.entries(body)) {
    for (const item of Array.isArray(raw) ? raw : [raw]) {
      if (item && typeof item === 'object' && 'fieldname' in item) {
        if (item.type === 'file' || item.file) {
          if (item.filename) files.push({ field: name, filename: item.filename, mimetype: item.mimetype, data: await item.toBuffer() });
          continue;
        }
        push(name, String(item.value ?? ''));
      } else if (item !== undefined && item !== null) {
        push(name, String(item));
      }
    }
  }
  return { fields, lists, files };

  function push(name: string, value: string) {
    fields[name] = value;
    (lists[name] ??= []).push(value);
  }
}

/** The `_csrf` field of a parsed form body (urlencoded or multipart). */
export function csrfFieldOf(body: unknown): string | undefined {
  const v = (body as any)?._csrf;
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && typeof v.value === 'string') return v.value;
  return undefined;
}

/** A form or query value as a trimmed string: '' when absent or not a string. */
export const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

/** A named field of a parsed body (urlencoded or multipart; the first of a repeated field) as a trimmed string. */
export function fieldText(body: Record<string, unknown>, name: string): string {
  const v = body[name];
  const first = Array.isArray(v) ? v[0] : v;
  if (first && typeof first === 'object' && 'value' in first) return String((first as { value: unknown }).value ?? '').trim();
  return typeof first === 'string' || typeof first === 'number' ? String(first).trim() : '';
}

/** The unit of a unit-scoped route (`/:unit/...`, `/quan-tri/:unit/...`); 404 when the request has none. */
export function unitOf(req: FastifyRequest): UnitInfo {
  if (!req.unit) throw AppError.notFound();
  return req.unit;
}
