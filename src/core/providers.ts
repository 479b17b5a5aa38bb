import type { Kysely } from 'kysely';

/**
 * Services one module offers to others, keyed by name. A providing module adds its entry by
 * declaration merging in its own `index.ts`, so consumers get the provider's real type:
 *
 * ```ts
 * declare module '../../core/providers.js' {
 *   interface ProviderRegistry { workCalendar: WorkCalendarProvider }
 * }
 * export default defineModule({ name: 'calendar', provides: { workCalendar: { ... } } });
 * ```
 *
 * A consumer calls `provider('workCalendar')`: the provider, or `null` when the module that
 * provides it is not installed (`THANTHIEN_MODULES`). That is the only failure tolerated; errors
 * thrown by a provider's functions reach the caller.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ProviderRegistry {}

export type ProviderKey = keyof ProviderRegistry;

const providers = new Map<string, { module: string; value: unknown }>();

/** Called by the module loader for each module's `provides`; two modules may not provide one key. */
export function registerProviders(moduleName: string, provides: Partial<ProviderRegistry> | undefined): void {
  for (const [key, value] of Object.entries(provides ?? {})) {
    if (value === undefined) continue;
    const existing = providers.get(key);
    if (existing && existing.module !== moduleName) {
      throw new Error(`Provider "${key}" is offered by both ${existing.module} and ${moduleName}`);
    }
    providers.set(key, { module: moduleName, value });
  }
}

/** The installed provider for `key`, or null when the module offering it is not installed. */
export function provider<K extends ProviderKey>(key: K): ProviderRegistry[K] | null {
  return (providers.get(key as string)?.value as ProviderRegistry[K] | undefined) ?? null;
}

/**
 * Test support: replaces (or, with `null`, removes) one provider of the running app; call the
 * returned function to put the installed one back.
 */
export function overrideProviderForTests<K extends ProviderKey>(key: K, value: ProviderRegistry[K] | null): () => void {
  const before = providers.get(key as string);
  if (value === null) providers.delete(key as string);
  else providers.set(key as string, { module: 'test', value });
  return () => { if (before) providers.set(key as string, before); else providers.delete(key as string); };
}

/** Test support: forget every registration (the loader registers again on the next load). */
export function resetProvidersForTests(): void {
  providers.clear();
}

// ---------------------------------------------------------------------------------------------
// Indicators: every module exposes the figures the scoring module reads (criteria 1–4).

export type IndicatorUnit = 'percent' | 'count' | 'ratio' | 'boolean' | 'index' | 'seconds' | 'days';

/** What an indicator measures. Ids are `<module>.<name>` and never change meaning once shipped. */
export interface IndicatorDefinition {
  id: string;
  /** The programme criterion (1–4 of the seed decision) it serves. */
  criterion: 1 | 2 | 3 | 4;
  label: { vi: string; en: string };
  /** How it is computed, in words, shown beside the value ("tuần có lịch / số tuần"). */
  formula: { vi: string; en: string };
  unit: IndicatorUnit;
  /** Higher is better (default true); false for e.g. "officials disciplined". */
  higherIsBetter?: boolean;
}

/** One computed value for one unit and period. `value: null` means no data ("not measured"). */
export interface IndicatorValue {
  id: string;
  value: number | null;
  numerator?: number;
  denominator?: number;
  /** Path below `/quan-tri/{unit}/` listing the records behind the figure. */
  drillDown?: string;
  /** A short remark (which weeks were missed, …). */
  note?: string;
}

export interface IndicatorContext {
  /** App-role connection: run tenant queries inside `withUnit(db, unitId, …)`. */
  db: Kysely<any>;
  unitId: string;
  /** The assessed calendar year and its bounds in Vietnam time, [from, to). */
  year: number;
  from: Date;
  to: Date;
  /** "Today" for periods still running: weeks and months after it are not counted. */
  now: Date;
}

export interface IndicatorSource {
  definitions: IndicatorDefinition[];
  compute(ctx: IndicatorContext): Promise<IndicatorValue[]>;
}

const indicatorSources = new Map<string, IndicatorSource>();

export function registerIndicators(moduleName: string, source: IndicatorSource | undefined): void {
  if (source) indicatorSources.set(moduleName, source);
  else indicatorSources.delete(moduleName);
}

/** Every installed module's indicator definitions, by module name. */
export function indicatorDefinitions(): { module: string; definition: IndicatorDefinition }[] {
  return [...indicatorSources].flatMap(([module, s]) => s.definitions.map((definition) => ({ module, definition })));
}

/**
 * Computes the indicators of every installed module for one unit and year. A definition whose
 * module returned no value comes back with `value: null`; an error in a module surfaces.
 */
export async function computeIndicators(ctx: IndicatorContext): Promise<(IndicatorValue & { module: string; definition: IndicatorDefinition })[]> {
  const perModule = await Promise.all([...indicatorSources].map(async ([module, source]) => {
    const values = new Map((await source.compute(ctx)).map((v) => [v.id, v]));
    return source.definitions.map((definition) => ({ module, definition, ...(values.get(definition.id) ?? { id: definition.id, value: null }) }));
  }));
  return perModule.flat();
}

/** Bounds of a calendar year in Vietnam time (UTC+7, no daylight saving). */
export { yearBounds as vnYearBounds } from '../lib/vn-calendar/vn-time.js';
