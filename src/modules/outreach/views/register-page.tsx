import type { FastifyRequest } from 'fastify';
import { Pagination, Table } from '../../../web/components/display.js';
import { Button, Select, TextInput } from '../../../web/components/forms.js';
import type { LetterFilter, LetterRow } from '../repo-letters.js';
import { FileLinks, LetterStatus, kindOptions, numberAndDate, statusOptions } from './letter-parts.js';

export function RegisterPage({ req, rows, total, page, pageSize, filter, exportQuery }: {
  req: FastifyRequest; rows: LetterRow[]; total: number; page: number; pageSize: number; filter: LetterFilter; exportQuery: string;
}) {
  const base = `/quan-tri/${req.unit!.slug}/thu`;
  return (
    <>
      <h1>{req.t('outreach.register.title')}</h1>
      <p class="outreach-actions">
        <a class="button" href={`${base}/tao`}>{req.t('outreach.register.new')}</a>{' '}
        <a href={`${base}/tu-ho-so?loai=marriage`}>{req.t('outreach.register.from_marriage')}</a> ·{' '}
        <a href={`${base}/tu-ho-so?loai=condolence`}>{req.t('outreach.register.from_death')}</a> ·{' '}
        <a href={`${base}/tu-ho-so?loai=apology`}>{req.t('outreach.register.from_apology')}</a> ·{' '}
        <a href={`${base}/sang-kien`}>{req.t('outreach.initiatives.title')}</a> ·{' '}
        <a href={`${base}/tron-thu`}>{req.t('outreach.merge.title')}</a> ·{' '}
        <a href={`${base}/mau`}>{req.t('outreach.templates.title')}</a>
      </p>
      <form method="get" action={base} class="filters" role="search">
        <TextInput name="q" type="search" label={req.t('outreach.register.search')} value={filter.q} />
        <Select name="loai" label={req.t('outreach.letter.kind')} options={kindOptions(req)} placeholder={req.t('outreach.all')} value={filter.kind} />
        <Select name="trang-thai" label={req.t('outreach.letter.status')} options={statusOptions(req)} placeholder={req.t('outreach.all')} value={filter.status} />
        <TextInput name="nam" type="number" label={req.t('outreach.year')} value={filter.year} min={2000} max={2100} />
        <Button variant="secondary">{req.t('outreach.filter')}</Button>
      </form>
      <p>{req.t('outreach.register.count', { n: total })} · <a href={`${base}/so-thu.xlsx${exportQuery}`}>{req.t('outreach.export_xlsx')}</a> · <a href={`${base}/so-thu.csv${exportQuery}`}>{req.t('outreach.export_csv')}</a></p>
      <Table caption={req.t('outreach.register.title')} rows={rows} empty={req.t('outreach.register.empty')} columns={[
        { header: req.t('outreach.letter.number'), cell: (l) => <a href={`${base}/${l.id}`}>{numberAndDate(l)}</a> },
        { header: req.t('outreach.letter.kind'), cell: (l) => req.t(`outreach.kind.${l.kind}`) },
        { header: req.t('outreach.letter.recipient'), cell: (l) => `${l.honorific} ${l.recipient_name}` },
        { header: req.t('outreach.letter.subject'), cell: (l) => l.subject },
        { header: req.t('outreach.letter.status'), cell: (l) => <LetterStatus req={req} status={l.status} /> },
        { header: req.t('outreach.letter.channel'), cell: (l) => req.t(`outreach.channel.${l.channel}`) },
        { header: req.t('outreach.letter.files'), cell: (l) => <FileLinks req={req} l={l} /> },
      ]} />
      <Pagination req={req} page={page} pageSize={pageSize} total={total} />
    </>
  );
}
