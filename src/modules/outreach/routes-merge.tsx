import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../core/errors.js';
import { readForm, str, unitOf } from '../../core/http/forms.js';
import { Alert } from '../../web/components/display.js';
import { Button, CsrfField, ErrorSummary, Select, TextInput } from '../../web/components/forms.js';
import { renderStaffPage } from '../../web/render.js';
import { inUnit, staffBase, staffName, WRITER_ROLES } from './context.js';
import { KIND_SPECS, isLetterKind, type LetterKind } from './domain/kinds.js';
import { parseMergeCsv, MAX_MERGE_ROWS, type MergeError } from './domain/mail-merge.js';
import { createLetter } from './letters-service.js';
import { channelOptions, kindOptions } from './views/letter-parts.js';
import { vnYearOf } from '../../lib/vn-calendar/index.js';

function MergePage({ req, errors, lines }: { req: FastifyRequest; errors?: Record<string, string>; lines?: MergeError[] }) {
  return (
    <>
      <h1>{req.t('outreach.merge.title')}</h1>
      <p>{req.t('outreach.merge.lead', { max: MAX_MERGE_ROWS })}</p>
      <pre class="outreach-sample">ho_ten,gioi_tinh,nam_sinh,dia_chi,noi_dung{'\n'}Nguyễn Văn Bình,nam,1958,"Số 3, tổ dân phố Sao Đỏ 2",ủng hộ 10 triệu đồng xây nhà văn hóa</pre>
      <p class="muted">{req.t('outreach.merge.fields', { list: Object.entries(KIND_SPECS).map(([k, s]) => `${req.t(`outreach.kind.${k}`)}: ${s.fields.join(', ')}`).join(' · ') })}</p>
      <ErrorSummary req={req} errors={errors} />
      {lines?.length ? <Alert kind="error" title={req.t('outreach.merge.row_errors')}><ul>{lines.map((l) => <li>{l.message}</li>)}</ul></Alert> : null}
      <form method="post" action={staffBase(req, 'thu/tron-thu')} enctype="multipart/form-data">
        <CsrfField req={req} />
        <Select name="kind" label={req.t('outreach.letter.kind')} options={kindOptions(req)} error={errors?.kind} />
        <Select name="channel" label={req.t('outreach.letter.channel')} options={channelOptions(req)} value="in_person" />
        <TextInput name="list" type="file" accept=".csv,text/csv" label={req.t('outreach.merge.file')} error={errors?.list} />
        <Button>{req.t('outreach.merge.run')}</Button>
      </form>
    </>
  );
}

async function show(req: FastifyRequest, reply: FastifyReply, errors?: Record<string, string>, lines?: MergeError[], status = 200) {
  const crumbs = [{ label: req.t('outreach.register.title'), href: staffBase(req, 'thu') }];
  return renderStaffPage(req, reply, { title: req.t('outreach.merge.title'), breadcrumbs: crumbs, current: 'thu', styles: ['css/outreach.css'] },
    <MergePage req={req} errors={errors} lines={lines} />, status);
}

/** One letter per CSV row, all in one transaction: a list with an error creates none. */
async function merge(req: FastifyRequest, reply: FastifyReply) {
  const { fields, files } = await readForm(req);
  const kind = str(fields.kind);
  const file = files.find((f) => f.field === 'list' && f.data.length);
  if (!isLetterKind(kind)) return show(req, reply, { kind: 'Chọn loại thư.' }, undefined, 422);
  if (!file) return show(req, reply, { list: 'Chọn tệp CSV danh sách người nhận.' }, undefined, 422);
  if (file.data.length > 2_000_000) throw AppError.tooLarge('outreach.error.csv_too_large');
  const now = new Date();
  const { rows, errors } = parseMergeCsv(file.data.toString('utf8'), vnYearOf(now));
  if (errors.length) return show(req, reply, undefined, errors, 422);
  const unit = unitOf(req);
  await inUnit(req, async (trx) => {
    for (const r of rows) {
      await createLetter(trx, req, unit, {
        kind: kind as LetterKind, recipientName: r.name, gender: r.gender, birthYear: r.birthYear, honorific: r.honorific,
        address: r.address, email: r.email, phone: r.phone, channel: str(fields.channel) || 'in_person', fields: r.fields, source: 'csv',
      }, now, staffName(req));
    }
  });
  return reply.redirect(`${staffBase(req, 'thu')}?loai=${kind}&trang-thai=draft`, 303);
}

export function registerMergeRoutes(app: FastifyInstance): void {
  const write = { preHandler: app.requireStaff([...WRITER_ROLES]) };
  app.get('/quan-tri/:unit/thu/tron-thu', write, (req, reply) => show(req, reply));
  app.post('/quan-tri/:unit/thu/tron-thu', write, async (req, reply) => {
    try {
      return await merge(req, reply);
    } catch (e) {
      // A row the service refuses (e.g. email channel without an address) stops the whole list.
      if (e instanceof AppError && e.status === 422) {
        const details = Object.values((e.details ?? {}) as Record<string, string>);
        return show(req, reply, undefined, [{ line: 0, message: `${e.text(req.t)} ${details.join(' ')}` }], 422);
      }
      throw e;
    }
  });
}
