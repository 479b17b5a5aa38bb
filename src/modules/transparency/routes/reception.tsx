import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { withUnit } from '../../../core/tenancy.js';
import { audit } from '../../../core/audit.js';
import { AppError } from '../../../core/errors.js';
import { buildFeed } from '../lib/ics.js';
import { nextSession, skippedSessions, upcomingSessions } from '../lib/reception.js';
import { deactivateReceptionRule, getText, insertReceptionRule, listReceptionRules, saveText } from '../repo-reception.js';
import { firstOccurrences, loadReception, receptionHolidays } from '../service.js';
import { parseScheduleForm, parseTextForm } from '../validate.js';
import { ReceptionPage, recurrenceLabel } from '../views/reception-page.js';
import { StaffReceptionPage } from '../views/staff-reception.js';
import { translateErrors } from '../views/shared.js';
import { bodyOf, EDITORS, flashOf, item, publicPage, staffPage, uuidParam } from './context.js';
import { unitOf } from '../../../core/http/forms.js';
import { vnDateOf } from '../../../lib/vn-calendar/index.js';

const Session = Type.Object({ leader_name: Type.String(), leader_title: Type.String(), starts_at: Type.String(), ends_at: Type.String(), place: Type.String() });

export async function receptionRoutes(app: FastifyInstance): Promise<void> {
  app.get('/:unit/tiep-cong-dan', { schema: { hide: true } }, async (req, reply) => {
    const u = unitOf(req);
    const [data, holiday] = await Promise.all([withUnit(app.db, u.id, async (trx) => ({
      rules: await listReceptionRules(trx), rulesText: await getText(trx, 'reception_rules'),
      items: { rules: await item(trx, 'reception_rules'), schedule: await item(trx, 'reception_schedule') },
    })), receptionHolidays(app.db, u.id)]);
    const now = new Date();
    return publicPage(req, reply, { title: req.t('transparency.reception.title'), current: 'tiep-cong-dan' },
      <ReceptionPage req={req} rules={data.rules} next={nextSession(data.rules, now, holiday)} skipped={skippedSessions(data.rules, now, 62, holiday)}
        rulesText={data.rulesText} items={data.items} />);
  });

  app.get('/api/v1/units/:unit/reception', {
    schema: {
      tags: ['transparency'], summary: 'Lịch tiếp công dân định kỳ và các buổi sắp tới',
      response: { 200: Type.Object({
        schedule: Type.Array(Type.Object({ id: Type.String(), leader_name: Type.String(), leader_title: Type.String(), recurrence: Type.String(),
          weekday: Type.Integer(), week_of_month: Type.Union([Type.Integer(), Type.Null()]), start_time: Type.String(), end_time: Type.String(),
          place: Type.String(), description: Type.String() })),
        next: Type.Union([Session, Type.Null()]), upcoming: Type.Array(Session),
        skipped: Type.Array(Type.Intersect([Session, Type.Object({ date: Type.String(), reason: Type.String() })])),
      }) },
    },
  }, async (req) => {
    const { rules, holiday } = await loadReception(app.db, unitOf(req).id);
    const toJson = (s: ReturnType<typeof upcomingSessions>[number]) => ({ leader_name: s.rule.leaderName, leader_title: s.rule.leaderTitle,
      starts_at: s.startsAt.toISOString(), ends_at: s.endsAt.toISOString(), place: s.rule.place });
    const now = new Date();
    const upcoming = upcomingSessions(rules, now, 31, holiday);
    const skipped = skippedSessions(rules, now, 31, holiday).map((s) => ({ ...toJson(s), date: vnDateOf(s.startsAt), reason: req.lang === 'en' ? s.reason.en : s.reason.vi }));
    return {
      skipped,
      schedule: rules.map((r) => ({ id: r.id, leader_name: r.leaderName, leader_title: r.leaderTitle, recurrence: r.recurrence, weekday: r.weekday,
        week_of_month: r.weekOfMonth, start_time: r.startTime, end_time: r.endTime, place: r.place, description: recurrenceLabel(req, r) })),
      next: upcoming[0] ? toJson(upcoming[0]) : null, upcoming: upcoming.map(toJson),
    };
  });

  app.get('/api/v1/units/:unit/reception.ics', { schema: { tags: ['transparency'], summary: 'Lịch tiếp công dân định kỳ dạng iCalendar' } }, async (req, reply) => {
    const u = unitOf(req);
    const now = new Date();
    const { rules, holiday } = await loadReception(app.db, u.id);
    const feed = buildFeed(`${req.t('transparency.reception.schedule')} – ${u.name}`, firstOccurrences(rules, now, holiday).map((s) => ({
      id: `reception-${s.rule.id}`, title: `${req.t('transparency.reception.title')}: ${s.rule.leaderTitle} ${s.rule.leaderName}`,
      startsAt: s.startsAt, endsAt: s.endsAt, place: s.rule.place,
      repeat: { freq: s.rule.recurrence, weekday: s.rule.weekday, weekOfMonth: s.rule.weekOfMonth, except: s.except },
    })), now);
    return reply.type('text/calendar; charset=utf-8').header('content-disposition', 'inline; filename="tiep-cong-dan.ics"').send(feed.toString());
  });

  staffReceptionRoutes(app);
}

function staffReceptionRoutes(app: FastifyInstance): void {
  const guard = { preHandler: app.requireStaff([...EDITORS]), schema: { hide: true } };
  const base = (slug: string) => `/quan-tri/${slug}/tiep-cong-dan`;
  const load = (req: FastifyRequest) => withUnit(app.db, unitOf(req).id, async (trx) => ({ rules: await listReceptionRules(trx), rulesText: await getText(trx, 'reception_rules') }));
  const title = (req: FastifyRequest) => req.t('transparency.reception.staff_title');

  app.get('/quan-tri/:unit/tiep-cong-dan', guard, async (req, reply) => {
    const d = await load(req);
    return staffPage(req, reply, { title: title(req), current: 'tiep-cong-dan' }, <StaffReceptionPage req={req} {...d} flash={flashOf(req)} />);
  });

  app.post('/quan-tri/:unit/tiep-cong-dan', guard, async (req, reply) => {
    const u = unitOf(req);
    const parsed = parseScheduleForm(bodyOf(req), req.t);
    if (!parsed.ok) {
      const d = await load(req);
      return staffPage(req, reply, { title: title(req), current: 'tiep-cong-dan' },
        <StaffReceptionPage req={req} {...d} errors={translateErrors(req, parsed.errors)} values={parsed.values} />, 422);
    }
    await withUnit(app.db, u.id, async (trx) => {
      const row = await insertReceptionRule(trx, u.id, parsed.value);
      await audit(trx, req, { action: 'transparency.reception.create', entity: 'reception_schedule', entityId: row.id, after: parsed.value });
    });
    return reply.redirect(`${base(u.slug)}?da-luu=1`, 303);
  });

  app.post('/quan-tri/:unit/tiep-cong-dan/:id/ngung', guard, async (req, reply) => {
    const u = unitOf(req);
    const id = uuidParam(req);
    await withUnit(app.db, u.id, async (trx) => {
      const before = await deactivateReceptionRule(trx, id);
      if (!before) throw AppError.notFound('transparency.error.not_found');
      await audit(trx, req, { action: 'transparency.reception.stop', entity: 'reception_schedule', entityId: id, before });
    });
    return reply.redirect(`${base(u.slug)}?da-luu=1`, 303);
  });

  app.post('/quan-tri/:unit/tiep-cong-dan/noi-quy', guard, async (req, reply) => {
    const u = unitOf(req);
    const parsed = parseTextForm(bodyOf(req), req.t);
    if (!parsed.ok) {
      const d = await load(req);
      return staffPage(req, reply, { title: title(req), current: 'tiep-cong-dan' },
        <StaffReceptionPage req={req} {...d} textErrors={translateErrors(req, parsed.errors)} textValues={parsed.values} />, 422);
    }
    await withUnit(app.db, u.id, async (trx) => {
      const before = await getText(trx, 'reception_rules');
      await saveText(trx, u.id, 'reception_rules', parsed.value.title, parsed.value.body);
      await audit(trx, req, { action: 'transparency.reception_rules.update', entity: 'transparency_text', entityId: 'reception_rules', before, after: parsed.value });
    });
    return reply.redirect(`${base(u.slug)}?da-luu=1`, 303);
  });
}
