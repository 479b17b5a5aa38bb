import type { FastifyRequest } from 'fastify';
import { formatDateTime } from '../../../lib/format.js';
import { Alert, Pagination, Table } from '../../../web/components/display.js';
import { Button, Choices, CsrfField, ErrorSummary, Select, TextInput, Textarea, type FieldErrors } from '../../../web/components/forms.js';
import { staffBase } from '../context.js';
import { CHANNELS, type BroadcastRow, type PublicationRow } from '../broadcasts/repo.js';

type Group = { id: string; code: string; name: string };

export function BroadcastList({ req, rows, groups, f, errors }: {
  req: FastifyRequest; rows: (BroadcastRow & { channels: string[] })[]; groups: Group[]; f: Record<string, string>; errors?: FieldErrors;
}) {
  const base = `${staffBase(req)}/thong-bao`;
  return <>
    <h1>{req.t('community.broadcasts.title')}</h1>
    <Table caption={req.t('community.broadcasts.title')} rows={rows} empty={req.t('community.broadcasts.none')} columns={[
      { header: req.t('community.broadcasts.heading'), cell: (b) => <a href={`${base}/${b.id}`}>{b.title}</a> },
      { header: req.t('community.broadcasts.created'), cell: (b) => formatDateTime(b.created_at) },
      { header: req.t('community.broadcasts.channels'), cell: (b) => b.channels.map((c) => req.t(`community.channel.${c}`)).join(', ') },
    ]} />
    <h2>{req.t('community.broadcasts.create')}</h2>
    <form method="post" action={base} enctype="multipart/form-data">
      <CsrfField req={req} />
      <ErrorSummary req={req} errors={errors} />
      <TextInput name="title" label={req.t('community.broadcasts.heading')} value={f.title} error={errors?.title} />
      <Textarea name="body" rows={6} label={req.t('community.broadcasts.body')} value={f.body} error={errors?.body} />
      <Textarea name="radio_script" rows={4} label={req.t('community.broadcasts.radio_script')}
        hint={req.t('community.broadcasts.radio_hint')} value={f.radio_script} />
      <Textarea name="social_text" rows={3} label={req.t('community.broadcasts.social_text')}
        hint={req.t('community.broadcasts.social_hint')} value={f.social_text} />
      <Choices name="groups" multiple legend={req.t('community.broadcasts.groups')} hint={req.t('community.broadcasts.groups_hint')}
        options={groups.map((g) => ({ value: g.id, label: `${g.code} – ${g.name}` }))} />
      <TextInput name="audio" type="file" accept="audio/*" label={req.t('community.broadcasts.upload')} error={errors?.audio} />
      <Button>{req.t('community.broadcasts.create')}</Button>
    </form>
  </>;
}

export function BroadcastDetail({ req, b, pubs, groups, notice, error }: {
  req: FastifyRequest; b: BroadcastRow; pubs: PublicationRow[]; groups: Group[]; notice?: string; error?: string;
}) {
  const base = `${staffBase(req)}/thong-bao/${b.id}`;
  const name = (id: string | null) => (id ? groups.find((g) => g.id === id)?.code ?? '' : req.t('community.all_groups'));
  const targets = b.group_ids.length ? groups.filter((g) => b.group_ids.includes(g.id)) : groups;
  return <>
    <h1>{b.title}</h1>
    {notice && <Alert kind="success">{notice}</Alert>}
    {error && <Alert kind="error">{error}</Alert>}
    <h2>{req.t('community.broadcasts.body')}</h2><p class="preline">{b.body}</p>
    <h2>{req.t('community.broadcasts.radio_script')}</h2><p class="preline">{b.radio_script}</p>
    {b.audio_size ? <p><audio controls preload="none" src={`${base}/am-thanh`} /> {req.t(`community.broadcasts.audio_${b.audio_source}`)}</p> : <p>{req.t('community.broadcasts.no_audio')}</p>}
    <form method="post" action={`${base}/am-thanh`} class="inline-form"><CsrfField req={req} />
      <Button variant="secondary">{req.t('community.broadcasts.generate')}</Button></form>
    <h2>{req.t('community.broadcasts.social_text')}</h2><p class="preline">{b.social_text}</p>
    <h2>{req.t('community.broadcasts.publish')}</h2>
    <form method="post" action={`${base}/phat-hanh`}>
      <CsrfField req={req} />
      <Select name="channel" label={req.t('community.broadcasts.channel')} options={CHANNELS.map((c) => ({ value: c,
        label: req.t(`community.channel.${c}`) }))} />
      <Select name="group_id" label={req.t('community.broadcasts.radio_group')} placeholder={req.t('community.all_groups')}
        options={targets.map((g) => ({ value: g.id, label: `${g.code} – ${g.name}` }))} />
      <TextInput name="note" label={req.t('community.broadcasts.note')} />
      <Button>{req.t('community.broadcasts.record')}</Button>
    </form>
    <h2>{req.t('community.broadcasts.publications')}</h2>
    <Table caption={req.t('community.broadcasts.publications')} rows={pubs} empty={req.t('community.broadcasts.no_publications')} columns={[
      { header: req.t('community.broadcasts.channel'), cell: (p) => req.t(`community.channel.${p.channel}`) },
      { header: req.t('community.group'), cell: (p) => (p.channel === 'radio' ? name(p.group_id) : '') },
      { header: req.t('community.broadcasts.when'), cell: (p) => formatDateTime(p.published_at) },
      { header: req.t('community.broadcasts.note'), cell: (p) => p.note },
    ]} />
  </>;
}

export function PublicBroadcasts({ req, rows, page,
  total }: { req: FastifyRequest; rows: (BroadcastRow & { first_published: Date | null })[]; page: number; total: number }) {
  return <>
    <h1>{req.t('community.nav.broadcasts')}</h1>
    {rows.length ? <ul class="broadcasts">{rows.map((b) => <li>
      <h2><a href={`/${req.unit!.slug}/thong-bao/${b.id}`}>{b.title}</a></h2>
      <p class="muted">{b.first_published ? formatDateTime(b.first_published) : ''}</p>
    </li>)}</ul> : <p class="muted">{req.t('community.broadcasts.none')}</p>}
    <Pagination req={req} page={page} pageSize={20} total={total} />
  </>;
}

export function PublicBroadcast({ req, b }: { req: FastifyRequest; b: BroadcastRow }) {
  return <article>
    <h1>{b.title}</h1>
    <p class="preline">{b.body}</p>
    {b.audio_size ? <p><audio controls preload="none" src={`/${req.unit!.slug}/thong-bao/${b.id}/am-thanh`} aria-label={req.t('community.broadcasts.listen')} /></p> : null}
  </article>;
}
