import { sql } from 'kysely';
import { readFileSync } from 'node:fs';
import type { Config } from '../core/config.js';
import { openRuntime, prepareDatabase, type Runtime } from '../core/runtime.js';
import { migrateToLatest } from '../core/migrate.js';
import { createUser, ROLES, USERNAME_RE } from '../core/auth/accounts.js';
import { passwordProblem } from '../core/auth/passwords.js';
import { createApiToken } from '../core/auth/tokens.js';
import { verifyAuditChain, writeAuditAnchor } from '../core/audit.js';
import { backupTo, restoreFrom } from '../core/backup.js';
import type { Role } from '../core/module.js';
import { cliLog } from './logger.js';

type Args = Record<string, string | string[] | boolean>;
const str = (a: Args, k: string) => (typeof a[k] === 'string' ? (a[k] as string) : undefined);

/** `--passphrase-file <file>` (first line), else `BACKUP_PASSPHRASE`; none: the backup is not encrypted. */
function backupPassphrase(a: Args): string | null {
  const file = str(a, 'passphrase-file');
  if (file) return readFileSync(file, 'utf8').split(/\r?\n/)[0] || null;
  return process.env.BACKUP_PASSPHRASE || null;
}

async function unitId(rt: Runtime, slug: string | undefined): Promise<string> {
  if (!slug) throw new Error('Thiếu --unit <slug>.');
  const { rows } = await sql<{ id: string }>`select id from units where slug = ${slug}`.execute(rt.ownerDb);
  if (!rows[0]) throw new Error(`Không có đơn vị "${slug}".`);
  return rows[0].id;
}

function role(a: Args): Role {
  const r = str(a, 'role');
  if (!r || !ROLES.includes(r as Role)) throw new Error(`--role phải là một trong: ${ROLES.join(', ')}`);
  return r as Role;
}

/** Runs one CLI command against the same data as the server (also while it runs). Null = unknown. */
export async function runAdminCommand(config: Config, command: string, sub: string | undefined, a: Args): Promise<number | null> {
  const known = ['migrate', 'seed', 'user', 'token', 'audit', 'backup', 'restore'];
  if (!known.includes(command)) return null;
  const rt = await openRuntime(config, cliLog, { poolSize: 2 });
  try {
    switch (command) {
      case 'migrate': {
        const ran = await migrateToLatest(rt.ownerDb);
        console.log(ran.length ? `Đã chạy ${ran.length} bước nâng cấp.` : 'Cơ sở dữ liệu đã ở phiên bản mới nhất.');
        return 0;
      }
      case 'seed': {
        const { adminSetupUrl } = await prepareDatabase(rt, cliLog, { demo: config.demo });
        console.log('Đã nạp dữ liệu tham chiếu' + (config.demo ? ' và phường mẫu.' : '.'));
        if (adminSetupUrl) console.log(`Đặt mật khẩu quản trị viên: ${adminSetupUrl}`);
        return 0;
      }
      case 'user': {
        if (sub !== 'create') throw new Error('Dùng: user create --unit … --role … --username … --password …');
        const username = (str(a, 'username') ?? '').toLowerCase();
        if (!USERNAME_RE.test(username)) throw new Error('Tên đăng nhập không hợp lệ (chữ thường không dấu, số, dấu chấm, gạch dưới; 3–40 ký tự).');
        const password = str(a, 'password') ?? '';
        const problem = await passwordProblem(password, username);
        if (problem) throw new Error(problem);
        const id = await createUser(rt.ownerDb, { unitId: await unitId(rt, str(a, 'unit')), username, displayName: str(a, 'name') ?? username, roles: [role(a)], password });
        console.log(`Đã tạo tài khoản ${username} (${id}).`);
        return 0;
      }
      case 'token': {
        if (sub !== 'create') throw new Error('Dùng: token create --unit … --role …');
        console.log(await createApiToken(rt.ownerDb, await unitId(rt, str(a, 'unit')), role(a), str(a, 'label') ?? null));
        return 0;
      }
      case 'audit': {
        if (sub !== 'verify') throw new Error('Dùng: audit verify');
        const r = await verifyAuditChain(rt.ownerDb, { dataDir: rt.config.dataDir });
        if (r.ok) {
          console.log(`Nhật ký toàn vẹn: đã kiểm ${r.checked} dòng (${r.anchors ?? 0} mốc neo).`);
          const anchor = await writeAuditAnchor(rt.ownerDb, rt.config.dataDir);
          if (anchor) console.log(`Mốc neo mới: dòng #${anchor.id}, hash ${anchor.hash}`);
          return 0;
        }
        console.log(`Nhật ký bị sửa: dòng đầu tiên sai là #${r.firstBadId} (${r.reason}); đã kiểm ${r.checked} dòng trước đó.`);
        return 3;
      }
      case 'backup': {
        const out = await backupTo(rt, str(a, 'out'), { passphrase: backupPassphrase(a) });
        console.log(`Đã sao lưu vào ${out}`);
        return 0;
      }
      case 'restore': {
        const from = str(a, 'from');
        if (!from) throw new Error('Thiếu --from <thư mục sao lưu>.');
        const n = await restoreFrom(rt, from, a.force === true, { passphrase: backupPassphrase(a) });
        console.log(`Đã khôi phục ${n} bảng từ ${from}.`);
        return 0;
      }
    }
    return null;
  } finally {
    await rt.close();
  }
}
