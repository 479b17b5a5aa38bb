import type { Kysely } from 'kysely';
import type { VNode } from 'preact';
import type { Config } from './config.js';
import type { Lang, Translate } from './i18n.js';
import type { NavItem, Role } from './module.js';
import type { PgBoss } from './jobs.js';
import type { Realtime } from './realtime.js';
import type { ModuleDefinition } from './module.js';

export interface UnitInfo {
  id: string;
  code: string;
  slug: string;
  name: string;
  name_en: string | null;
  type: 'ward' | 'commune' | 'special_zone' | 'city';
  parent_id: string | null;
  address: string | null;
  phone: string | null;
  hotline: string | null;
  email: string | null;
  website: string | null;
  settings: Record<string, any>;
}

export interface StaffPrincipal {
  kind: 'session' | 'token';
  userId: string | null;
  username: string;
  displayName: string;
  /** The unit the account belongs to. */
  unitId: string;
  roles: Role[];
  /** Units this principal may read: its own, plus the children of a city unit. */
  unitIds: string[];
  sessionId?: string;
  csrfToken?: string;
  secondFactorOk: boolean;
}

/** One registered route (method and URL pattern), as recorded by buildApp. */
export interface RouteEntry {
  method: string; url: string; hidden: boolean;
  /** The route's staff guard (`app.requireStaff(roles)`), null when it has none. */
  guard: { roles: Role[] | 'any' } | null;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route registered, in order (HEAD routes included). */
    routeTable: RouteEntry[];
    config: Config;
    /** Connected as the app role: every tenant query through withUnit(). */
    db: Kysely<any>;
    /** Connected as the owner: migrations, seeds, audit verification. Never for request data. */
    ownerDb: Kysely<any>;
    boss: PgBoss | null;
    realtime: Realtime;
    modules: ModuleDefinition[];
    requireStaff(roles?: Role[]): (req: FastifyRequest, reply: FastifyReply) => Promise<void>;
  }
  interface FastifyRequest {
    unit: UnitInfo | null;
    staff: StaffPrincipal | null;
    lang: Lang;
    t: Translate;
    /** The CSRF token to embed in forms (sets the anonymous CSRF cookie when needed). */
    csrfToken(): string;
    /** Public links of every module, for the unit header and home page (`src/core/navigation.ts`). */
    publicNav(): NavItem[];
    /** Staff links this principal may use in the request's unit. */
    staffNav(): NavItem[];
  }
  interface FastifyReply {
    /** Sends a full HTML page rendered from a Preact node. */
    html(node: VNode, status?: number): FastifyReply;
  }
}
