import { sql, type Transaction } from 'kysely';
import type { Category, LandKind } from './lib/categories.js';

type Trx = Transaction<any>;

export interface DisclosureDocument {
  id: string; category: Category; title: string; summary: string; document_number: string;
  published_on: string; posting_days: number; project_id: string | null; land_kind: LandKind | null;
  amount_dong: number | null; attachment_count: number;
}
export type DocumentInput = Omit<DisclosureDocument, 'id' | 'attachment_count'>;

export interface LandProject {
  id: string; name: string; location: string; description: string;
  comment_opens_on: string | null; comment_closes_on: string | null;
}
export type ProjectInput = Omit<LandProject, 'id'>;

export interface PublicComment { id: string; project_id: string; author_name: string; contact: string; body: string; status: string; created_at: Date }

const documentColumns = (trx: Trx) => trx.selectFrom('disclosure_documents as d').select([
  'd.id', 'd.category', 'd.title', 'd.summary', 'd.document_number', sql<string>`to_char(d.published_on, 'YYYY-MM-DD')`.as('published_on'),
  'd.posting_days', 'd.project_id', 'd.land_kind', sql<number | null>`d.amount_dong::float8`.as('amount_dong'),
  sql<number>`(select count(*)::int from disclosure_attachments a where a.document_id = d.id)`.as('attachment_count'),
]);

/** Documents, newest publication first; `projectId` null = documents outside any land project. */
export function listDocuments(trx: Trx, filter: { projectId?: string | null } = {}): Promise<DisclosureDocument[]> {
  let q = documentColumns(trx);
  if (filter.projectId === null) q = q.where('d.project_id', 'is', null);
  else if (filter.projectId) q = q.where('d.project_id', '=', filter.projectId);
  return q.orderBy('d.published_on', 'desc').orderBy('d.title').execute() as Promise<DisclosureDocument[]>;
}

export function getDocument(trx: Trx, id: string): Promise<DisclosureDocument | undefined> {
  return documentColumns(trx).where('d.id', '=', id).executeTakeFirst() as Promise<DisclosureDocument | undefined>;
}

export function insertDocument(trx: Trx, unitId: string, input: DocumentInput): Promise<{ id: string }> {
  return trx.insertInto('disclosure_documents').values({ ...input, unit_id: unitId }).returning(['id']).executeTakeFirstOrThrow();
}

export function listAttachments(trx: Trx, documentId: string): Promise<{ id: string; file_name: string; byte_size: number }[]> {
  return trx.selectFrom('disclosure_attachments').select(['id', 'file_name', 'byte_size'])
    .where('document_id', '=', documentId).orderBy('uploaded_at').execute();
}

export function insertAttachment(trx: Trx, unitId: string, documentId: string, fileName: string, content: Buffer) {
  return trx.insertInto('disclosure_attachments')
    .values({ unit_id: unitId, document_id: documentId, file_name: fileName, byte_size: content.length, content })
    .returning(['id', 'file_name', 'byte_size']).executeTakeFirstOrThrow();
}

export function getAttachment(trx: Trx, id: string): Promise<{ file_name: string; content: Buffer } | undefined> {
  return trx.selectFrom('disclosure_attachments').select(['file_name', 'content']).where('id', '=', id).executeTakeFirst();
}

const projectColumns = (trx: Trx) => trx.selectFrom('land_projects').select([
  'id', 'name', 'location', 'description',
  sql<string | null>`to_char(comment_opens_on, 'YYYY-MM-DD')`.as('comment_opens_on'),
  sql<string | null>`to_char(comment_closes_on, 'YYYY-MM-DD')`.as('comment_closes_on'),
]);

export function listProjects(trx: Trx): Promise<LandProject[]> {
  return projectColumns(trx).orderBy('created_at', 'desc').execute() as Promise<LandProject[]>;
}

export function getProject(trx: Trx, id: string): Promise<LandProject | undefined> {
  return projectColumns(trx).where('id', '=', id).executeTakeFirst() as Promise<LandProject | undefined>;
}

export function insertProject(trx: Trx, unitId: string, input: ProjectInput): Promise<{ id: string }> {
  return trx.insertInto('land_projects').values({ ...input, unit_id: unitId }).returning(['id']).executeTakeFirstOrThrow();
}

export function insertComment(trx: Trx, unitId: string, projectId: string, c: { author_name: string; contact: string; body: string }) {
  return trx.insertInto('disclosure_comments').values({ ...c, unit_id: unitId, project_id: projectId }).returning(['id']).executeTakeFirstOrThrow();
}

export function listComments(trx: Trx, filter: { projectId?: string; status?: string }): Promise<PublicComment[]> {
  let q = trx.selectFrom('disclosure_comments').select(['id', 'project_id', 'author_name', 'contact', 'body', 'status', 'created_at']);
  if (filter.projectId) q = q.where('project_id', '=', filter.projectId);
  if (filter.status) q = q.where('status', '=', filter.status);
  return q.orderBy('created_at').execute() as Promise<PublicComment[]>;
}

/** Approves or rejects a pending comment; returns the row before, or undefined if not pending. */
export async function moderateComment(trx: Trx, id: string, status: 'approved' | 'rejected'): Promise<PublicComment | undefined> {
  const before = await trx.selectFrom('disclosure_comments').select(['id', 'project_id', 'author_name', 'contact', 'body', 'status', 'created_at'])
    .where('id', '=', id).where('status', '=', 'pending').executeTakeFirst();
  if (!before) return undefined;
  await trx.updateTable('disclosure_comments').set({ status, moderated_at: new Date() }).where('id', '=', id).execute();
  return before as PublicComment;
}
