import type { FastifyRequest } from 'fastify';
import { Alert, Table } from '../../../web/components/display.js';
import { Button, Choices, CsrfField, ErrorSummary, TextInput, type FieldErrors } from '../../../web/components/forms.js';
import { formatDate, formatDateTime } from '../../../lib/format.js';
import { weekdayOf } from '../../../lib/vn-calendar/index.js';
import { ORGANISATIONS, SHIFT_TIMES, attendanceHours, type HoursRow } from '../domain/volunteers.js';
import type { SignupRow } from '../repo-volunteers.js';
import type { ShiftSlot } from '../volunteers-service.js';

export const dayLabel = (req: FastifyRequest, day: string) => `${req.t(`outreach.weekday.${weekdayOf(day)}`)} ${formatDate(day)}`;
export const shiftLabel = (req: FastifyRequest, shift: keyof typeof SHIFT_TIMES) =>
  `${req.t(`outreach.shift.${shift}`)} (${SHIFT_TIMES[shift].start}–${SHIFT_TIMES[shift].end})`;

export function SignupPage({ req, slots, values, errors, error }: { req: FastifyRequest; slots: ShiftSlot[]; values?: Record<string, string>; errors?: FieldErrors; error?: string }) {
  const open = slots.filter((s) => s.free > 0);
  return (
    <>
      <h1>{req.t('outreach.volunteer.public_title')}</h1>
      <p>{req.t('outreach.volunteer.public_lead')}</p>
      {error && <Alert kind="error">{error}</Alert>}
      <ErrorSummary req={req} errors={errors} />
      {open.length ? (
        <form method="post" action={`/${req.unit!.slug}/tinh-nguyen`}>
          <CsrfField req={req} />
          <Choices name="slot" legend={req.t('outreach.volunteer.choose_shift')} error={errors?.slot} value={values?.slot} required
            options={open.map((s) => ({ value: `${s.day}|${s.shift}`, label: `${dayLabel(req, s.day)} — ${shiftLabel(req, s.shift)} — ${req.t('outreach.volunteer.free', { n: s.free })}` }))} />
          <TextInput name="name" label={req.t('outreach.volunteer.name')} value={values?.name} error={errors?.name} required autocomplete="name" maxLength={200} />
          <TextInput name="organisation" label={req.t('outreach.volunteer.organisation')} hint={req.t('outreach.volunteer.organisation_hint', { list: ORGANISATIONS.slice(0, 3).join(', ') })}
            value={values?.organisation} error={errors?.organisation} required maxLength={200} />
          <TextInput name="phone" type="tel" label={req.t('outreach.volunteer.phone')} hint={req.t('outreach.volunteer.phone_hint')} value={values?.phone} error={errors?.phone} required autocomplete="tel" inputMode="tel" />
          <Button>{req.t('outreach.volunteer.sign_up')}</Button>
        </form>
      ) : <p>{req.t('outreach.volunteer.none_open')}</p>}
    </>
  );
}

export function SignedUpPage({ req, s }: { req: FastifyRequest; s: { day: string; shift: 'morning' | 'afternoon' } }) {
  return (
    <>
      <h1>{req.t('outreach.volunteer.thanks_title')}</h1>
      <Alert kind="success">{req.t('outreach.volunteer.thanks', { day: dayLabel(req, s.day), shift: shiftLabel(req, s.shift) })}</Alert>
      <p><a href={`/${req.unit!.slug}/tinh-nguyen`}>{req.t('outreach.volunteer.another')}</a></p>
    </>
  );
}

function CheckButtons({ req, s }: { req: FastifyRequest; s: SignupRow }) {
  const action = `/quan-tri/${req.unit!.slug}/tinh-nguyen/${s.id}`;
  if (s.checked_out_at) return <>{req.t('outreach.volunteer.hours', { n: attendanceHours(s.shift, s.checked_in_at, s.checked_out_at) })}</>;
  return (
    <form method="post" action={action} class="inline-actions">
      <CsrfField req={req} />
      {!s.checked_in_at
        ? <Button name="action" value="in" variant="secondary">{req.t('outreach.volunteer.check_in')}<span class="visually-hidden"> — {s.name}</span></Button>
        : <Button name="action" value="out" variant="secondary">{req.t('outreach.volunteer.check_out')}<span class="visually-hidden"> — {s.name}</span></Button>}
    </form>
  );
}

export function RosterTable({ req, rows, withActions }: { req: FastifyRequest; rows: SignupRow[]; withActions: boolean }) {
  return (
    <Table caption={req.t('outreach.volunteer.roster')} rows={rows} empty={req.t('outreach.volunteer.roster_empty')} columns={[
      { header: req.t('outreach.volunteer.day'), cell: (s) => dayLabel(req, s.day) },
      { header: req.t('outreach.volunteer.shift'), cell: (s) => shiftLabel(req, s.shift) },
      { header: req.t('outreach.volunteer.name'), cell: (s) => s.name },
      { header: req.t('outreach.volunteer.organisation'), cell: (s) => s.organisation },
      { header: req.t('outreach.volunteer.phone'), cell: (s) => s.phone },
      { header: req.t('outreach.volunteer.in_out'), cell: (s) => withActions ? <CheckButtons req={req} s={s} />
        : [s.checked_in_at && formatDateTime(s.checked_in_at), s.checked_out_at && formatDateTime(s.checked_out_at)].filter(Boolean).join(' – ') || '' },
    ]} />
  );
}

export function StaffVolunteerPage({ req, today, rows, upcoming, byPerson, byOrg, year, notice }: {
  req: FastifyRequest; today: string; rows: SignupRow[]; upcoming: SignupRow[]; byPerson: HoursRow[]; byOrg: HoursRow[]; year: number; notice?: string;
}) {
  const base = `/quan-tri/${req.unit!.slug}/tinh-nguyen`;
  const hoursCols = [
    { header: req.t('outreach.volunteer.who'), cell: (r: HoursRow) => r.label },
    { header: req.t('outreach.volunteer.shifts'), cell: (r: HoursRow) => r.shifts, numeric: true },
    { header: req.t('outreach.volunteer.hours_col'), cell: (r: HoursRow) => r.hours.toLocaleString('vi-VN'), numeric: true },
  ];
  return (
    <>
      <h1>{req.t('outreach.volunteer.staff_title')}</h1>
      {notice && <Alert kind="success">{notice}</Alert>}
      <p><a href={`${base}/lich-truc`}>{req.t('outreach.volunteer.print_roster')}</a> · <a href={`/${req.unit!.slug}/tinh-nguyen`}>{req.t('outreach.volunteer.public_link')}</a></p>
      <h2>{req.t('outreach.volunteer.today', { day: dayLabel(req, today) })}</h2>
      <RosterTable req={req} rows={rows} withActions />
      <h2>{req.t('outreach.volunteer.upcoming')}</h2>
      <RosterTable req={req} rows={upcoming} withActions={false} />
      <h2>{req.t('outreach.volunteer.hours_person', { year })}</h2>
      <Table caption={req.t('outreach.volunteer.hours_person', { year })} rows={byPerson} empty={req.t('outreach.volunteer.no_hours')} columns={hoursCols} />
      <h2>{req.t('outreach.volunteer.hours_org', { year })}</h2>
      <Table caption={req.t('outreach.volunteer.hours_org', { year })} rows={byOrg} empty={req.t('outreach.volunteer.no_hours')} columns={hoursCols} />
      <form method="post" action={`${base}/thu-cam-on`}>
        <CsrfField req={req} />
        <input type="hidden" name="year" value={String(year)} />
        <p class="muted">{req.t('outreach.volunteer.thanks_letters_hint')}</p>
        <Button variant="secondary">{req.t('outreach.volunteer.thanks_letters', { year })}</Button>
      </form>
    </>
  );
}
