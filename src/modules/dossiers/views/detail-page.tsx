import type { FastifyRequest } from 'fastify';
import { letterKindOfProcedure } from '../service/letter-refs.js';
import { Alert, RawSvg, StatusTag, SummaryList, Table } from '../../../web/components/display.js';
import { Button, CsrfField, ErrorSummary, TextInput, Textarea, type FieldErrors } from '../../../web/components/forms.js';
import { apologySms, isLate, isLateAfterApology } from '../domain/rules.js';
import { allowedActions, DECIDING_UNIT_ACTIONS, unitMayAct, type DossierAction } from '../domain/states.js';
import type { ApologyRow, DossierEventRow, DossierRow, PauseRow } from '../domain/types.js';
import { formatMoney } from '../../../lib/format.js';
import type { DossierFeeQr } from '../service/fee-qr.js';
import { DossierFlags, StatusBadge, showDate, showDateTime, staffBase } from './shared.js';

export interface DetailPageProps {
  req: FastifyRequest;
  d: DossierRow;
  events: DossierEventRow[];
  pauses: PauseRow[];
  apologies: ApologyRow[];
  unitNames: Map<string, string>;
  now: Date;
  dueSoon: boolean;
  notice?: string;
  errors?: FieldErrors;
  error?: string;
  apologyValues?: Record<string, string>;
  leader: { name: string; title: string };
  /** The look-up link as an SVG QR code (the one printed on Mẫu 01), with the link itself. */
  qr?: { svg: string; url: string } | null;
  /** The fee VietQR for this dossier (fee of its channel, its code in the transfer note), when it has a fee. */
  feeQr?: DossierFeeQr | null;
}

function FeeQrSection({ req, d, qr }: { req: FastifyRequest; d: DossierRow; qr: DossierFeeQr }) {
  const amount = formatMoney(qr.amount);
  return (
    <section aria-labelledby="fee-qr-title" class="dossier-qr dossier-fee-qr">
      <h2 id="fee-qr-title">{req.t('dossiers.detail.fee_qr_title')}</h2>
      <RawSvg svg={qr.svg} label={req.t('dossiers.detail.fee_qr_label', { code: d.code, amount })} className="qr dossier-fee-qr-code" />
      <p class="stat">{req.t(`dossiers.detail.fee_qr_amount_${qr.channel}`, { amount })}</p>
      <p>{req.t('dossiers.detail.fee_qr_account', { number: qr.account.accountNumber, name: qr.account.accountName })}</p>
      <p class="muted">{req.t('dossiers.detail.fee_qr_note', { purpose: qr.purpose })}</p>
    </section>
  );
}

function ActionForm({ req, d, action }: { req: FastifyRequest; d: DossierRow; action: DossierAction }) {
  const url = `${staffBase(req)}/${encodeURIComponent(d.code)}/chuyen-trang-thai`;
  return (
    <form method="post" action={url} class="dossier-action">
      <CsrfField req={req} />
      <input type="hidden" name="action" value={action} />
      {action === 'request_supplement' && <Textarea name="missingPapers" label={req.t('dossiers.intake.missing')} hint={req.t('dossiers.intake.missing_hint')} rows={2} />}
      {action === 'refuse' && <Textarea name="refusalReason" label={req.t('dossiers.detail.refusal')} rows={2} />}
      <Button variant={action === 'withdraw' ? 'secondary' : undefined}>{req.t(`dossiers.action.${action}`)}</Button>
    </form>
  );
}

function ApologyForm({ req, d, values, errors, leader }: { req: FastifyRequest; d: DossierRow; values: Record<string, string>; errors: FieldErrors; leader: { name: string; title: string } }) {
  return (
    <form method="post" action={`${staffBase(req)}/${encodeURIComponent(d.code)}/xin-loi`}>
      <CsrfField req={req} />
      <Textarea name="reason" label={req.t('dossiers.apology.reason')} value={values.reason} error={errors.reason} rows={2} required />
      <TextInput name="newDueDate" type="date" label={req.t('dossiers.apology.new_date')} value={values.newDueDate} error={errors.newDueDate} required />
      <TextInput name="leaderName" label={req.t('dossiers.apology.leader')} value={values.leaderName ?? leader.name} error={errors.leaderName} required />
      <TextInput name="leaderTitle" label={req.t('dossiers.apology.leader_title')} value={values.leaderTitle ?? leader.title} error={errors.leaderTitle} required />
      <Button>{req.t('dossiers.apology.submit')}</Button>
    </form>
  );
}

function SendStatus({ req, a }: { req: FastifyRequest; a: ApologyRow }) {
  const text = a.send_status === 'sent'
    ? req.t('dossiers.send.sent', { at: showDateTime(a.sent_at), by: a.sent_by ?? '' })
    : req.t(`dossiers.send.${a.send_status}`);
  return a.send_status === 'pending' ? <StatusTag tone="warn">{text}</StatusTag> : <>{text}</>;
}

/** An SMS apology this installation cannot send: the text to send by hand and the "sent" button. */
function PendingSms({ req, d, a }: { req: FastifyRequest; d: DossierRow; a: ApologyRow }) {
  return (
    <Alert kind="warning">
      <p>{req.t('dossiers.apology.sms_pending', { number: a.number, phone: a.sent_to ?? '' })}</p>
      <p><strong>{req.t('dossiers.apology.sms_text')}:</strong> <span class="dossier-sms">{apologySms(d, a)}</span></p>
      <form method="post" action={`${staffBase(req)}/${encodeURIComponent(d.code)}/xin-loi/${a.number}/da-gui`}>
        <CsrfField req={req} />
        <Button variant="secondary">{req.t('dossiers.apology.mark_sent')}</Button>
      </form>
    </Alert>
  );
}


/** Outreach letters start from here: one click to the marriage congratulation, or a prefilled condolence. */
function LetterLink({ req, d }: { req: FastifyRequest; d: DossierRow }) {
  const base = `/quan-tri/${req.unit!.slug}/thu`;
  const kind = letterKindOfProcedure(d.procedure_name);
  if (kind === 'marriage') {
    return (
      <form method="post" action={`${base}/tu-ho-so`}>
        <CsrfField req={req} />
        <input type="hidden" name="kind" value="marriage" />
        <input type="hidden" name="code" value={d.code} />
        <Button variant="secondary">{req.t('dossiers.detail.marriage_letter')}</Button>
      </form>
    );
  }
  if (kind === 'death') return <p><a href={`${base}/tao?loai=condolence&ho-so=${encodeURIComponent(d.code)}`}>{req.t('dossiers.detail.condolence_letter')}</a></p>;
  return null;
}

function FormLinks({ req, d }: { req: FastifyRequest; d: DossierRow }) {
  const base = `/api/v1/units/${req.unit!.slug}/dossiers/${encodeURIComponent(d.code)}/forms`;
  const items = (['01', '02', '03', '04', '06'] as const).filter((n) => n === '01' || n === '06'
    || (n === '02' && d.missing_papers) || (n === '03' && d.refusal_reason) || (n === '04' && d.apologies > 0));
  return (
    <ul class="dossier-forms">
      {items.map((n) => <li>{req.t(`dossiers.form.${n}`)}: <a href={`${base}/${n}.pdf`}>PDF</a> · <a href={`${base}/${n}.docx`}>DOCX</a></li>)}
      <li><a href={`${base}/05.xlsx`}>{req.t('dossiers.form.05')}</a></li>
    </ul>
  );
}

export function DetailPage(p: DetailPageProps) {
  const { req, d } = p;
  const late = isLate(d, p.now);
  const lateAgain = isLateAfterApology(d, p.now);
  const acting = req.unit?.id ?? d.unit_id;
  const actions = allowedActions(d.status).filter((a) => unitMayAct(a, d.unit_id, acting));
  const decidedElsewhere = acting !== d.unit_id && allowedActions(d.status).some((a) => DECIDING_UNIT_ACTIONS.includes(a));
  return (
    <>
      <h1>{req.t('dossiers.detail.title', { code: d.code })}</h1>
      <p><StatusBadge req={req} status={d.status} /><DossierFlags req={req} d={d} now={p.now} /></p>
      {p.notice && <Alert kind="success">{p.notice}</Alert>}
      {p.error && <Alert kind="error">{p.error}</Alert>}
      {p.apologies.filter((a) => a.send_status === 'pending').map((a) => <PendingSms req={req} d={d} a={a} />)}
      {late && d.apologies === 0 && <Alert kind="warning">{req.t('dossiers.detail.late_warning')}</Alert>}
      {lateAgain && <Alert kind="warning">{req.t('dossiers.detail.late_after_apology_warning', { date: showDate(d.apology_due_date) })}</Alert>}
      {!lateAgain && (!late || d.apologies > 0) && p.dueSoon && <Alert kind="info">{req.t('dossiers.detail.soon_warning')}</Alert>}
      <h2>{req.t('dossiers.detail.summary')}</h2>
      <SummaryList rows={[
        [req.t('dossiers.col.applicant'), d.applicant_name],
        [req.t('dossiers.intake.phone'), d.applicant_phone ?? '—'],
        [req.t('dossiers.col.procedure'), `${d.procedure_name} (${d.field})`],
        [req.t('dossiers.col.channel'), req.t(`dossiers.channel.${d.channel}`)],
        [req.t('dossiers.col.received'), showDateTime(d.received_at)],
        [req.t('dossiers.detail.accepted'), d.accepted_at ? showDateTime(d.accepted_at) : req.t('dossiers.detail.not_accepted')],
        [req.t('dossiers.col.due'), d.due_date
          ? showDate(d.due_date) + (d.due_confidence === 'official' ? '' : ` (${req.t('dossiers.due.unconfirmed')})`)
          : req.t('dossiers.lookup.paused')],
        ...(d.apology_due_date ? [[req.t('dossiers.lookup.new_due'), showDate(d.apology_due_date)] as [string, string]] : []),
        [req.t('dossiers.detail.deciding_unit'), p.unitNames.get(d.unit_id) ?? ''],
        [req.t('dossiers.detail.receiving_unit'), p.unitNames.get(d.receiving_unit_id) ?? ''],
        [req.t('dossiers.detail.officer'), d.officer_name ?? '—'],
      ]} />
      {p.qr && (
        <section aria-labelledby="qr-title" class="dossier-qr">
          <h2 id="qr-title">{req.t('dossiers.detail.qr_title')}</h2>
          <RawSvg svg={p.qr.svg} label={req.t('dossiers.detail.qr_label', { code: d.code })} className="qr" />
          <p class="muted">{req.t('dossiers.detail.qr_hint')} <a href={p.qr.url}>{p.qr.url}</a></p>
        </section>
      )}
      {p.feeQr && <FeeQrSection req={req} d={d} qr={p.feeQr} />}
      <h2>{req.t('dossiers.detail.forms')}</h2>
      <FormLinks req={req} d={d} />
      <LetterLink req={req} d={d} />
      <h2>{req.t('dossiers.detail.actions')}</h2>
      {decidedElsewhere && <p class="muted">{req.t('dossiers.detail.deciding_only_hint', { unit: p.unitNames.get(d.unit_id) ?? '' })}</p>}
      {actions.length ? <div class="dossier-actions">{actions.map((a) => <ActionForm req={req} d={d} action={a} />)}</div> : <p>{req.t('dossiers.detail.no_actions')}</p>}
      {actions.length > 0 && d.due_date && (
        <section aria-labelledby="apology-title">
          <h2 id="apology-title">{req.t('dossiers.apology.title')}</h2>
          <ErrorSummary req={req} errors={p.errors} />
          <ApologyForm req={req} d={d} values={p.apologyValues ?? {}} errors={p.errors ?? {}} leader={p.leader} />
        </section>
      )}
      {p.apologies.length > 0 && (
        <>
          <h2>{req.t('dossiers.apology.list')}</h2>
          <Table caption={req.t('dossiers.apology.list')} rows={p.apologies} columns={[
            { header: '#', cell: (a) => a.number },
            { header: req.t('dossiers.apology.reason'), cell: (a) => a.reason },
            { header: req.t('dossiers.apology.new_date'), cell: (a) => showDate(a.new_due_date) },
            { header: req.t('dossiers.apology.leader'), cell: (a) => `${a.leader_title} ${a.leader_name}` },
            { header: req.t('dossiers.apology.sent_by'), cell: (a) => <>{req.t(`dossiers.sent.${a.sent_channel}`)}{a.late ? ` — ${req.t('dossiers.flag.late_apology')}` : ''}</> },
            { header: req.t('dossiers.apology.send_status'), cell: (a) => <SendStatus req={req} a={a} /> },
          ]} />
        </>
      )}
      <h2>{req.t('dossiers.detail.timeline')}</h2>
      <Table caption={req.t('dossiers.detail.timeline')} rows={p.events} columns={[
        { header: req.t('dossiers.col.time'), cell: (e) => showDateTime(e.at) },
        { header: req.t('dossiers.detail.actions'), cell: (e) => req.t(`dossiers.action.${e.action}`) },
        { header: req.t('dossiers.col.status'), cell: (e) => req.t(`dossiers.status.${e.to_status}`) },
        { header: req.t('dossiers.detail.officer'), cell: (e) => e.officer_name ?? '' },
        { header: req.t('dossiers.detail.note'), cell: (e) => e.note ?? '' },
      ]} />
      {p.pauses.length > 0 && <p class="muted">{req.t('dossiers.detail.pauses')}: {p.pauses.map((x) => `${showDateTime(x.started_at)} → ${x.ended_at ? showDateTime(x.ended_at) : '…'}`).join('; ')}</p>}
      <p><a href={staffBase(req)}>{req.t('dossiers.common.back')}</a></p>
    </>
  );
}
