/**
 * What a commune must publish (Law on Grassroots Democracy 2022 art. 11; Law on Anti-corruption 2018 art. 10),
 * condensed to categories a ward officer recognises. Labels: i18n `transparency.category.<key>`.
 */
export const CATEGORIES = [
  'socio_economic', 'budget', 'land_use', 'land_recovery', 'investment', 'procedures',
  'social_policy', 'contributions', 'inspection', 'anti_corruption', 'officials', 'other',
] as const;
export type Category = (typeof CATEGORIES)[number];
export const isCategory = (v: string): v is Category => (CATEGORIES as readonly string[]).includes(v);

/** Kinds of land-recovery documents (plan, decision, list of households and amounts). */
export const LAND_KINDS = ['plan', 'decision', 'list', 'other'] as const;
export type LandKind = (typeof LAND_KINDS)[number];
export const isLandKind = (v: string): v is LandKind => (LAND_KINDS as readonly string[]).includes(v);
