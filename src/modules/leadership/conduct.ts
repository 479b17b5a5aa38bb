/**
 * The confidential track for reports about an official's conduct (feedback category "conduct").
 * The feedback module hands each such submission to `captureConductReport` inside its insert
 * transaction and stores no sender identity itself; the identity lives here, readable only by the
 * report's handler and the head (confidentiality.ts).
 */
import type { Kysely, Transaction } from 'kysely';
import { insertIdentity } from './confidentiality.js';

type Db = Kysely<any> | Transaction<any>;

export interface ConductSubmission {
  unitId: string;
  /** null for reports recorded without a feedback item (e.g. demo data). */
  feedbackId: string | null;
  code: string | null;
  content: string;
  receivedAt: Date;
  sender: { name: string | null; phone: string | null; email: string | null; handle: string | null };
}

/** What the feedback module calls (`provider('conductReports')`). */
export interface ConductReportsProvider {
  captureConductReport(trx: Db, s: ConductSubmission): Promise<void>;
}

export async function captureConductReport(trx: Db, s: ConductSubmission): Promise<void> {
  const row = await trx.insertInto('leadership_conduct_reports').values({
    unit_id: s.unitId, feedback_id: s.feedbackId, feedback_code: s.code, content: s.content, received_at: s.receivedAt,
  }).returning('id').executeTakeFirstOrThrow();
  const { name, phone, email, handle } = s.sender;
  if (name || phone || email || handle) {
    await insertIdentity(trx, s.unitId, 'conduct_report', row.id, { name, phone: phone ?? handle, email, address: null, id_number: null });
  }
}

export interface ConductReport {
  id: string; feedback_code: string | null; content: string; received_at: Date; official_id: string | null;
  handler_id: string | null; status: string; case_id: string | null;
}

export function listConductReports(trx: Db): Promise<ConductReport[]> {
  return trx.selectFrom('leadership_conduct_reports')
    .select(['id', 'feedback_code', 'content', 'received_at', 'official_id', 'handler_id', 'status', 'case_id'])
    .orderBy('received_at', 'desc').limit(200).execute() as Promise<ConductReport[]>;
}

/** An anonymous complaint or denunciation is not handled as a case: it is kept as information. */
export async function recordAnonymousInformation(trx: Db, unitId: string, content: string): Promise<string> {
  const info = await trx.insertInto('leadership_conduct_reports').values({ unit_id: unitId, content, status: 'information' })
    .returning('id').executeTakeFirstOrThrow();
  return info.id as string;
}

export async function assignConductReport(trx: Db, id: string, officialId: string | null, handlerId: string | null): Promise<void> {
  await trx.updateTable('leadership_conduct_reports').set({ official_id: officialId, handler_id: handlerId, status: 'reviewing' })
    .where('id', '=', id).execute();
}

export async function markConductReportCase(trx: Db, id: string, caseId: string): Promise<void> {
  await trx.updateTable('leadership_conduct_reports').set({ case_id: caseId, status: 'case' }).where('id', '=', id).execute();
}

export async function markConductReportInformation(trx: Db, id: string): Promise<void> {
  await trx.updateTable('leadership_conduct_reports').set({ status: 'information' }).where('id', '=', id).execute();
}

export function reporterIdentities(
  trx: Db, reportId: string,
): Promise<Array<{ name: string | null; phone: string | null; email: string | null;
  address: string | null; id_number: string | null }>> {
  return trx.selectFrom('leadership_identities').select(['name', 'phone', 'email', 'address', 'id_number'])
    .where('owner_kind', '=', 'conduct_report').where('owner_id', '=', reportId).execute() as Promise<any>;
}

export function getConductReport(trx: Db, id: string): Promise<ConductReport | undefined> {
  return trx.selectFrom('leadership_conduct_reports')
    .select(['id', 'feedback_code', 'content', 'received_at', 'official_id', 'handler_id', 'status', 'case_id'])
    .where('id', '=', id).executeTakeFirst() as Promise<ConductReport | undefined>;
}
