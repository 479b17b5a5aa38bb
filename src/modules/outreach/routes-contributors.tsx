import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../core/errors.js';
import { readForm, str, unitOf } from '../../core/http/forms.js';
import { formatDate, formatMoney } from '../../lib/format.js';
import { SummaryList, Table } from '../../web/components/display.js';
import { Button, Choices, CsrfField, ErrorSummary, Select, TextInput, Textarea } from '../../web/components/forms.js';
import { renderStaffPage } from '../../web/render.js';
import { inUnit, READER_ROLES, staffBase, staffName, WRITER_ROLES } from './context.js';
import * as c from './contributors.js';
import { createLetter } from './letters-service.js';
import { letterIdBySource } from './repo-letters.js';

type Errors = Record<string, string> | undefined;
const page = (req: FastifyRequest, reply: FastifyReply, title: string, body: preact.VNode, status = 200, crumbs = true) =>
  renderStaffPage(req, reply, { title, current: 'nguoi-dong-gop', styles: ['css/outreach.css'],
    breadcrumbs: crumbs ? [{ label: req.t('outreach.contributor.title'), href: staffBase(req, 'nguoi-dong-gop') }] : undefined }, body, status);
const kindOptions = (req: FastifyRequest) => c.CONTRIBUTOR_KINDS.map((k) => ({ value: k, label: req.t(`outreach.contributor.kind.${k}`) }));

async function list(req: FastifyRequest, reply: FastifyReply, errors?: Errors, values?: Record<string, string>, status = 200) {
  const unitId = unitOf(req).id;
  const { rows, meetings } = await inUnit(req, async (trx) => ({ rows: await c.listContributors(trx, unitId), meetings: await c.meetingsOf(trx, unitId) }));
  const base = staffBase(req, 'nguoi-dong-gop');
  return page(req, reply, req.t('outreach.contributor.title'), <>
    <h1>{req.t('outreach.contributor.title')}</h1>
    <Table caption={req.t('outreach.contributor.title')} rows={rows} empty={req.t('outreach.contributor.empty')} columns={[
      { header: req.t('outreach.contributor.name'), cell: (r) => <a href={`${base}/${r.id}`}>{r.name}</a> },
      { header: req.t('outreach.contributor.kind_col'), cell: (r) => req.t(`outreach.contributor.kind.${r.kind}`) },
      { header: req.t('outreach.contributor.contributions'), cell: (r) => Number(r.contributions), numeric: true },
      { header: req.t('outreach.contributor.amount'), cell: (r) => (r.amount ? formatMoney(Number(r.amount)) : '—'), numeric: true },
    ]} />
    <h2>{req.t('outreach.meeting.title')}</h2>
    <Table caption={req.t('outreach.meeting.title')} rows={meetings} empty={req.t('outreach.meeting.empty')} columns={[
      { header: req.t('outreach.meeting.date'), cell: (m) => <a href={`${base}/gap-mat/${m.id}`}>{formatDate(m.held_on)}</a> },
      { header: req.t('outreach.meeting.place'), cell: (m) => m.place },
      { header: req.t('outreach.letter.status'), cell: (m) => req.t(m.held ? 'outreach.meeting.held' : 'outreach.meeting.planned') },
    ]} />
    <ErrorSummary req={req} errors={errors} />
    <h2>{req.t('outreach.meeting.plan')}</h2>
    <form method="post" action={`${base}/gap-mat`}>
      <CsrfField req={req} />
      <p class="muted">{req.t('outreach.meeting.plan_hint')}</p>
      <TextInput name="held_on" type="date" label={req.t('outreach.meeting.date')} error={errors?.held_on} value={values?.held_on} required />
      <TextInput name="place" label={req.t('outreach.meeting.place')} error={errors?.place} value={values?.place} required />
      <Button>{req.t('outreach.meeting.plan')}</Button>
    </form>
    <h2>{req.t('outreach.contributor.add')}</h2>
    <form method="post" action={base}>
      <CsrfField req={req} />
      <TextInput name="name" label={req.t('outreach.contributor.name')} error={errors?.name} value={values?.name} required maxLength={200} />
      <Select name="kind" label={req.t('outreach.contributor.kind_col')} options={kindOptions(req)} error={errors?.kind} value={values?.kind} />
      <TextInput name="address" label={req.t('outreach.letter.address')} value={values?.address} />
      <TextInput name="phone" type="tel" label={req.t('outreach.letter.phone')} value={values?.phone} />
      <Textarea name="note" label={req.t('outreach.visit.note')} value={values?.note} rows={2} />
      <Button>{req.t('outreach.contributor.add')}</Button>
    </form>
  </>, status, false);
}

async function detail(req: FastifyRequest, reply: FastifyReply, errors?: Errors, status = 200) {
  const id = (req.params as { id: string }).id;
  const unitId = unitOf(req).id;
  const { who, items } = await inUnit(req, async (trx) => {
    const who = await c.contributorById(trx, unitId, id);
    if (!who) throw AppError.notFound('outreach.error.contributor_not_found');
    return { who, items: await c.contributionsOf(trx, unitId, id) };
  });
  const base = `${staffBase(req, 'nguoi-dong-gop')}/${id}`;
  return page(req, reply, who.name, <>
    <h1>{who.name}</h1>
    <SummaryList rows={[[req.t('outreach.contributor.kind_col'), req.t(`outreach.contributor.kind.${who.kind}`)], [req.t('outreach.letter.address'), who.address ?? '—'], [req.t('outreach.visit.note'), who.note || '—']]} />
    <h2>{req.t('outreach.contributor.contributions')}</h2>
    <Table caption={req.t('outreach.contributor.contributions')} rows={items} empty={req.t('outreach.contributor.no_contribution')} columns={[
      { header: req.t('outreach.visit.date'), cell: (k) => formatDate(k.contributed_on) },
      { header: req.t('outreach.contributor.what'), cell: (k) => k.description },
      { header: req.t('outreach.contributor.amount'), cell: (k) => (k.amount ? formatMoney(Number(k.amount)) : '—'), numeric: true },
      { header: req.t('outreach.picker.letter'), cell: (k) => (
        <form method="post" action={`${base}/thu-cam-on`}>
          <CsrfField req={req} /><input type="hidden" name="contribution" value={k.id} />
          <Button variant="secondary">{req.t('outreach.contributor.thank')}<span class="visually-hidden"> — {formatDate(k.contributed_on)}</span></Button>
        </form>
      ) },
    ]} />
    <h2>{req.t('outreach.contributor.add_contribution')}</h2>
    <ErrorSummary req={req} errors={errors} />
    <form method="post" action={`${base}/dong-gop`}>
      <CsrfField req={req} />
      <TextInput name="contributed_on" type="date" label={req.t('outreach.visit.date')} error={errors?.contributed_on} required />
      <TextInput name="description" label={req.t('outreach.contributor.what')} hint={req.t('outreach.contributor.what_hint')} error={errors?.description} required />
      <TextInput name="amount" label={req.t('outreach.contributor.amount_vnd')} inputMode="numeric" error={errors?.amount} />
      <Button>{req.t('outreach.contributor.add_contribution')}</Button>
    </form>
  </>, status);
}

async function meeting(req: FastifyRequest, reply: FastifyReply) {
  const id = (req.params as { id: string }).id;
  const unitId = unitOf(req).id;
  const { m, invitees } = await inUnit(req, async (trx) => {
    const m = await c.meetingById(trx, unitId, id);
    if (!m) throw AppError.notFound('outreach.error.meeting_not_found');
    return { m, invitees: await c.inviteesOf(trx, unitId, id) };
  });
  return page(req, reply, req.t('outreach.meeting.title'), <>
    <h1>{req.t('outreach.meeting.of', { date: formatDate(m.held_on) })}</h1>
    <p>{m.place} · {req.t(m.held ? 'outreach.meeting.held' : 'outreach.meeting.planned')} · <a href={`${staffBase(req, 'thu')}?loai=invitation`}>{req.t('outreach.meeting.invitations', { n: invitees.length })}</a></p>
    <form method="post" action={`${staffBase(req, 'nguoi-dong-gop')}/gap-mat/${m.id}`}>
      <CsrfField req={req} />
      <Choices name="attended" legend={req.t('outreach.meeting.attendance')} multiple value={invitees.filter((i) => i.attended).map((i) => i.contributor_id)}
        options={invitees.map((i) => ({ value: i.contributor_id, label: i.name }))} />
      <Textarea name="notes" label={req.t('outreach.meeting.notes')} value={m.notes} rows={5} />
      <Choices name="held" legend={req.t('outreach.meeting.held_q')} multiple value={m.held ? ['1'] : []} options={[{ value: '1', label: req.t('outreach.meeting.held') }]} />
      <Button>{req.t('outreach.save')}</Button>
    </form>
  </>);
}

export function registerContributorRoutes(app: FastifyInstance): void {
  const read = { preHandler: app.requireStaff([...READER_ROLES]) };
  const write = { preHandler: app.requireStaff([...WRITER_ROLES]) };
  const guarded = (onError: typeof list | typeof detail, fn: (req: FastifyRequest, f: Record<string, string>, lists: Record<string, string[]>) => Promise<string>) =>
    async (req: FastifyRequest, reply: FastifyReply) => {
      const { fields, lists } = await readForm(req);
      try {
        return reply.redirect(await fn(req, fields, lists), 303);
      } catch (e) {
        if (e instanceof AppError && e.status === 422) return onError === list ? list(req, reply, e.details as Errors, fields, 422) : detail(req, reply, e.details as Errors, 422);
        throw e;
      }
    };
  app.get('/quan-tri/:unit/nguoi-dong-gop', read, (req, reply) => list(req, reply));
  app.post('/quan-tri/:unit/nguoi-dong-gop', write, guarded(list, async (req, f) => `${staffBase(req, 'nguoi-dong-gop')}/${await inUnit(req, (trx) => c.addContributor(trx, req, f))}`));
  app.post('/quan-tri/:unit/nguoi-dong-gop/gap-mat', write, guarded(list, async (req, f) =>
    `${staffBase(req, 'nguoi-dong-gop')}/gap-mat/${await inUnit(req, (trx) => c.planMeeting(trx, req, f, staffName(req)))}`));
  app.get('/quan-tri/:unit/nguoi-dong-gop/gap-mat/:id', read, meeting);
  app.post('/quan-tri/:unit/nguoi-dong-gop/gap-mat/:id', write, guarded(list, async (req, f, lists) => {
    const id = (req.params as { id: string }).id;
    await inUnit(req, async (trx) => {
      const m = await c.meetingById(trx, unitOf(req).id, id);
      if (!m) throw AppError.notFound('outreach.error.meeting_not_found');
      await c.recordMeeting(trx, req, m, lists.attended ?? [], str(f.notes), f.held === '1');
    });
    return `${staffBase(req, 'nguoi-dong-gop')}/gap-mat/${id}`;
  }));
  app.get('/quan-tri/:unit/nguoi-dong-gop/:id', read, (req, reply) => detail(req, reply));
  app.post('/quan-tri/:unit/nguoi-dong-gop/:id/dong-gop', write, guarded(detail, async (req, f) => {
    const id = (req.params as { id: string }).id;
    await inUnit(req, async (trx) => {
      const who = await c.contributorById(trx, unitOf(req).id, id);
      if (!who) throw AppError.notFound('outreach.error.contributor_not_found');
      await c.addContribution(trx, req, who, f);
    });
    return `${staffBase(req, 'nguoi-dong-gop')}/${id}`;
  }));
  // A thank-you letter for one contribution (made once; a second press opens it).
  app.post('/quan-tri/:unit/nguoi-dong-gop/:id/thu-cam-on', write, guarded(detail, async (req, f) => {
    const id = (req.params as { id: string }).id;
    const unit = unitOf(req);
    const letterId = await inUnit(req, async (trx) => {
      const who = await c.contributorById(trx, unit.id, id);
      const k = who && (await c.contributionsOf(trx, unit.id, id)).find((x) => x.id === str(f.contribution));
      if (!who || !k) throw AppError.notFound('outreach.error.contribution_not_found');
      const made = await letterIdBySource(trx, unit.id, 'thanks', k.id);
      if (made) return made;
      return (await createLetter(trx, req, unit, {
        kind: 'thanks', recipientName: who.name, honorific: who.kind === 'organisation' || who.kind === 'business' ? 'Ông/Bà' : null, address: who.address, phone: who.phone,
        source: 'contributor', sourceRef: k.id, fields: { noi_dung: k.description },
      }, new Date(), staffName(req))).id;
    });
    return `${staffBase(req, 'thu')}/${letterId}?moi=1`;
  }));
}
