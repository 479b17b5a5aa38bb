import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { readForm } from '../../core/http/forms.js';
import { renderStaffPage } from '../../web/render.js';
import { currentUnitSettings, parseUnitSettingsForm, saveUnitSettings } from './unit-settings.js';
import { SettingsPage, settingsValues } from './views/settings-page.js';
import { queryFlag } from '../../core/http/query.js';

export const SETTINGS_PATH = 'thu-tuc/cai-dat';

function page(req: FastifyRequest, reply: FastifyReply, values: Record<string, string>, errors: Record<string, string> = {}, notice?: string, status = 200) {
  return renderStaffPage(req, reply, { title: req.t('catalogue.settings.title'), current: SETTINGS_PATH },
    <SettingsPage req={req} values={values} errors={errors} notice={notice} />, status);
}

/** `/quan-tri/{unit}/thu-tuc/cai-dat`: fee collection account and hotline (administrators only, audited). */
export async function settingsRoutes(app: FastifyInstance): Promise<void> {
  const opts = { preHandler: app.requireStaff(['admin']), schema: { hide: true } };
  app.get(`/quan-tri/:unit/${SETTINGS_PATH}`, opts, (req, reply) => {
    const notice = queryFlag(req, 'da-luu') ? req.t('catalogue.settings.saved') : undefined;
    return page(req, reply, settingsValues(currentUnitSettings(req.unit!)), {}, notice);
  });
  app.post(`/quan-tri/:unit/${SETTINGS_PATH}`, opts, async (req, reply) => {
    const { fields } = await readForm(req);
    const { value, errors } = parseUnitSettingsForm(fields);
    if (!value) return page(req, reply, fields, errors, undefined, 422);
    await saveUnitSettings(app.db, req, value);
    return reply.redirect(`/quan-tri/${req.unit!.slug}/${SETTINGS_PATH}?da-luu=1`, 303);
  });
}
