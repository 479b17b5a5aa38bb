import type { Translate } from '../../core/i18n.js';
import { CATEGORIES, LAND_KINDS, type Category, type LandKind } from './lib/categories.js';
import { Checker, EMAIL_RE, PHONE_RE, TIME_RE, str, type FormBody, type Parsed } from './lib/form.js';
import { GROUPINGS, type DirectoryInput } from './repo-directory.js';
import { OWNERS, type CalendarInput } from './repo-calendar.js';
import type { ScheduleInput } from './repo-reception.js';
import type { DocumentInput, ProjectInput } from './repo-disclosures.js';
import { minPostingDays } from './lib/posting.js';
import { parseIsoDate, vnWallInstant } from '../../lib/vn-calendar/index.js';

const labeller = (t: Translate, prefix: string) => (field: string) => t(`${prefix}.${field}`);

export function parseDirectoryForm(body: FormBody, t: Translate): Parsed<DirectoryInput> {
  const c = new Checker(body, (f) => t(`transparency.directory.${{ full_name: 'name', title: 'position' }[f] ?? f}`));
  const grouping = c.choice('grouping', GROUPINGS);
  const department = c.text('department', { max: 120, required: grouping === 'department' });
  const v: DirectoryInput = {
    grouping, department: department || null, full_name: c.text('full_name', { required: true, max: 120 }),
    title: c.text('title', { required: true, max: 160 }), duties: c.text('duties', { max: 2000 }),
    phone: c.text('phone', { max: 30 }) || null, email: c.text('email', { max: 160 }) || null,
    sort_order: c.int('sort_order', { min: 0, max: 9999, fallback: 0 }),
  };
  if (v.phone && !PHONE_RE.test(v.phone)) c.add('phone', 'transparency.error.phone');
  if (v.email && !EMAIL_RE.test(v.email)) c.add('email', 'transparency.error.email');
  return c.result(v);
}

/** `2026-11-26T08:00` (datetime-local, Vietnam time) → instant. */
export function parseLocalDateTime(input: string): Date | null {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})$/.exec(input.trim());
  if (!m || !parseIsoDate(m[1]) || Number(m[2]) > 23 || Number(m[3]) > 59) return null;
  const [y, mo, d] = m[1].split('-').map(Number);
  return vnWallInstant(y, mo, d, Number(m[2]), Number(m[3]));
}

export function parseEventForm(body: FormBody, t: Translate): Parsed<CalendarInput> {
  const c = new Checker(body, (f) => t(`transparency.calendar.${{ title: 'event_title', starts_at: 'starts', ends_at: 'ends' }[f] ?? f}`));
  const owner = c.choice('owner', OWNERS);
  const title = c.text('title', { required: true, max: 300 });
  const starts = parseLocalDateTime(str(body, 'starts_at'));
  const ends = parseLocalDateTime(str(body, 'ends_at'));
  if (!starts) c.add('starts_at', 'transparency.error.datetime', { field: t('transparency.calendar.starts') });
  if (!ends) c.add('ends_at', 'transparency.error.datetime', { field: t('transparency.calendar.ends') });
  if (starts && ends && ends.getTime() < starts.getTime()) c.add('ends_at', 'transparency.error.order');
  return c.result({
    owner, title, starts_at: starts ?? new Date(0), ends_at: ends ?? new Date(0),
    place: c.text('place', { max: 200 }), chair: c.text('chair', { max: 200 }), participants: c.text('participants', { max: 1000 }),
  });
}

export function parseScheduleForm(body: FormBody, t: Translate): Parsed<ScheduleInput> {
  const c = new Checker(body, labeller(t, 'transparency.reception'));
  const recurrence = c.choice('recurrence', ['weekly', 'monthly'] as const);
  const weekday = c.int('weekday', { min: 1, max: 7 });
  const weekOfMonth = recurrence === 'monthly' ? c.int('week_of_month', { min: 1, max: 5 }) : null;
  const start = c.text('start_time', { required: true, max: 5 });
  const end = c.text('end_time', { required: true, max: 5 });
  if (start && !TIME_RE.test(start)) c.add('start_time', 'transparency.error.time', { field: t('transparency.reception.start_time') });
  if (end && !TIME_RE.test(end)) c.add('end_time', 'transparency.error.time', { field: t('transparency.reception.end_time') });
  if (TIME_RE.test(start) && TIME_RE.test(end) && end <= start) c.add('end_time', 'transparency.error.order');
  return c.result({
    leader_name: c.text('leader_name', { required: true, max: 120 }), leader_title: c.text('leader_title', { required: true, max: 160 }),
    recurrence, weekday, week_of_month: weekOfMonth, start_time: start, end_time: end,
    place: c.text('place', { required: true, max: 200 }), note: c.text('note', { max: 500 }),
  });
}

function optionalDate(c: Checker, body: FormBody, name: string, label: string): string | null {
  const raw = str(body, name);
  if (!raw) return null;
  const d = parseIsoDate(raw);
  if (!d) c.add(name, 'transparency.error.date', { field: label });
  return d;
}

export function parseDocumentForm(body: FormBody, t: Translate): Parsed<DocumentInput> {
  const c = new Checker(body, (f) => t(`transparency.${f === 'title' ? 'text.title' : `disclosures.${{ document_number: 'number', amount_dong: 'amount' }[f] ?? f}`}`));
  const category = c.choice<Category>('category', CATEGORIES);
  const projectId = str(body, 'project_id') || null;
  if (projectId && !/^[0-9a-f-]{36}$/i.test(projectId)) c.add('project_id', 'transparency.error.choice', { field: t('transparency.disclosures.project') });
  const landKind = projectId ? c.choice<LandKind>('land_kind', LAND_KINDS, 'other') : null;
  const published = optionalDate(c, body, 'published_on', t('transparency.disclosures.published_on'));
  if (!str(body, 'published_on')) c.add('published_on', 'transparency.error.required', { field: t('transparency.disclosures.published_on') });
  const amount = str(body, 'amount_dong') ? c.int('amount_dong', { min: 0, max: 1e15 }) : null;
  // Never shorter than the legal minimum of the category (empty = the minimum).
  const min = minPostingDays(category);
  const postingDays = c.int('posting_days', { min: 1, max: 3650, fallback: min });
  if (postingDays < min && !c.errors.some((e) => e.field === 'posting_days')) {
    c.add('posting_days', 'transparency.error.posting_min', { category: t(`transparency.category.${category}`), min });
  }
  return c.result({
    category, title: c.text('title', { required: true, max: 300 }), summary: c.text('summary', { max: 5000 }),
    document_number: c.text('document_number', { max: 80 }), published_on: published ?? '',
    posting_days: postingDays,
    project_id: projectId, land_kind: landKind, amount_dong: amount,
  });
}

export function parseProjectForm(body: FormBody, t: Translate): Parsed<ProjectInput> {
  const c = new Checker(body, (f) => t(`transparency.disclosures.${f === 'name' ? 'project' : f}`));
  const opens = optionalDate(c, body, 'comment_opens_on', t('transparency.disclosures.comment_opens_on'));
  const closes = optionalDate(c, body, 'comment_closes_on', t('transparency.disclosures.comment_closes_on'));
  if (opens && closes && closes < opens) c.add('comment_closes_on', 'transparency.error.order');
  return c.result({
    name: c.text('name', { required: true, max: 300 }), location: c.text('location', { max: 300 }),
    description: c.text('description', { max: 5000 }), comment_opens_on: opens, comment_closes_on: closes,
  });
}

export function parseCommentForm(body: FormBody, t: Translate): Parsed<{ author_name: string; contact: string; body: string }> {
  const c = new Checker(body, (f) => t(`transparency.disclosures.comment_${f === 'author_name' ? 'name' : f}`));
  return c.result({
    author_name: c.text('author_name', { required: true, max: 120 }), contact: c.text('contact', { max: 200 }),
    body: c.text('body', { required: true, max: 3000 }),
  });
}

export function parseTextForm(body: FormBody, t: Translate): Parsed<{ title: string; body: string }> {
  const c = new Checker(body, labeller(t, 'transparency.text'));
  return c.result({ title: c.text('title', { required: true, max: 300 }), body: c.text('body', { required: true, max: 20000 }) });
}
