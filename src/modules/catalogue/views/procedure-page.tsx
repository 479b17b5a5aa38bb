import type { FastifyRequest } from 'fastify';
import { formatDate, formatMoney } from '../../../lib/format.js';
import { Alert, RawSvg, SummaryList } from '../../../web/components/display.js';
import { bankByBin } from '../../../lib/vietqr/index.js';
import { feeText, onlineLevelText, processingTimeText } from '../display.js';
import { onlineFee } from '../fees.js';
import type { PaymentQr } from '../payment.js';
import { declarationForms, needsDeclaration, portalLinkFor } from '../portal.js';
import type { Attachment, Procedure } from '../types.js';

export interface ProcedureView {
  procedure: Procedure;
  attachments: Attachment[];
  payment: PaymentQr | null;
  /** True when the procedure has a fixed fee but the unit has no account. */
  paymentUnavailable: boolean;
  pageQrSvg: string;
  pageUrl: string;
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** The desk fee, and the online fee beside it when the procedure has a lower one. */
function FeeFact({ req, p }: { req: FastifyRequest; p: Procedure }) {
  const t = req.t;
  const online = onlineFee(p.fee);
  return (
    <>
      {online === null ? feeText(t, p.fee) : (
        <ul class="catalogue-fee-channels">
          <li>{t('catalogue.fee_desk', { fee: feeText(t, p.fee) })}</li>
          <li>{t('catalogue.fee_online', { fee: feeText(t, { ...p.fee, amount: online }) })}</li>
        </ul>
      )}
      {p.fee.note && <><br /><span class="muted">{p.fee.note}</span></>}
    </>
  );
}

export function ProcedureFacts({ req, p }: { req: FastifyRequest; p: Procedure }) {
  const t = req.t;
  return (
    <SummaryList rows={[
      [t('catalogue.field_label'), p.field],
      [t('catalogue.processing_time'), <>{processingTimeText(t, p.processing)}{p.processing.note && <><br /><span class="muted">{p.processing.note}</span></>}</>],
      [t('catalogue.fee'), <FeeFact req={req} p={p} />],
      [t('catalogue.online_level'), onlineLevelText(t, p.onlineLevel)],
      [t('catalogue.counter'), p.counter ?? t('catalogue.counter_unknown')],
    ]} />
  );
}

function PaymentSection({ req, view }: { req: FastifyRequest; view: ProcedureView }) {
  const t = req.t;
  const { payment, procedure } = view;
  if (view.paymentUnavailable) return <Alert kind="info">{t('catalogue.pay_no_account')}</Alert>;
  if (!payment) return null;
  const unit = procedure.fee.unit ?? 'bản';
  const amount = formatMoney(payment.amount);
  return (
    <section class="catalogue-payment" aria-labelledby="pay-title">
      <h2 id="pay-title">{t('catalogue.pay_title')}</h2>
      <form method="get" class="button-group">
        <div class="field">
          <label for="so-luong">{t('catalogue.pay_quantity', { unit })}</label>
          <input id="so-luong" name="so-luong" type="number" min={1} max={1000} value={String(payment.quantity)} inputMode="numeric" />
        </div>
        {onlineFee(procedure.fee) !== null && (
          <div class="field">
            <label for="kenh">{t('catalogue.pay_channel')}</label>
            <select id="kenh" name="kenh">
              <option value="tai-quay" selected={payment.channel === 'desk'}>{t('catalogue.pay_channel_desk')}</option>
              <option value="truc-tuyen" selected={payment.channel === 'online'}>{t('catalogue.pay_channel_online')}</option>
            </select>
          </div>
        )}
        <button type="submit" class="button button--secondary">{t('catalogue.pay_update')}</button>
      </form>
      <div class="catalogue-qr-pair">
        <RawSvg svg={payment.svg} label={t('catalogue.pay_qr_label', { amount })} className="qr catalogue-pay-qr" />
        <div>
          <p class="stat">{t('catalogue.pay_amount', { amount })}</p>
          <p>{t('catalogue.pay_account', { number: payment.account.accountNumber, name: payment.account.accountName,
            bank: bankByBin(payment.account.bankBin)?.shortName ?? payment.account.bankBin, bin: payment.account.bankBin })}</p>
          <p class="muted">{t('catalogue.pay_note', { purpose: payment.purpose })}</p>
        </div>
      </div>
    </section>
  );
}

function ListSection({ id, title, items, ordered }: { id: string; title: string; items: string[]; ordered?: boolean }) {
  if (items.length === 0) return null;
  const list = items.map((i) => <li>{i}</li>);
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {ordered ? <ol>{list}</ol> : <ul>{list}</ul>}
    </section>
  );
}

function OnlineSection({ req, p }: { req: FastifyRequest; p: Procedure }) {
  const link = portalLinkFor(p);
  if (!link) return null;
  const t = req.t;
  return (
    <section class="procedure-online" aria-labelledby="nop-truc-tuyen">
      <h2 id="nop-truc-tuyen">{t('catalogue.online_title')}</h2>
      <p>{t(link.direct ? 'catalogue.online_direct' : 'catalogue.online_search', { name: p.name })}</p>
      <p><a class="button" href={link.href} rel="noopener">{t('catalogue.online_link')}</a></p>
    </section>
  );
}

/** Download links for the declaration form right under the papers list, when the papers include one. */
function DeclarationLinks({ req, view, base }: { req: FastifyRequest; view: ProcedureView; base: string }) {
  if (view.attachments.length === 0 || !needsDeclaration(view.procedure.documents)) return null;
  return (
    <div class="alert alert--info procedure-declaration">
      <p class="alert__title">{req.t('catalogue.declaration_title')}</p>
      <ul>
        {declarationForms(view.attachments).map((a) => (
          <li><a href={`${base}/bieu-mau/${a.id}`} download={a.filename}>{a.title}</a> <span class="muted">({a.filename}, {formatSize(a.sizeBytes)})</span></li>
        ))}
      </ul>
    </div>
  );
}

export function ProcedurePage({ req, view }: { req: FastifyRequest; view: ProcedureView }) {
  const t = req.t;
  const p = view.procedure;
  const base = `/${req.unit!.slug}/thu-tuc/${p.slug}`;
  return (
    <article class="procedure">
      <h1>{p.name}</h1>
      {p.needsReview && <Alert kind="warning" title={t('catalogue.needs_review')}>{t('catalogue.needs_review_note')}</Alert>}
      <ProcedureFacts req={req} p={p} />
      <OnlineSection req={req} p={p} />
      <ListSection id="giay-to" title={t('catalogue.documents')} items={p.documents} ordered />
      <DeclarationLinks req={req} view={view} base={base} />
      <ListSection id="trinh-tu" title={t('catalogue.steps')} items={p.steps} ordered />
      <ListSection id="can-cu" title={t('catalogue.legal_basis')} items={p.legalBasis} />
      <section aria-labelledby="bieu-mau">
        <h2 id="bieu-mau">{t('catalogue.forms')}</h2>
        {view.attachments.length === 0 ? <p>{t('catalogue.no_forms')}</p> : (
          <ul>
            {view.attachments.map((a) => (
              <li><a href={`${base}/bieu-mau/${a.id}`} download={a.filename}>{a.title}</a> <span class="muted">({a.filename}, {formatSize(a.sizeBytes)})</span></li>
            ))}
          </ul>
        )}
      </section>
      <PaymentSection req={req} view={view} />
      <section class="catalogue-page-qr" aria-labelledby="qr-title">
        <h2 id="qr-title">{t('catalogue.page_qr')}</h2>
        <RawSvg svg={view.pageQrSvg} label={t('catalogue.page_qr_label')} className="qr" />
        <p class="muted">{view.pageUrl}</p>
        <p class="no-print"><a class="button button--secondary" href={`${base}/in`}>{t('catalogue.print_poster')}</a></p>
      </section>
      <p class="muted">{t('catalogue.updated', { date: formatDate(p.updatedAt) })}</p>
    </article>
  );
}
