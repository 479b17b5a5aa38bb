/**
 * Vietnamese personal titles (danh xưng) for letters. Officials write "Cụ" to the very old,
 * "Ông"/"Bà" to adults, "Anh"/"Chị" to young people (a newly married couple, a young volunteer).
 * Staff may always override the choice.
 */
export const HONORIFICS = ['Cụ', 'Ông', 'Bà', 'Anh', 'Chị', 'Ông/Bà'] as const;
export type Honorific = (typeof HONORIFICS)[number];
export type Gender = 'male' | 'female';

/** Ages at which the title changes: from 80 "Cụ" (longevity celebrations), under 35 "Anh/Chị". */
export const ELDER_AGE = 80;
export const YOUNG_BELOW = 35;

export interface HonorificInput {
  gender?: Gender | null;
  birthYear?: number | null;
  /** The year of the letter (age = year − birth year). */
  year: number;
  /** A title chosen by staff wins over the rule. */
  override?: string | null;
}

export const isHonorific = (v: unknown): v is Honorific => (HONORIFICS as readonly unknown[]).includes(v);

/**
 * @example chooseHonorific({ gender: 'female', birthYear: 1998, year: 2026 }) // 'Chị'
 * @example chooseHonorific({ gender: 'male', birthYear: 1940, year: 2026 })   // 'Cụ'
 * @example chooseHonorific({ year: 2026 })                                     // 'Ông/Bà'
 */
export function chooseHonorific(p: HonorificInput): Honorific {
  if (isHonorific(p.override)) return p.override;
  const age = p.birthYear ? p.year - p.birthYear : null;
  if (age !== null && age >= ELDER_AGE) return 'Cụ';
  if (!p.gender) return 'Ông/Bà';
  const young = age !== null && age < YOUNG_BELOW;
  if (p.gender === 'male') return young ? 'Anh' : 'Ông';
  return young ? 'Chị' : 'Bà';
}

/** The title inside a sentence: "Kính gửi Ông …" but "… gửi tới ông và gia đình". */
export const lowerHonorific = (h: string): string => h.charAt(0).toLowerCase() + h.slice(1);
