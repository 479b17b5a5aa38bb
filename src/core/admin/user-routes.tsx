import type { FastifyInstance, FastifyRequest } from 'fastify';
import { renderStaffPage } from '../../web/render.js';
import { Alert, Table } from '../../web/components/display.js';
import { Button, CsrfField, ErrorSummary, Select, TextInput, type FieldErrors } from '../../web/components/forms.js';
import { ROLES, USERNAME_RE, createPasswordToken, createUser, disableTotp, lockTotpState, usernameInUnit, usernameTaken, usersOfUnit,
  type UnitUserRow } from '../auth/accounts.js';
import { readForm } from '../http/forms.js';
import { audit } from '../audit.js';
import { AppError } from '../errors.js';
import type { Role } from '../module.js';

type UserRow = UnitUserRow;
const usersOf = (app: FastifyInstance, unitId: string): Promise<UserRow[]> => usersOfUnit(app.db, unitId);

function UsersPage({ req, users, errors, values, notice }: { req: FastifyRequest; users: UserRow[]; errors?: FieldErrors; values?: Record<string, string>; notice?: string }) {
  const base = `/quan-tri/${req.unit!.slug}/tai-khoan-can-bo`;
  return (
    <>
      <h1>{req.t('core.users')}</h1>
      {notice && <Alert kind="success">{notice}</Alert>}
      <Table caption={req.t('core.users')} rows={users} columns={[
        { header: req.t('core.display_name'), cell: (u) => u.display_name },
        { header: req.t('core.username'), cell: (u) => u.username },
        { header: req.t('core.role'), cell: (u) => u.roles.map((r) => req.t(`core.role.${r}`)).join(', ') },
        { header: req.t('core.totp_column'), cell: (u) => req.t(u.totp_enabled ? 'core.totp_state_on' : 'core.totp_state_off') },
        { header: '', cell: (u) => (
          <>
            <form method="post" action={`${base}/${u.id}/dat-lai-mat-khau`} class="inline-form">
              <CsrfField req={req} /><Button variant="link">{req.t('core.reset_link')}</Button>
            </form>
            {u.totp_enabled && (
              <form method="post" action={`${base}/${u.id}/tat-xac-thuc-hai-buoc`} class="inline-form">
                <CsrfField req={req} /><Button variant="link">{req.t('core.totp_disable')}</Button>
              </form>
            )}
          </>
        ) },
      ]} />
      <h2>{req.t('core.create_user')}</h2>
      <ErrorSummary req={req} errors={errors} />
      <form method="post" action={base} novalidate>
        <CsrfField req={req} />
        <TextInput name="display_name" label={req.t('core.display_name')} value={values?.display_name} error={errors?.display_name} required />
        <TextInput name="username" label={req.t('core.username')} hint={req.t('core.username_invalid')} value={values?.username} error={errors?.username} required />
        <Select name="role" label={req.t('core.role')} value={values?.role} error={errors?.role} placeholder=""
          options={ROLES.filter((r) => r !== 'city').map((r) => ({ value: r, label: req.t(`core.role.${r}`) }))} />
        <Button>{req.t('core.create_user')}</Button>
      </form>
    </>
  );
}

export async function userRoutes(app: FastifyInstance): Promise<void> {
  const guard = { schema: { hide: true }, preHandler: app.requireStaff(['admin']) };
  const show = async (req: FastifyRequest, reply: any, extra: Partial<Parameters<typeof UsersPage>[0]> = {}, status = 200) =>
    renderStaffPage(req, reply, { title: req.t('core.users'), current: 'tai-khoan-can-bo' }, <UsersPage req={req} users={await usersOf(app, req.unit!.id)} {...extra} />, status);

  app.get('/quan-tri/:unit/tai-khoan-can-bo', guard, async (req, reply) => show(req, reply));

  app.post('/quan-tri/:unit/tai-khoan-can-bo', guard, async (req, reply) => {
    const { fields } = await readForm(req);
    const errors: FieldErrors = {};
    const username = (fields.username ?? '').trim().toLowerCase();
    if (!(fields.display_name ?? '').trim()) errors.display_name = req.t('core.display_name_required');
    if (!USERNAME_RE.test(username)) errors.username = req.t('core.username_invalid');
    if (!ROLES.includes(fields.role as Role) || fields.role === 'city') errors.role = req.t('core.role_invalid');
    if (!errors.username) {
      if (await usernameTaken(app.db, username)) errors.username = req.t('core.username_taken');
    }
    if (Object.keys(errors).length) return show(req, reply, { errors, values: fields }, 422);
    const url = await app.db.transaction().execute(async (trx) => {
      const id = await createUser(trx, { unitId: req.unit!.id, username, displayName: fields.display_name.trim(), roles: [fields.role as Role] });
      await audit(trx, req, { action: 'user.create', entity: 'user', entityId: id, after: { username, role: fields.role } });
      return `${app.config.publicUrl}/dat-mat-khau/${await createPasswordToken(trx, id, 'setup')}`;
    });
    return show(req, reply, { notice: `${req.t('core.user_created', { username })} ${req.t('core.reset_link_created', { url })}` });
  });

  app.post<{ Params: { unit: string; id: string } }>('/quan-tri/:unit/tai-khoan-can-bo/:id/dat-lai-mat-khau', guard, async (req, reply) => {
    if (!(await usernameInUnit(app.db, req.unit!.id, req.params.id))) throw AppError.notFound();
    const url = await app.db.transaction().execute(async (trx) => {
      await audit(trx, req, { action: 'user.password_link', entity: 'user', entityId: req.params.id });
      return `${app.config.publicUrl}/dat-mat-khau/${await createPasswordToken(trx, req.params.id, 'reset')}`;
    });
    return show(req, reply, { notice: req.t('core.reset_link_created', { url }) });
  });

  // A staff member who lost the authenticator: the unit's admin turns the second factor off.
  app.post<{ Params: { unit: string; id: string } }>('/quan-tri/:unit/tai-khoan-can-bo/:id/tat-xac-thuc-hai-buoc', guard, async (req, reply) => {
    if (!UUID_RE.test(req.params.id)) throw AppError.notFound();
    const username = await app.db.transaction().execute(async (trx) => {
      const user = await lockTotpState(trx, req.unit!.id, req.params.id);
      if (!user) throw AppError.notFound();
      if (!user.totp_enabled) throw AppError.conflict('core.totp_not_on');
      await disableTotp(trx, req.params.id);
      await audit(trx, req, { action: 'user.totp_disable', entity: 'user', entityId: req.params.id, before: { totp_enabled: true }, after: { totp_enabled: false } });
      return user.username;
    });
    return show(req, reply, { notice: req.t('core.totp_disabled_ok', { username }) });
  });
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
