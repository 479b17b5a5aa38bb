import type { FastifyRequest } from 'fastify';
import { Alert } from '../../../web/components/display.js';
import { Button, CsrfField, ErrorSummary, Select, TextInput, Textarea } from '../../../web/components/forms.js';
import { CATEGORY_CODES } from '../categories.js';
import type { UnitStaffMember } from '../org.js';
import type { FeedbackAction } from '../workflow.js';

type Dept = { code: string; name: string };

/** "Name — title or roles · department", so two people of the same name can be told apart. */
export function staffLabel(t: FastifyRequest['t'], s: UnitStaffMember): string {
  const what = s.title || s.roles.map((r) => t(`core.role.${r}`)).join(', ');
  return [s.name, [what, s.department].filter(Boolean).join(' · ')].filter(Boolean).join(' — ');
}

/** One small form per allowed action; each posts `action` plus its own fields. */
export function ActionForms({ req, code, actions, departments, staff, category, assigneeId, concernedId }: {
  req: FastifyRequest; code: string; actions: FeedbackAction[]; departments: Dept[]; staff: UnitStaffMember[]; category: string;
  assigneeId?: string | null; concernedId?: string | null;
}) {
  const t = req.t;
  const action = `/quan-tri/${req.unit!.slug}/phan-anh/${code}/xu-ly`;
  const deptOptions = departments.map((d) => ({ value: d.code, label: d.name }));
  const staffOptions = staff.map((s) => ({ value: s.id, label: staffLabel(t, s) }));
  const staffActions = actions.filter((a) => a !== 'reopen');
  if (!staffActions.length) return <p class="muted">{t('feedback.staff.noActions')}</p>;
  return (
    <div class="feedback-actions">
      {staffActions.map((a) => (
        <form method="post" action={action} class="feedback-actions__form" aria-label={t(`feedback.action.${a}`)}>
          <CsrfField req={req} />
          <input type="hidden" name="action" value={a} />
          <h3>{t(`feedback.action.${a}`)}</h3>
          {a === 'classify' && <>
            <Select name={`category-${a}`} label={t('feedback.status.category')} value={category}
              options={CATEGORY_CODES.map((c) => ({ value: c, label: t(`feedback.category.${c}`) }))} />
            <Select name={`departmentCode-${a}`} label={t('feedback.staff.department')} options={deptOptions} placeholder="—" />
            <Select name={`concernedOfficialId-${a}`} label={t('feedback.staff.concerned')} hint={t('feedback.staff.staffHint')}
              options={staffOptions} placeholder={t('feedback.staff.noStaff')} value={concernedId ?? ''} />
          </>}
          {a === 'assign' && <>
            <Select name={`departmentCode-${a}`} label={t('feedback.staff.department')} options={deptOptions} required />
            <Select name={`assigneeId-${a}`} label={t('feedback.staff.assignee')} hint={t('feedback.staff.staffHint')}
              options={staffOptions} placeholder={t('feedback.staff.noStaff')} value={assigneeId ?? ''} />
          </>}
          {a === 'answer' && <Textarea name={`reply-${a}`} label={t('feedback.staff.reply')} rows={6} required maxLength={10000} />}
          {a === 'reject' && <Textarea name={`note-${a}`} label={t('feedback.staff.reason')} rows={3} required />}
          {(a === 'mark_duplicate' || a === 'merge') && <TextInput name={`targetCode-${a}`} label={t('feedback.staff.target')} required />}
          {(a === 'start' || a === 'close') && <Textarea name={`note-${a}`} label={t('feedback.staff.note')} rows={2} />}
          <Button variant={a === 'answer' ? undefined : 'secondary'}>{t(`feedback.action.${a}`)}</Button>
        </form>
      ))}
    </div>
  );
}

/**
 * Publication on the board: summary and a public reply written here (never pre-filled from the answer
 * sent to the sender), and only if the moderator says so a place name and the coordinates rounded to
 * about 100 m. After a refusal the form shows what was typed with the reason next to the field.
 */
export function ModerationForm({ req, code, published, hasPoint, values, errors }: {
  req: FastifyRequest; code: string; published: boolean; hasPoint: boolean; values: Record<string, string>; errors?: Record<string, string>;
}) {
  const t = req.t;
  return (
    <form method="post" action={`/quan-tri/${req.unit!.slug}/phan-anh/${code}/cong-khai#cong-khai`} class="feedback-actions__form">
      <CsrfField req={req} />
      <ErrorSummary req={req} errors={errors} />
      <Alert kind="warning">{t('feedback.staff.personalDataWarning')}</Alert>
      <Textarea name="summary" label={t('feedback.staff.publicSummary')} value={values.summary} rows={3} maxLength={2000}
        error={errors?.summary} />
      <Textarea name="boardReply" label={t('feedback.staff.boardReply')} hint={t('feedback.staff.boardReplyHint')} value={values.boardReply}
        rows={4} maxLength={4000} error={errors?.boardReply} />
      <TextInput name="publicPlace" label={t('feedback.staff.publicPlace')} hint={t('feedback.staff.publicPlaceHint')}
        value={values.publicPlace} maxLength={200} />
      {hasPoint && (
        <div class="choice">
          <input type="checkbox" id="f-showOnMap" name="showOnMap" value="1" checked={values.showOnMap === '1'} />
          <label for="f-showOnMap">{t('feedback.staff.showOnMap')}</label>
        </div>
      )}
      <Button name="publish" value="1">{t('feedback.staff.publish')}</Button>{' '}
      {published && <Button name="publish" value="0" variant="secondary">{t('feedback.staff.unpublish')}</Button>}
    </form>
  );
}
