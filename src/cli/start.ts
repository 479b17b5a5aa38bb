import type { Config } from '../core/config.js';
import { openRuntime, prepareDatabase } from '../core/runtime.js';
import type { buildApp } from '../app.js';
import type { startJobs } from '../core/jobs.js';
import type { startOutboxWorker } from '../core/outbox-worker.js';
import { DEMO_PASSWORD } from '../core/seed/demo-ward.js';
import { writeAuditAnchor } from '../core/audit.js';

const AUDIT_ANCHOR_MINUTES = Number(process.env.AUDIT_ANCHOR_MINUTES ?? 10);

// The HTTP application, pg-boss and the mailer load while PostgreSQL starts and the database is prepared.
const loadServerParts = () => Promise.all([import('../app.js'), import('../core/jobs.js'), import('../core/outbox-worker.js'), import('../core/mail.js')])
  .then(([a, j, o, m]) => ({ buildApp: a.buildApp, startJobs: j.startJobs, startOutboxWorker: o.startOutboxWorker, createTransport: m.createTransport }));

/** Starts everything, prints the URL; Ctrl-C (or SIGTERM) stops the server, then PostgreSQL. */
export async function startServer(config: Config): Promise<void> {
  const t0 = Date.now();
  const parts = loadServerParts();
  parts.catch(() => undefined); // awaited below; a failure is reported there
  let stopping = false;
  const log = {
    info: (m: string) => console.log(m),
    warn: (m: string) => console.warn(m),
    debug: (m: string) => { if (config.logLevel === 'debug') console.log(m); },
  };
  const phases: string[] = [];
  let mark = Date.now();
  const phase = (name: string) => { phases.push(`${name} ${((Date.now() - mark) / 1000).toFixed(1)}`); mark = Date.now(); };
  // A signal during start-up stops at the next phase boundary, through the clean-up below.
  let pending: string | null = null;
  const early = (signal: string) => { pending ??= signal; console.log(`\n${signal}: đang dừng…`); };
  const checkpoint = () => { if (pending) throw new Error(`${pending}`); };
  for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(s, early);
  const rt = await openRuntime(config, log, { server: true });
  phase('CSDL');
  let boss: Awaited<ReturnType<typeof startJobs>> | null = null;
  let app: Awaited<ReturnType<typeof buildApp>> | null = null;
  let outbox: ReturnType<typeof startOutboxWorker> | null = null;
  let adminSetupUrl: string | undefined;
  try {
    checkpoint();
    ({ adminSetupUrl } = await prepareDatabase(rt, log, { demo: config.demo }));
    phase('dữ liệu');
    const { buildApp, startJobs, startOutboxWorker, createTransport } = await parts;
    checkpoint();
    boss = config.jobs ? await startJobs(rt.endpoints.ownerUrl, { error: (o: any) => { if (!stopping) console.error(`Lỗi hàng đợi công việc: ${o?.err?.message ?? o}`); } }) : null;
    phase('hàng đợi');
    app = await buildApp(rt, { boss });
    for (const m of rt.modules) if (boss && m.jobs) await m.jobs(boss, app);
    phase('ứng dụng');
    checkpoint();
    outbox = startOutboxWorker(rt.ownerDb, createTransport(config.smtpUrl), config.mailFrom, app.realtime, app.log);
    await app.listen({ port: config.port, host: config.host });
  } catch (err) {
    // A failed start (port taken, migration error) must not leave PostgreSQL running.
    stopping = true;
    outbox?.stop();
    await app?.close().catch(() => undefined);
    await boss?.stop({ graceful: false, wait: true, timeout: 2000 }).catch(() => undefined);
    await rt.close().catch(() => undefined);
    if (pending) process.exit(0);
    throw err;
  }
  for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.off(s, early);

  console.log(`\nThân Thiện đang chạy tại ${config.publicUrl}/ (khởi động ${((Date.now() - t0) / 1000).toFixed(1)} s: ${phases.join(', ')})`);
  if (config.demo) {
    console.log(`Phường mẫu: ${config.publicUrl}/chu-van-an/`);
    console.log(`Tài khoản cán bộ mẫu (mật khẩu ${DEMO_PASSWORD}): lanhdao, motcua, vanhoa, mattran, thanhtra, xem`);
  }
  if (adminSetupUrl) console.log(`Đặt mật khẩu cho quản trị viên đầu tiên (tài khoản "admin", dùng một lần): ${adminSetupUrl}`);

  // The audit chain's head goes to the data folder and the log now and every AUDIT_ANCHOR_MINUTES.
  const anchor = async () => {
    try {
      const a = await writeAuditAnchor(rt.ownerDb, config.dataDir);
      if (a) console.log(`Mốc neo nhật ký: dòng #${a.id} hash ${a.hash}`);
    } catch (err) {
      console.warn(`Không ghi được mốc neo nhật ký: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  void anchor();
  const anchorTimer = setInterval(() => void anchor(), AUDIT_ANCHOR_MINUTES * 60_000);
  anchorTimer.unref();

  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    clearInterval(anchorTimer);
    await anchor();
    console.log(`\n${signal}: đang dừng…`);
    // Longer than PostgreSQL's own stop wait (30 s): its shutdown checkpoint can be slow on a busy disk.
    const force = setTimeout(() => { console.error('Dừng quá lâu: thoát cưỡng bức'); process.exit(1); }, 45_000);
    force.unref();
    let code = 0;
    const step = async (what: () => Promise<unknown> | void) => {
      try { await what(); } catch (err) { code = 1; console.error(`Lỗi khi dừng: ${err instanceof Error ? err.message : String(err)}`); }
    };
    await step(() => outbox!.stop());
    await step(() => app!.close());
    await boss?.stop({ graceful: true, wait: true, timeout: 5000 }).catch(() => undefined);
    await step(() => rt.close()); // stops PostgreSQL when this server owns it
    process.exit(code);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGHUP', () => void stop('SIGHUP'));
  if (pending) void stop(pending);
}
