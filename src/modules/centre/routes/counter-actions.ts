import type { FastifyInstance, FastifyRequest } from 'fastify';
import { audit } from '../../../core/audit.js';
import { AppError } from '../../../core/errors.js';
import { withUnit } from '../../../core/tenancy.js';
import {
  callNext, finishService, linkDossier, markNoShow, recall, startService, transfer, type CounterContext, type CounterResult,
} from '../counter-service.js';

export type CounterAction = 'call' | 'recall' | 'start' | 'finish' | 'no-show' | 'transfer' | 'dossier';
export interface ActionInput { to?: number | string; dossierCode?: string }

const DOSSIER_CODE = /^[\p{L}\p{N}.\-/_ ]{1,60}$/u;

function cleanDossier(code: string | undefined): string | undefined {
  const c = code?.trim();
  if (!c) return undefined;
  if (!DOSSIER_CODE.test(c)) throw AppError.unprocessable('Mã hồ sơ chỉ gồm chữ, số và các dấu . - / _ (tối đa 60 ký tự).', { field: 'dossier_code' });
  return c;
}

const RUN: Record<CounterAction, (c: CounterContext, i: ActionInput) => Promise<CounterResult>> = {
  call: (c) => callNext(c),
  recall: (c) => recall(c),
  start: (c) => startService(c),
  finish: (c, i) => finishService(c, cleanDossier(i.dossierCode)),
  'no-show': (c) => markNoShow(c),
  transfer: (c, i) => {
    if (!i.to) throw AppError.unprocessable('Hãy chọn quầy nhận.', { field: 'to' });
    return transfer(c, i.to);
  },
  dossier: (c, i) => {
    const code = cleanDossier(i.dossierCode);
    if (!code) throw AppError.unprocessable('Hãy nhập mã hồ sơ.', { field: 'dossier_code' });
    return linkDossier(c, code);
  },
};

/** Runs one counter action in a unit transaction and audits it there (UI and API share this path). */
export async function runCounterAction(app: FastifyInstance, req: FastifyRequest, counter: string | number, action: CounterAction, input: ActionInput): Promise<CounterResult> {
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
