import type { FastifyRequest } from 'fastify';

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
