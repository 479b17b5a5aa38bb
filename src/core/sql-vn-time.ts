import { sql, type RawBuilder } from 'kysely';
import { VN_TIME_ZONE } from '../lib/vn-calendar/index.js';

/**
 * The Vietnamese day of a `timestamptz` column, for SQL that groups or compares by day; the same
 * day `vnDateOf` gives in TypeScript. @example vnDaySql('received_at') // (received_at at time zone 'Asia/Ho_Chi_Minh')::date
 */
export const vnDaySql = (column: string): RawBuilder<string> => sql<string>`(${sql.ref(column)} at time zone ${sql.lit(VN_TIME_ZONE)})::date`;

/** The Vietnamese year of a `timestamptz` column, as an integer. */
export const vnYearSql = (column: string): RawBuilder<number> =>
  sql<number>`extract(year from ${sql.ref(column)} at time zone ${sql.lit(VN_TIME_ZONE)})::int`;
