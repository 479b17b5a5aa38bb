/**
 * Feedback categories and their default handling deadlines.
 *
 * Defaults (working days, counted from the day after receipt, RULES-VN.md §2.2):
 * - 10 working days for ordinary reflections and recommendations — RULES-VN.md §4.4 cites
 *   10 days as the commonly used classification/handling step (Decree 20/2008, Circular
 *   05/2021/TT-TTCP); the figure is unconfirmed there, so every unit can override it in the
 *   `feedback_deadlines` table.
 * - 5 working days for items about an official's conduct and for security/order items: they are
 *   handled faster because they touch trust in the government and public safety.
 * - 15 working days for suggestions; praise is acknowledged within 5.
 */
export const CATEGORY_CODES = [
  'procedure', 'conduct', 'infrastructure', 'environment', 'security', 'suggestion', 'praise', 'other',
] as const;
export type CategoryCode = (typeof CATEGORY_CODES)[number];

export interface CategoryRule {
  code: CategoryCode;
  /** Working days to answer. */
  deadlineDays: number;
  /** Send a reminder this many working days before the deadline. */
  remindDaysBefore: number;
  /** Only leaders and the inspection role may see these items; never published. */
  sensitive: boolean;
  /** Open311 service code and group. */
  open311Group: string;
}

export const DEFAULT_CATEGORY_RULES: Record<CategoryCode, CategoryRule> = {
  procedure: { code: 'procedure', deadlineDays: 10, remindDaysBefore: 2, sensitive: false, open311Group: 'administration' },
  conduct: { code: 'conduct', deadlineDays: 5, remindDaysBefore: 1, sensitive: true, open311Group: 'administration' },
  infrastructure: { code: 'infrastructure', deadlineDays: 10, remindDaysBefore: 2, sensitive: false, open311Group: 'urban' },
  environment: { code: 'environment', deadlineDays: 10, remindDaysBefore: 2, sensitive: false, open311Group: 'urban' },
  security: { code: 'security', deadlineDays: 5, remindDaysBefore: 1, sensitive: false, open311Group: 'public-order' },
  suggestion: { code: 'suggestion', deadlineDays: 15, remindDaysBefore: 3, sensitive: false, open311Group: 'administration' },
  praise: { code: 'praise', deadlineDays: 5, remindDaysBefore: 1, sensitive: false, open311Group: 'administration' },
  other: { code: 'other', deadlineDays: 10, remindDaysBefore: 2, sensitive: false, open311Group: 'other' },
};

export const isCategoryCode = (value: unknown): value is CategoryCode =>
  typeof value === 'string' && (CATEGORY_CODES as readonly string[]).includes(value);

/** Merge a unit's overrides (rows of `feedback_deadlines`) over the defaults. */
export function categoryRules(
  overrides: Array<{ category: string; working_days: number; remind_days_before: number }> = [],
): Record<CategoryCode, CategoryRule> {
  const rules = structuredClone(DEFAULT_CATEGORY_RULES);
  for (const o of overrides) {
    if (!isCategoryCode(o.category)) continue;
    rules[o.category].deadlineDays = o.working_days;
    rules[o.category].remindDaysBefore = o.remind_days_before;
  }
  return rules;
}

export const CHANNELS = [
  'web', 'api', 'open311', 'suggestion_box', 'hotline', 'email', 'zalo', 'facebook', 'sms', 'in_person', 'mass_org',
] as const;
export type Channel = (typeof CHANNELS)[number];
export const isChannel = (value: unknown): value is Channel =>
  typeof value === 'string' && (CHANNELS as readonly string[]).includes(value);

/** Channels whose replies go back through a messaging adapter. */
export const MESSAGING_CHANNELS = ['sms', 'zalo', 'facebook'] as const;
export type MessagingChannel = (typeof MESSAGING_CHANNELS)[number];
export const isMessagingChannel = (value: unknown): value is MessagingChannel =>
  typeof value === 'string' && (MESSAGING_CHANNELS as readonly string[]).includes(value);

/** Mass organisations whose weekly intake the ward records (Đề án, PHẦN III). */
export const ORGANISATIONS = [
  'fatherland_front', 'womens_union', 'youth_union', 'veterans', 'farmers', 'elderly',
] as const;
export type OrganisationCode = (typeof ORGANISATIONS)[number];
