import { sql, type Kysely } from 'kysely';
import { withUnit } from '../../core/tenancy.js';
import { enqueueEmail } from '../../core/mail.js';
import { translator } from '../../core/i18n.js';
import { daysOverdue, needsReminder } from './lib/freshness.js';
import { listPublished, markReminded } from './repo-published.js';

export const REVIEW_REMINDER_JOB = 'transparency-review-reminders';

const stateOf = (i: { last_reviewed_at: Date; review_interval_days: number; reminded_at: Date | null }) =>
  ({ lastReviewedAt: i.last_reviewed_at, reviewIntervalDays: i.review_interval_days, remindedAt: i.reminded_at });

/**
 * For every unit, emails (through the core outbox) one reminder listing the items that became
 * overdue since the last reminder, and marks them reminded, in one transaction per unit.
 * Returns the number of reminder emails queued.
 */
export async function sendReviewReminders(db: Kysely<any>, publicUrl: string, now = new Date()): Promise<number> {
  const { rows: units } = await sql<{ id: string; slug: string; name: string; email: string | null }>`
    select id, slug, name, email from units where type <> 'city' order by slug`.execute(db);
  const t = translator('vi');
  let sent = 0;
  for (const unit of units) {
    if (!unit.email) continue;
    const queued = await withUnit(db, unit.id, async (trx) => {
      const due = (await listPublished(trx)).filter((i) => needsReminder(stateOf(i), now));
      if (!due.length) return false;
      const lines = due.map((i) => `- ${i.title} (${t('transparency.review.overdue_days', { days: daysOverdue(stateOf(i), now) })}): ${publicUrl}${i.path}`);
      await enqueueEmail(trx, {
        unitId: unit.id, to: unit.email!, subject: t('transparency.review.mail_subject', { unit: unit.name, count: due.length }),
        text: [t('transparency.review.mail_intro'), '', ...lines, '', t('transparency.review.mail_footer', { url: `${publicUrl}/quan-tri/${unit.slug}/ra-soat` })].join('\n'),
      });
      await markReminded(trx, due.map((i) => i.id), now);
      return true;
    });
    if (queued) sent++;
  }
  return sent;
}
