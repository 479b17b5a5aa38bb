/**
 * The life of a dossier (hồ sơ TTHC) at the one-stop section, Decree 118/2025/NĐ-CP:
 *
 *   received → (supplement_requested ↔ supplemented) → processing → approved | refused
 *            → result_ready → returned;   any open state → withdrawn.
 *
 * A dossier may also be refused straight from `received` (Mẫu 03, refusal to accept), and the
 * processing department may ask for a supplement while processing.
 */
export const DOSSIER_STATUSES = [
  'received', 'supplement_requested', 'supplemented', 'processing',
  'approved', 'refused', 'result_ready', 'returned', 'withdrawn',
] as const;
export type DossierStatus = (typeof DOSSIER_STATUSES)[number];

export const DOSSIER_ACTIONS = [
  'request_supplement', 'supplement', 'start_processing', 'approve', 'refuse',
  'mark_result_ready', 'return', 'withdraw',
] as const;
export type DossierAction = (typeof DOSSIER_ACTIONS)[number];

const TRANSITIONS: Record<DossierAction, { from: readonly DossierStatus[]; to: DossierStatus }> = {
  request_supplement: { from: ['received', 'supplemented', 'processing'], to: 'supplement_requested' },
  supplement: { from: ['supplement_requested'], to: 'supplemented' },
  start_processing: { from: ['received', 'supplemented'], to: 'processing' },
  approve: { from: ['processing'], to: 'approved' },
  refuse: { from: ['received', 'supplemented', 'processing'], to: 'refused' },
  mark_result_ready: { from: ['approved', 'refused'], to: 'result_ready' },
  return: { from: ['result_ready'], to: 'returned' },
  withdraw: { from: ['received', 'supplement_requested', 'supplemented', 'processing'], to: 'withdrawn' },
};

export const isDossierStatus = (s: unknown): s is DossierStatus =>
  typeof s === 'string' && (DOSSIER_STATUSES as readonly string[]).includes(s);
export const isDossierAction = (s: unknown): s is DossierAction =>
  typeof s === 'string' && (DOSSIER_ACTIONS as readonly string[]).includes(s);

/** Status after `action`, or null when the action is not allowed from `status`. */
export function nextStatus(status: DossierStatus, action: DossierAction): DossierStatus | null {
  const t = TRANSITIONS[action];
  return t.from.includes(status) ? t.to : null;
}

/** Actions an officer may take from `status` (in a stable order, for the buttons). */
export function allowedActions(status: DossierStatus): DossierAction[] {
  return DOSSIER_ACTIONS.filter((a) => TRANSITIONS[a].from.includes(status));
}

/**
 * Actions only the deciding unit (the body competent to decide, `unit_id`) may take on a dossier
 * routed to it from another ward (Decree 118/2025: received anywhere in the province, decided by
 * the competent body). The receiving unit still receives, requests supplements, records them,
 * hands the dossier over, records the result coming back and returns it to the citizen.
 */
export const DECIDING_UNIT_ACTIONS: readonly DossierAction[] = ['approve', 'refuse'];

/** Whether staff of `actingUnitId` may take `action` on a dossier decided by `decidingUnitId`. */
export const unitMayAct = (action: DossierAction, decidingUnitId: string, actingUnitId: string) =>
  actingUnitId === decidingUnitId || !DECIDING_UNIT_ACTIONS.includes(action);

/** Closed dossiers: nothing more happens to them. */
export const isClosed = (s: DossierStatus) => s === 'returned' || s === 'withdrawn';

/** The result exists (approved or refused, ready or handed over): the deadline is met or missed. */
export const hasResult = (s: DossierStatus) =>
  s === 'approved' || s === 'refused' || s === 'result_ready' || s === 'returned';

/** While a supplement is awaited the deadline clock stops. */
export const isPaused = (s: DossierStatus) => s === 'supplement_requested';
