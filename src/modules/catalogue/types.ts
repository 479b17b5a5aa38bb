export type ProcessingUnit = 'immediate' | 'working_day' | 'day';
export type OnlineLevel = 'toàn trình' | 'một phần';
export const ONLINE_LEVELS: OnlineLevel[] = ['toàn trình', 'một phần'];
export const PROCESSING_UNITS: ProcessingUnit[] = ['immediate', 'working_day', 'day'];

/** Tiered fee: e.g. copy certification 2.000 đ/page for pages 1–2, then 1.000 đ/page, at most 200.000 đ. */
export interface FeeTiers {
  first_units: number;
  first_rate: number;
  next_rate: number;
  max_per_copy: number | null;
}

/** Everything staff can edit about a procedure (also the shape of a version snapshot). */
export interface ProcedureData {
  referenceId: string | null;
  code: string | null;
  slug: string;
  name: string;
  nameEn: string | null;
  field: string;
  processing: { value: number; unit: ProcessingUnit; note: string | null };
  /**
   * `amount` is the fee at the desk; `onlineAmount` the lower fee when the dossier is submitted online
   * (e.g. residence registration, Circular 75/2022: 20.000 đ at the desk, 10.000 đ online), when set.
   */
  fee: { amount: number | null; unit: string | null; tiers: FeeTiers | null; note: string | null; onlineAmount?: number | null };
  documents: string[];
  steps: string[];
  legalBasis: string[];
  keywords: string[];
  sources: string[];
  onlineLevel: OnlineLevel | null;
  counter: string | null;
  published: boolean;
  needsReview: boolean;
  reviewNote: string | null;
}

export interface Procedure extends ProcedureData {
  id: string;
  unitId: string;
  /** Short code within the unit (`TT007`), used in the fee transfer note. */
  shortCode: string;
  version: number;
  updatedAt: Date;
  updatedBy: string | null;
  reviewedAt: Date | null;
  reviewedBy: string | null;
}

export interface ProcedureVersion {
  id: string;
  procedureId: string;
  version: number;
  data: ProcedureData;
  changeNote: string | null;
  changedBy: string | null;
  changedAt: Date;
}

export interface Attachment {
  id: string;
  procedureId: string;
  title: string;
  filename: string;
  mimeType: string;
  sizeBytes: number;
  createdAt: Date;
}

/** How the dossier is submitted, which decides the fee: at the desk (also by post) or online. */
export type FeeChannel = 'desk' | 'online';
export const FEE_CHANNELS: FeeChannel[] = ['desk', 'online'];

export interface PaymentAccount {
  bankBin: string;
  accountNumber: string;
  accountName: string;
}
