import type { FastifyRequest } from 'fastify';
import { formatDate, formatDateTime } from '../../../lib/format.js';
import { Alert, StatusTag, SummaryList } from '../../../web/components/display.js';
import { canPublish, canSeeSender, type Viewer } from '../policy.js';
import { allowedActions, isStatus } from '../workflow.js';
import { ActionForms, ModerationForm, staffLabel } from './staff-actions.js';
import { statusTone } from './status-page.js';
import type { detailForStaff } from '../staff-repo.js';

/** What the publisher typed and why it was refused, shown again in the form so nothing is lost. */
export interface PublishForm { values: Record<string, string>; errors: Record<string, string> }

type Detail = NonNullable<Awaited<ReturnType<typeof detailForStaff>>>;

export function StaffDetailPage({ req, d, viewer, notice, today, publishForm }: {
  req: FastifyRequest; d: Detail; viewer: Viewer; notice?: string; today: string; publishForm?: PublishForm;
}) {
  const t = req.t;
  const i = d.item;
  const status = isStatus(i.status) ? i.status : 'received';
  const overdue = ['received', 'classified', 'assigned', 'in_progress'].includes(status) && i.due_date < today;
  const sender = !canSeeSender(viewer, i) ? t('feedback.staff.hiddenSender')
    : [i.sender_name, i.sender_phone, i.sender_email, i.sender_handle].filter(Boolean).join(' · ') || t('feedback.staff.anonymous');
  const staffName = (id: string) => { const s = d.staff.find((x) => x.id === id); return s ? staffLabel(t, s) : id; };
  const location = [i.address, i.lat !== null ? `${i.lat}, ${i.lng}` : null].filter(Boolean).join(' · ');
  return (
    <div class="feedback">
      <h1>{t('feedback.status.title', { code: i.code })}</h1>
      {notice && <Alert kind="success">{notice}</Alert>}
      <SummaryList rows={[
        [t('feedback.status.state'), <StatusTag tone={statusTone(status, overdue)}>{t(`feedback.status.${status}`)}{overdue ? ` · ${t('feedback.staff.overdue')}` : ''}</StatusTag>],
        [t('feedback.status.category'), t(`feedback.category.${i.category}`)],
        [t('feedback.staff.channel'), t(`feedback.channel.${i.channel}`)],
        [t('feedback.status.receivedAt'), formatDateTime(i.received_at)],
        [t('feedback.status.dueDate'), formatDate(i.due_date)],
        [t('feedback.staff.sender'), sender],
        ...(location ? [[t('feedback.staff.location'), location] as [string, string]] : []),
        ...(i.box_location ? [[t('feedback.staff.boxLocation'), i.box_location] as [string, string]] : []),
        ...(i.department_code ? [[t('feedback.staff.department'), d.departments.find((x) => x.code === i.department_code)?.name ?? i.department_code] as [string, string]] : []),
        ...(i.assignee_id ? [[t('feedback.staff.assignee'), staffName(i.assignee_id)] as [string, string]] : []),
        ...(i.concerned_official_id ? [[t('feedback.staff.concerned'), staffName(i.concerned_official_id)] as [string, string]] : []),
        ...(i.rating !== null ? [[t('feedback.staff.rating'), `${i.rating}/5${i.rating_comment ? ` – ${i.rating_comment}` : ''}`] as [string, string]] : []),
        ...(d.mergedIntoCode ? [[t('feedback.staff.target'), d.mergedIntoCode] as [string, string]] : []),
      ]} />
      <h2>{t('feedback.staff.detail')}</h2>
      <div class="feedback-content">{i.content.split('\n').map((line) => <p>{line}</p>)}</div>
      {d.photos.length > 0 && <>
        <h2>{t('feedback.staff.photos')}</h2>
        <ul class="feedback-photos">
          {d.photos.map((p, n) => <li><a href={`/quan-tri/${req.unit!.slug}/phan-anh/anh/${p.id}`}>
            <img src={`/quan-tri/${req.unit!.slug}/phan-anh/anh/${p.id}`} alt={`${t('feedback.staff.photos')} ${n + 1}`} width={Math.min(p.width, 240)} loading="lazy" />
          </a></li>)}
        </ul>
      </>}
      {i.public_reply && <><h2>{t('feedback.status.reply')}</h2><blockquote class="feedback-reply">{i.public_reply}</blockquote></>}
      <h2>{t('feedback.status.timeline')}</h2>
      <ol class="feedback-timeline">
        <li><time dateTime={i.received_at.toISOString()}>{formatDateTime(i.received_at)}</time> {t('feedback.timeline.received')}</li>
        {d.events.map((e) => <li><time dateTime={e.at.toISOString()}>{formatDateTime(e.at)}</time> {t(`feedback.action.${e.action}`)}
          {e.to_status && e.to_status !== e.from_status ? ` → ${t(`feedback.status.${e.to_status}`)}` : ''}{e.note ? `: ${e.note}` : ''}</li>)}
      </ol>
      <h2>{t('feedback.staff.actions')}</h2>
      <ActionForms req={req} code={i.code} actions={allowedActions(status)} departments={d.departments} staff={d.staff} category={i.category}
        assigneeId={i.assignee_id} concernedId={i.concerned_official_id} />
      {i.category !== 'conduct' && canPublish(viewer) && <>
        <h2 id="cong-khai">{t('feedback.staff.publish')}{i.published ? ` (${t('feedback.staff.published')})` : ''}</h2>
        <ModerationForm req={req} code={i.code} published={i.published} hasPoint={i.lat !== null && i.lng !== null} errors={publishForm?.errors}
          values={publishForm?.values ?? {
            summary: i.public_summary ?? '', boardReply: i.board_reply ?? '', publicPlace: i.public_place ?? '', showOnMap: i.public_lat !== null ? '1' : '',
          }} />
      </>}
      {i.category !== 'conduct' && !canPublish(viewer) && i.published && <p class="muted">{t('feedback.staff.published')}</p>}
    </div>
  );
}
