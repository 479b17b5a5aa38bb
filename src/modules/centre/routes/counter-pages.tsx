import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../../core/errors.js';
import { readForm } from '../../../core/http/forms.js';
import { withUnit } from '../../../core/tenancy.js';
import { renderStaffPage } from '../../../web/render.js';
import { vnDateOf } from '../../../lib/vn-calendar/index.js';
import { listCounters } from '../repo/config-repo.js';
import { getSettings } from '../repo/settings-repo.js';
import { lockCurrentAtCounter, waitingInOrder } from '../repo/ticket-repo.js';
import { CounterPage } from '../views/counter-page.js';
import { runCounterAction, type CounterAction } from './counter-actions.js';
import { urls } from './urls.js';

/** Vietnamese action slugs of the counter page's buttons. */
const ACTIONS: Record<string, CounterAction> = {
  'goi-tiep': 'call', 'goi-lai': 'recall', 'bat-dau': 'start', 'hoan-thanh': 'finish',
  'vang-mat': 'no-show', 'chuyen-quay': 'transfer', 'ho-so': 'dossier',
};
type P = { unit: string; counter: string };
type PA = P & { action: string };

export function registerCounterPages(app: FastifyInstance): void {
  const guard = app.requireStaff(['admin', 'centre_officer']);

  const show = async (req: FastifyRequest<{ Params: P }>, reply: FastifyReply, msg: { notice?: string; error?: string } = {}, status = 200) => {
    const unit = req.unit!;
    const now = new Date();
    const data = await withUnit(app.db, unit.id, async (trx) => {
      const counters = await listCounters(trx, unit.id);
      const counter = counters.find((c) => String(c.number) === req.params.counter);
      if (!counter) throw AppError.notFound('centre.error.counter_not_found');
      const settings = await getSettings(trx, unit.id);
      const all = await waitingInOrder(trx, unit.id, vnDateOf(now), settings.priority_head_start_s);
      const waiting = all.filter((t) => t.transfer_to_counter_id === counter.id || (!t.transfer_to_counter_id && counter.service_ids.includes(t.service_id)));
      return { counter, counters, waiting, current: (await lockCurrentAtCounter(trx, counter.id, vnDateOf(now))) ?? null };
    });
    return renderStaffPage(req, reply, {
      title: req.t('centre.counter.title', { n: data.counter.number }), current: 'quay', styles: ['css/centre.css'],
      breadcrumbs: [{ label: req.t('centre.admin.title'), href: urls.staffHome(unit.slug) }, { label: data.counter.name }],
    }, <CounterPage req={req} counter={data.counter} current={data.current} waiting={data.waiting}
      others={data.counters.filter((c) => c.id !== data.counter.id && c.active)} action={urls.counter(unit.slug, data.counter.number)}
      devicesUrl={urls.devices(unit.slug, data.counter.number)} {...msg} />, status);
  };

  app.get<{ Params: P }>('/quan-tri/:unit/quay/:counter', { preHandler: guard, schema: { hide: true, params: { type: 'object', properties: { counter: { type: 'string', pattern: '^[0-9]{1,2}$' } } } } },
    (req, reply) => show(req, reply));

  app.post<{ Params: PA }>('/quan-tri/:unit/quay/:counter/:action', { preHandler: guard, schema: { hide: true } }, async (req, reply) => {
    const action = ACTIONS[req.params.action];
    if (!action || !/^[0-9]{1,2}$/.test(req.params.counter)) throw AppError.notFound();
    const { fields } = await readForm(req);
    try {
      const r = await runCounterAction(app, req, req.params.counter, action, { to: fields.to, dossierCode: fields.dossier_code });
      if (action === 'call' && !r.ticket) return show(req, reply, { notice: req.t('centre.counter.queue_empty') });
      return reply.redirect(urls.counter(req.unit!.slug, req.params.counter), 303);
    } catch (err) {
      if (err instanceof AppError && err.status < 500 && err.status !== 404) return show(req, reply, { error: err.text(req.t) }, err.status);
      throw err;
    }
  });
}
