import type { SourceValue } from './scorecard.js';
import { MANUAL } from './rubric/manual-indicators.js';

/**
 * A hand-scored year (2026, "now" 20/11/2026 → 11 months elapsed) with the default rubric.
 * Expected, worked out by hand in scorecard.test.ts: C1 21/30, C2 20/30, C3 15.5/20, C4 11.5/20,
 * total 68/100 = 68 % → Level 2 (Level 3 needs 80 %, C4 ≥ 65 % and no working-rule violation).
 */
export const HAND_VALUES: Record<string, number | null> = {
  'catalogue.procedures_complete': 92, 'transparency.directory_complete': 100, 'transparency.reception_schedule_published': 1,
  'transparency.weekly_calendar_on_time': 80, 'transparency.hotline_published': 1, 'transparency.commitment_published': 0,
  'transparency.online_stats_published': null, 'transparency.reviews_not_overdue': 96, 'feedback.channels_active': 5,
  'feedback.answered_on_time': 97, 'feedback.weekly_intake_coverage': 90,
  'dossiers.on_time_rate': 98, 'dossiers.fast_track_weeks': 100, 'dossiers.home_service_served': 100, 'outreach.volunteer_days_covered': null,
  'outreach.letters_marriage': 60, 'outreach.letters_condolence': 3, 'outreach.letters_thanks': 0, 'outreach.letters_apology': null,
  'dossiers.overdue_apologised': 75, 'outreach.contributor_meetings': 1, 'surveys.centre_satisfaction': 91.5, 'surveys.government_satisfaction': 84,
  'leadership.weekly_field_visits': 88, 'leadership.head_monthly_reception': 100, 'leadership.complaints_resolved_on_time': 100,
  'leadership.resolved_at_ward': 90, 'leadership.officials_disciplined': 0, 'leadership.rule_violations': 1,
  'catalogue.fee_qr_enabled': 1, 'centre.queue_in_use': 1, 'centre.rating_devices_in_use': 0, 'community.broadcasts_published': 22,
  'community.app_adoption': 45, 'community.online_votes_held': 2,
};

/** Manual entries of the hand-scored year: value and review status. */
export const HAND_MANUAL: { id: string; value: number; status: 'approved' | 'pending' | 'rejected' }[] = [
  { id: MANUAL.landDisclosure, value: 1, status: 'approved' },
  { id: MANUAL.publicityForms, value: 1, status: 'pending' },
  { id: MANUAL.frontSupervision, value: 1, status: 'approved' },
  { id: MANUAL.uniformConduct, value: 1, status: 'approved' },
  { id: MANUAL.greenParking, value: 1, status: 'approved' },
  { id: MANUAL.comfort, value: 0.5, status: 'approved' },
  { id: MANUAL.namePlates, value: 1, status: 'approved' },
  { id: MANUAL.equipment, value: 1, status: 'rejected' },
  { id: MANUAL.wifi, value: 1, status: 'approved' },
  { id: MANUAL.cameras, value: 1, status: 'approved' },
];

export const HAND_NOW = new Date('2026-11-20T03:00:00Z');

export function handValues(): Map<string, SourceValue> {
  const m = new Map<string, SourceValue>();
  for (const [id, value] of Object.entries(HAND_VALUES)) m.set(id, { id, value, origin: 'measured' });
  for (const e of HAND_MANUAL) m.set(e.id, { id: e.id, value: e.status === 'approved' ? e.value : null, pending: e.status === 'pending', origin: 'manual' });
  return m;
}
