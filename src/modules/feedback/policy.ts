/** Who may see what. Pure functions over the staff principal and an item. */
import { DEFAULT_CATEGORY_RULES, isCategoryCode } from './categories.js';

export interface Viewer {
  userId: string;
  roles: readonly string[];
}

const SENSITIVE_ROLES = ['leader', 'inspection'];

export const isSensitiveCategory = (category: string): boolean =>
  isCategoryCode(category) && DEFAULT_CATEGORY_RULES[category].sensitive;

/** Conduct items: only leaders and the inspection role; everything else: any staff of the unit. */
export function canSeeItem(viewer: Viewer, item: { category: string }): boolean {
  if (!isSensitiveCategory(item.category)) return true;
  return viewer.roles.some((r) => SENSITIVE_ROLES.includes(r));
}

/** The sender's identity is hidden from the official the item is about. */
export function canSeeSender(viewer: Viewer, item: { concerned_official_id: string | null }): boolean {
  return item.concerned_official_id === null || item.concerned_official_id !== viewer.userId;
}

export interface SenderFields {
  sender_name: string | null;
  sender_phone: string | null;
  sender_email: string | null;
  sender_handle: string | null;
}

/** A copy of `item` with the sender's identity removed when the viewer may not see it. */
export function forViewer<T extends SenderFields & { concerned_official_id: string | null }>(viewer: Viewer, item: T): T {
  if (canSeeSender(viewer, item)) return item;
  return { ...item, sender_name: null, sender_phone: null, sender_email: null, sender_handle: null };
}

/** Roles that may publish an item on the public board (the route guard and the form use the same list). */
export const PUBLISHER_ROLES = ['leader'] as const;
/** Same rule as `requireStaff(PUBLISHER_ROLES)`: an admin of the unit passes every role list. */
export const canPublish = (viewer: Viewer): boolean =>
  viewer.roles.some((r) => r === 'admin' || (PUBLISHER_ROLES as readonly string[]).includes(r));

/** Items that may ever appear on the public board or in Open311. */
export const isPublishable = (item: { category: string }): boolean => !isSensitiveCategory(item.category);

/** Coordinates a moderator publishes are rounded to 3 decimals (about 100 m), never the sender's exact point. */
export const roundPublic = (v: number): number => Math.round(v * 1000) / 1000;

/** Mask an e-mail or phone for showing it back to the citizen: `h***@example.vn`, `0912***678`. */
export function maskContact(value: string | null): string | null {
  if (!value) return null;
  if (value.includes('@')) {
    const [user, domain] = value.split('@');
    return `${user.slice(0, 1)}***@${domain}`;
  }
  return value.length > 6 ? `${value.slice(0, 4)}***${value.slice(-3)}` : '***';
}
