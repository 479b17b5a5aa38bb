import type { Kysely } from 'kysely';
import { defineModule } from '../../core/module.js';
import { messages } from './i18n.js';
import { procedureSearchWidget } from './home-search.js';
import { publicRoutes } from './routes-public.js';
import { apiRoutes } from './routes-api.js';
import { staffRoutes } from './routes-staff.js';
import { importRoutes } from './routes-import.js';
import { settingsRoutes, SETTINGS_PATH } from './routes-settings.js';
import { assignDemoCounters, publishCatalogueEverywhere, publishReferenceCatalogue, seedDemoPaymentAccount, seedReferenceCatalogue } from './seed.js';
import { seedDemoDeclarationForms } from './demo-forms.js';
import { accountFromUnitSettings } from './payment.js';
import { catalogueIndicatorSource } from './indicator-source.js';
import { dossierFeeQr, findProcedure, listProcedures, searchCatalogue } from './service.js';
import type { PaymentQr } from './payment.js';
import type { FeeChannel, Procedure } from './types.js';

/** What other modules read of the unit's published catalogue (dossiers: the procedures offered at the counter). */
export interface ProcedureCatalogue {
  listProcedures(db: Kysely<any>, unitId: string): Promise<Procedure[]>;
  findProcedure(db: Kysely<any>, unitId: string, idOrSlug: string): Promise<Procedure | null>;
  /** Slugs of the unit's published procedures matching a search (the public catalogue's search), best first. */
  searchProcedureSlugs(db: Kysely<any>, unitId: string, query: string, limit: number): Promise<string[]>;
  /**
   * Fee VietQR for a dossier of one of the unit's procedures: the fee of `channel` (online is lower for
   * residence procedures), `LE PHI <dossier code>` as the transfer note; null without a fixed fee or account.
   */
  dossierFeeQr(db: Kysely<any>, unitId: string, procedureKey: string, options: { channel: FeeChannel; dossierCode: string }): Promise<PaymentQr | null>;
}

declare module '../../core/providers.js' {
  interface ProviderRegistry { procedureCatalogue: ProcedureCatalogue }
}

export { findProcedure, listProcedures, searchCatalogue, paymentAccountFor } from './service.js';
export { quoteFee, hasFixedFee, onlineFee } from './fees.js';
export { dossierPaymentPurpose, type PaymentQr } from './payment.js';
export { feeText, onlineLevelText, processingTimeText, tiersText } from './display.js';
export type { SearchHit } from './search-repo.js';
export { publishReferenceCatalogue } from './seed.js';
export type { Procedure, ProcedureData, PaymentAccount, FeeChannel } from './types.js';

export default defineModule({
  name: 'catalogue',
  routes: async (app) => {
    await publicRoutes(app);
    await apiRoutes(app);
    await staffRoutes(app);
    await importRoutes(app);
    await settingsRoutes(app);
  },
  seedReference: async ({ db }) => {
    await seedReferenceCatalogue(db);
    // Every ward and commune starts with the reference catalogue (needs-review flags kept).
    await publishCatalogueEverywhere(db);
  },
  seedDemo: async ({ db, unitId }) => {
    const unit = await db.selectFrom('units').select(['name', 'settings']).where('id', '=', unitId).executeTakeFirstOrThrow();
    await publishReferenceCatalogue(db, unitId, true);
    await assignDemoCounters(db, unitId);
    // The core keeps the fee account in units.settings.payment; our table is the fallback.
    if (!accountFromUnitSettings(unit.settings)) await seedDemoPaymentAccount(db, unitId, unit.name);
    await seedDemoDeclarationForms(db, unitId, unit.name);
  },
  indicators: catalogueIndicatorSource,
  provides: {
    procedureCatalogue: {
      listProcedures, findProcedure, dossierFeeQr,
      searchProcedureSlugs: async (db, unitId, query, limit) => (await searchCatalogue(db, unitId, query, { limit, offset: 0 })).hits.map((h) => h.slug),
    },
  },
  nav: [{ path: 'thu-tuc', label: 'catalogue.nav', description: 'catalogue.nav_description', order: 10 }],
  staffNav: [
    { path: 'thu-tuc', label: 'catalogue.staff_nav', roles: ['admin', 'leader', 'centre_officer'], order: 10 },
    { path: SETTINGS_PATH, label: 'catalogue.settings.nav', roles: ['admin'], order: 11 },
  ],
  homeWidget: procedureSearchWidget,
  messages,
});
