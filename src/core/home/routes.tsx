import type { FastifyInstance } from 'fastify';
import type { VNode } from 'preact';
import { renderPage, renderStaffPage } from '../../web/render.js';
import { navFor, staffNavFor } from '../navigation.js';
import { SummaryList } from '../../web/components/display.js';
import { AppError } from '../errors.js';
import type { UnitInfo } from '../types.js';
import { registerMessages } from '../i18n.js';
import { listCommuneUnits, slugOfUnit } from '../units-repo.js';
import { collectDashboard } from '../dashboard/collect.js';
import { dashboardMessages } from '../dashboard/messages.js';
import { DashboardView } from '../dashboard/view.js';

const UNIT_TYPE: Record<string, string> = { ward: 'Phường', commune: 'Xã', special_zone: 'Đặc khu', city: 'Thành phố' };

export async function homeRoutes(app: FastifyInstance): Promise<void> {
  registerMessages(dashboardMessages, 'core');
  app.get('/', { schema: { hide: true } }, async (req, reply) => {
    const rows = await listCommuneUnits(app.db);
    return renderPage(req, reply, { title: req.t('core.units_title') }, (
      <>
        <h1>{req.t('core.units_title')}</h1>
        <p class="lead">{req.t('core.portal_intro')}</p>
        <ul class="cards">
          {rows.map((u) => <li class="card"><h2><a href={`/${u.slug}/`}>{u.name}</a></h2><p>{UNIT_TYPE[u.type]}</p></li>)}
        </ul>
      </>
    ));
  });

  const unitHome = async (req: any, reply: any) => {
    const u = req.unit as UnitInfo;
    const widgets = (await Promise.all(app.modules.filter((m) => m.homeWidget).map((m) => m.homeWidget!(req).catch((err) => {
      req.log.warn({ err, module: m.name }, 'home widget failed');
      return null;
    })))).filter(Boolean) as VNode[];
    const nav = navFor(req);
    return renderPage(req, reply, { title: req.t('core.home') }, (
      <>
        <div class="hero"><h1>{req.lang === 'en' && u.name_en ? u.name_en : u.name}</h1><p class="lead">{req.t('core.home_intro')}</p></div>
        {widgets}
        {nav.length > 0 && <h2>{req.t('core.services')}</h2>}
        <ul class="cards">
          {nav.map((n) => (
            <li class="card"><h3><a href={`/${u.slug}/${n.path}`}>{req.t(n.label)}</a></h3>{n.description && <p>{req.t(n.description)}</p>}</li>
          ))}
        </ul>
        <h2>{req.t('core.contacts')}</h2>
        <SummaryList rows={[
          [req.t('core.address'), u.address ?? '—'],
          [req.t('core.hotline'), u.hotline ? <a href={`tel:${u.hotline.replace(/\s/g, '')}`}>{u.hotline}</a> : '—'],
          ['Email', u.email ? <a href={`mailto:${u.email}`}>{u.email}</a> : '—'],
        ]} />
      </>
    ));
  };
  app.get('/:unit', { schema: { hide: true } }, async (req, reply) => reply.redirect(`/${req.unit!.slug}/`, 301));
  app.get('/:unit/', { schema: { hide: true } }, unitHome);

  const staffRoot = async (req: any, reply: any) => {
    const slug = await slugOfUnit(app.db, req.staff!.unitId);
    if (!slug) throw AppError.notFound();
    return reply.redirect(`/quan-tri/${slug}`, 303);
  };
  app.get('/quan-tri', { schema: { hide: true }, preHandler: app.requireStaff() }, staffRoot);
  app.get('/quan-tri/', { schema: { hide: true }, preHandler: app.requireStaff() }, staffRoot);

  const staffHome = async (req: any, reply: any) => {
    const nav = staffNavFor(req);
    const parts = await collectDashboard(req);
    return renderStaffPage(req, reply, { title: req.t('core.staff_home') }, (
      <>
        <h1>{req.t('core.staff_home')}</h1>
        <p class="lead">{req.unit!.name}</p>
        <DashboardView req={req} parts={parts} />
        <h2>{req.t('core.dashboard.functions')}</h2>
        <ul class="cards">
          {nav.map((n) => <li class="card"><h3><a href={`/quan-tri/${req.unit!.slug}/${n.path}`}>{req.t(n.label)}</a></h3>{n.description && <p>{req.t(n.description)}</p>}</li>)}
        </ul>
      </>
    ));
  };
  app.get('/quan-tri/:unit', { schema: { hide: true }, preHandler: app.requireStaff() }, staffHome);
  app.get('/quan-tri/:unit/', { schema: { hide: true }, preHandler: app.requireStaff() }, async (req, reply) => reply.redirect(`/quan-tri/${req.unit!.slug}`, 301));
}
