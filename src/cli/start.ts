import type { Config } from '../core/config.js';
import { openRuntime, prepareDatabase } from '../core/runtime.js';
import { buildApp } from '../app.js';
import { startJobs } from '../core/jobs.js';
import { startOutboxWorker } from '../core/outbox-worker.js';
import { createTransport } from '../core/mail.js';
import { DEMO_PASSWORD } from '../core/seed/demo-ward.js';

/** Starts everything, prints the URL; Ctrl-C (or SIGTERM) stops the server, then PostgreSQL. */
export async function startServer(config: Config): Promise<void> {
  const t0 = Date.now();
  let stopping = false;
  const log = {
    info: (m: string) => console.log(m),
    warn: (m: string) => console.warn(m),
    debug: (m: string) => { if (config.logLevel === 'debug') console.log(m); },
  };
  const phases: string[] = [];
  let mark = Date.now();
  const phase = (name: string) => { phases.push(`${name} ${((Date.now() - mark) / 1000).toFixed(1)}`); mark = Date.now(); };
  const rt = await openRuntime(config, log);
  phase('CSDL');
  const { adminSetupUrl } = await prepareDatabase(rt, log, { demo: config.demo });
  phase('dữ liệu');
  const boss = config.jobs ? await startJobs(rt.endpoints.ownerUrl, { error: (o: any) => { if (!stopping) console.error(`Lỗi hàng đợi công việc: ${o?.err?.message ?? o}`); } }) : null;
  phase('hàng đợi');
  const app = await buildApp(rt, { boss });
  for (const m of rt.modules) if (boss && m.jobs) await m.jobs(boss, app);
  phase('ứng dụng');
  const outbox = startOutboxWorker(rt.ownerDb, createTransport(config.smtpUrl), config.mailFrom, app.realtime, app.log);
  await app.listen({ port: config.port, host: config.host });

  console.log(`\nThân Thiện đang chạy tại ${config.publicUrl}/ (khởi động ${((Date.now() - t0) / 1000).toFixed(1)} s: ${phases.join(', ')})`);
  if (config.demo) {
    console.log(`Phường mẫu: ${config.publicUrl}/chu-van-an/`);
    console.log(`Tài khoản cán bộ mẫu (mật khẩu ${DEMO_PASSWORD}): lanhdao, motcua, vanhoa, mattran, thanhtra, xem`);
  }
  if (adminSetupUrl) console.log(`Đặt mật khẩu cho quản trị viên đầu tiên (tài khoản "admin", dùng một lần): ${adminSetupUrl}`);

  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: đang dừng…`);
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    outbox.stop();
    await app.close();
    await boss?.stop({ graceful: true, wait: true, timeout: 5000 }).catch(() => undefined);
    await rt.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}
