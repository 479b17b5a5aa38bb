import type { Kysely } from 'kysely';
import { distributeByUnit } from '../../../core/migration-distribution.js';

/**
 * Distribution keys (Citus): the directory, the calendar, reception schedules, land disclosures, monthly statistics
 * and published items are keyed by `(unit_id, id)`; disclosure documents, attachments and comments point at their
 * project or document with the unit (same `on delete` as before).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await distributeByUnit(db, {
    links: [
      { child: 'disclosure_documents', column: 'project_id', parent: 'land_projects' },
      { child: 'disclosure_attachments', column: 'document_id', parent: 'disclosure_documents', cascade: true },
      { child: 'disclosure_comments', column: 'project_id', parent: 'land_projects', cascade: true },
    ],
    keyedById: ['directory_entries', 'calendar_events', 'reception_schedules', 'land_projects', 'disclosure_documents',
      'disclosure_attachments', 'disclosure_comments', 'online_stats_monthly', 'published_items'],
  });
}
