import type { FastifyInstance, FastifyRequest } from 'fastify';
import { audit } from '../../../core/audit.js';
import { AppError } from '../../../core/errors.js';
import { withUnit } from '../../../core/tenancy.js';
import { resolveDossierCode } from '../dossier-link.js';
import {
  callNext, finishService, linkDossier, markNoShow, recall, startService, transfer, type CounterContext, type CounterResult,
} from '../counter-service.js';

export type CounterAction = 'call' | 'recall' | 'start' | 'finish' | 'no-show' | 'transfer' | 'dossier';
export interface ActionInput { to?: number | string; dossierCode?: string }

const RUN: Record<CounterAction, (c: CounterContext, i: ActionInput) => Promise<CounterResult>> = {
  call: (c) => callNext(c),
  recall: (c) => recall(c),
  start: (c) => startService(c),
  finish: (c, i) => finishService(c, i.dossierCode),
  'no-show': (c) => markNoShow(c),
  transfer: (c, i) => {
    if (!i.to) throw AppError.unprocessable('centre.error.choose_target_counter', { field: 'to' });
    return transfer(c, i.to);
  },
  dossier: (c, i) => {
    if (!i.dossierCode) throw AppError.unprocessable('centre.error.dossier_code_required', { field: 'dossier_code' });
    return linkDossier(c, i.dossierCode);
  },
};

/** Runs one counter action in a unit transaction and audits it there (UI and API share this path). */
export async function runCounterAction(app: FastifyInstance, req: FastifyRequest, counter: string | number, action: CounterAction, raw: ActionInput): Promise<CounterResult> {
  // A dossier code must name a dossier of this unit (looked up before the counter's transaction).
  const input = { ...raw, dossierCode: await resolveDossierCode(app, req.unit!.id, raw.dossierCode) };
  return withUnit(app.db, req.unit!.id, async (trx) => {
    const r = await RUN[action]({ trx, unitId: req.unit!.id, counter, officerUserId: req.staff?.userId ?? null, now: new Date() }, input);
    const t = r.ticket ?? r.previous;
    await audit(trx, req, {
      action: `centre.${action}`, entity: 'centre_ticket', entityId: t?.id ?? null,
      after: {
        counter: r.counter.number, number: r.ticket?.number ?? null, status: r.ticket?.status ?? null, to: input.to, dossier: input.dossierCode,
        ...(r.previous ? { previous: { number: r.previous.number, status: r.previous.status } } : {}),
      },
    });
    return r;
  });
}
