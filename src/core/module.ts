import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { Kysely } from 'kysely';
import type { PgBoss } from './jobs.js';
import type { Messages } from './i18n.js';
import type { IndicatorSource, ProviderRegistry } from './providers.js';
import type { DashboardSource } from './dashboard/types.js';

/** A link a module adds to the public unit home page or to the staff menu. */
export interface NavItem {
  /** Path below the unit, without leading slash: `thu-tuc` → `/{unit}/thu-tuc`. Staff: below `/quan-tri/{unit}/`. */
  path: string;
  /** i18n key of the label. */
  label: string;
  /** i18n key of a one-line description (home page cards). */
  description?: string;
  /** Roles that see a staff link; absent = every staff role of the unit. */
  roles?: Role[];
  order?: number;
}

export type Role =
  | 'admin' | 'leader' | 'centre_officer' | 'department_officer'
  | 'mass_org_liaison' | 'viewer' | 'inspection' | 'city';

export interface SeedContext {
  /** Owner connection (bypasses RLS); use only inside seeds and migrations. */
  db: Kysely<any>;
  /** Unit id (uuid) of the demo ward `chu-van-an`. */
  unitId: string;
  unitSlug: string;
  /** Ids of every unit by slug, for modules that seed neighbours too. */
  unitIdsBySlug: Record<string, string>;
  /** A fixed clock for repeatable demo data: "today" of the seed. */
  now: Date;
}

export interface ModuleDefinition {
  /** Folder name under src/modules/. */
  name: string;
  /** Fastify plugin with the module's routes (HTML and JSON). Registered at the root prefix. */
  routes?: (app: FastifyInstance) => Promise<void>;
  /** Reference data for every installation (idempotent; runs on every `migrate`). */
  seedReference?: (ctx: Omit<SeedContext, 'unitId' | 'unitSlug'>) => Promise<void>;
  /** Demo data for the demo ward (runs once, when the demo ward is created). */
  seedDemo?: (ctx: SeedContext) => Promise<void>;
  /** pg-boss workers and schedules. */
  jobs?: (boss: PgBoss, app: FastifyInstance) => Promise<void>;
  nav?: NavItem[];
  staffNav?: NavItem[];
  messages?: Messages;
  /** A small block on the unit home page (e.g. the next citizen-reception session); null hides it. */
  homeWidget?: (req: FastifyRequest) => Promise<VNode | null>;
  /** Services offered to other modules (`provider(key)` in `src/core/providers.ts`). */
  provides?: Partial<ProviderRegistry>;
  /** The module's figures for the scoring module (criteria 1–4), per unit and year. */
  indicators?: IndicatorSource;
  /** Counts for the staff home's "today" board (and month trends for leaders); null hides the group. */
  dashboard?: DashboardSource;
}

export const defineModule = (m: ModuleDefinition): ModuleDefinition => m;
