import { sql } from 'kysely';
import type { Session, TestApp } from '../../helpers/app.js';
import { withUnit } from '../../../src/core/tenancy.js';
import { takeTicket } from '../../../src/modules/centre/queue-service.js';
import { createReceptionToken } from '../../../src/modules/centre/rating-service.js';
import { createPairingCode } from '../../../src/modules/centre/device-service.js';

/**
 * URLs of pages that no link leads to, because only a citizen's action (a ticket, a booking, a
 * rating slip) or a form makes them, from the demo data through the modules' services.
 */
export async function extraUrls(t: TestApp, admin: Session): Promise<string[]> {
  void admin;
  const slug = 'chu-van-an';
  const unitId = await t.unitId(slug);
  const now = new Date();
  return withUnit(t.appDb, unitId, async (trx) => {
    const urls: string[] = [];
    const { rows: services } = await sql<{ code: string }>`select code from centre_services where unit_id = ${unitId} and active order by code limit 1`.execute(trx);
    if (services[0]) {
      const ticket = await takeTicket(trx, unitId, { service: services[0].code, source: 'kiosk' }, now);
      urls.push(`/${slug}/quay/in-ve/${ticket.token}`, `/${slug}/quay/ve/${ticket.token}`, `/${slug}/danh-gia/${ticket.token}`);
    }
    urls.push(`/${slug}/danh-gia/tiep-cong-dan/${await createReceptionToken(trx, unitId, 'KIEM-THU-1', null)}`);
    const { rows: counters } = await sql<{ number: number }>`select number from centre_counters where unit_id = ${unitId} order by number limit 1`.execute(trx);
    if (counters[0]) {
      // A pairing code lives 10 minutes; the pages are opened at two widths over longer than that.
      const pairing = await createPairingCode(trx, unitId, counters[0].number, null, new Date(now.getTime() + 3_600_000));
      urls.push(`/${slug}/quay/danh-gia/${counters[0].number}/ghep/${pairing.code}`);
    }
    return urls;
  });
}
