import type { Kysely } from 'kysely';
import { distributeByUnit } from '../../../core/migration-distribution.js';

/**
 * Distribution keys (Citus): the unit's procedures, their versions, attachments and imports are keyed by
 * `(unit_id, id)`; versions and attachments point at their procedure with the unit (same cascade as before).
 * Queries run under row-level security, so the `(unit_id, id)` keys serve the look-ups by id.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await distributeByUnit(db, {
    links: [
      { child: 'procedure_versions', column: 'procedure_id', parent: 'catalogue_procedures', cascade: true },
      { child: 'catalogue_attachments', column: 'procedure_id', parent: 'catalogue_procedures', cascade: true },
    ],
    keyedById: ['catalogue_procedures', 'procedure_versions', 'catalogue_attachments', 'catalogue_imports'],
    rekeys: [{ table: 'procedure_versions', drop: 'procedure_versions_procedure_id_version_key', add: 'unique (unit_id, procedure_id, version)' }],
  });
}
