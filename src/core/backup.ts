import pg from 'pg';
import { sql } from 'kysely';
import { chmodSync, createReadStream, createWriteStream, mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createCipheriv, createDecipheriv, createHmac, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import type { Readable, Transform, Writable } from 'node:stream';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip, createGunzip } from 'node:zlib';
import copyStreams from 'pg-copy-streams';
import type { Runtime } from './runtime.js';
import { migrateToLatest } from './migrate.js';

interface Encryption { alg: 'aes-256-gcm'; kdf: 'scrypt'; salt: string; check: string; files: Record<string, { iv: string; tag: string }> }
interface Manifest { format: 'thanthien-backup-1'; createdAt: string; migrations: string[]; tables: string[]; encryption?: Encryption }

/**
 * Backups hold password hashes, TOTP secrets, tokens and citizens' data: the folder is 0700 and
 * every file 0600 (owner only). With a passphrase (`--passphrase-file`, or `BACKUP_PASSPHRASE`)
 * each table file is also encrypted with AES-256-GCM under a key derived by scrypt from the
 * passphrase and a random salt; the manifest (no personal data) keeps the salt, IVs and tags.
 */
const DIR_MODE = 0o700;
const FILE_MODE = 0o600;
/** Lets restore tell a wrong passphrase from a damaged file before reading any table. */
const keyCheck = (key: Buffer) => createHmac('sha256', key).update('thanthien-backup-key').digest('hex');
const keyOf = (passphrase: string, salt: Buffer) => scryptSync(passphrase, salt, 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });

export interface BackupOptions { passphrase?: string | null }

async function tables(rt: Runtime): Promise<string[]> {
  const { rows } = await sql<{ t: string }>`select tablename as t from pg_tables where schemaname = 'public'
    and tablename not in ('kysely_migration', 'kysely_migration_lock') order by tablename`.execute(rt.ownerDb);
  return rows.map((r) => r.t);
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try { return await fn(c); } finally { await c.end(); }
}

/**
 * A logical backup (one consistent snapshot, every table COPYed and gzipped) that restores into
 * the same version of Thân Thiện. Works with the embedded server, which ships no pg_dump.
 */
export async function backupTo(rt: Runtime, out?: string, opts: BackupOptions = {}): Promise<string> {
  const root = path.join(rt.config.dataDir, 'backups');
  const dir = path.resolve(out ?? path.join(root, new Date().toISOString().replace(/[:.]/g, '-')));
  if (!out) { mkdirSync(root, { recursive: true, mode: DIR_MODE }); chmodSync(root, DIR_MODE); }
  mkdirSync(dir, { recursive: true, mode: DIR_MODE });
  chmodSync(dir, DIR_MODE);
  const key = opts.passphrase ? { salt: randomBytes(16) } : null;
  const secret = key ? keyOf(opts.passphrase!, key.salt) : null;
  const encryption: Encryption | undefined = key ? { alg: 'aes-256-gcm', kdf: 'scrypt', salt: key.salt.toString('hex'), check: keyCheck(secret!), files: {} } : undefined;
  const names = await tables(rt);
  const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(rt.ownerDb);
  await withClient(rt.endpoints.ownerUrl, async (c) => {
    await c.query('begin isolation level repeatable read read only');
    for (const t of names) {
      const source = c.query(copyStreams.to(`copy ${c.escapeIdentifier(t)} to stdout`));
      const file = `${t}.copy.gz`;
      const sink = createWriteStream(path.join(dir, file), { mode: FILE_MODE });
      if (secret && encryption) {
        const iv = randomBytes(12);
        const cipher = createCipheriv('aes-256-gcm', secret, iv);
        await pipeline(source, createGzip(), cipher, sink);
        encryption.files[file] = { iv: iv.toString('hex'), tag: cipher.getAuthTag().toString('hex') };
      } else {
        await pipeline(source, createGzip(), sink);
      }
    }
    await c.query('commit');
  });
  const manifest: Manifest = { format: 'thanthien-backup-1', createdAt: new Date().toISOString(), migrations: rows.map((r) => r.name), tables: names, encryption };
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2), { mode: FILE_MODE });
  return dir;
}

/** Restores a backup into this installation's database; refuses to overwrite data unless forced. */
export async function restoreFrom(rt: Runtime, from: string, force: boolean, opts: BackupOptions = {}): Promise<number> {
  const file = path.join(from, 'manifest.json');
  if (!existsSync(file)) throw new Error(`Không thấy ${file}: đây không phải bản sao lưu của Thân Thiện.`);
  const m = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
  if (m.format !== 'thanthien-backup-1') throw new Error('Định dạng bản sao lưu không được hỗ trợ.');
  if (m.encryption && !opts.passphrase) throw new Error('Bản sao lưu được mã hóa: cần cụm mật khẩu (--passphrase-file hoặc BACKUP_PASSPHRASE).');
  const secret = m.encryption ? keyOf(opts.passphrase!, Buffer.from(m.encryption.salt, 'hex')) : null;
  if (secret && !timingSafeEqual(Buffer.from(keyCheck(secret)), Buffer.from(m.encryption!.check))) {
    throw new Error('Sai cụm mật khẩu hoặc bản sao lưu đã bị sửa.');
  }
  const open = (file: string): Array<Readable | Transform> => {
    const src = createReadStream(path.join(from, file));
    const enc = m.encryption?.files[file];
    if (!secret || !enc) return [src];
    const d = createDecipheriv('aes-256-gcm', secret, Buffer.from(enc.iv, 'hex'));
    d.setAuthTag(Buffer.from(enc.tag, 'hex'));
    return [src, d];
  };
  await migrateToLatest(rt.ownerDb);
  const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(rt.ownerDb);
  const missing = m.migrations.filter((n) => !rows.some((r) => r.name === n));
  if (missing.length) throw new Error(`Bản sao lưu từ phiên bản mới hơn (thiếu ${missing.join(', ')}). Hãy cập nhật phần mềm trước.`);
  await withClient(rt.endpoints.ownerUrl, async (c) => {
    const used = await c.query(`select count(*)::int as n from users`);
    if (used.rows[0].n > 0 && !force) throw new Error('Cơ sở dữ liệu đang có dữ liệu. Thêm --force để ghi đè.');
    await c.query('begin');
    await c.query("set local session_replication_role = 'replica'");
    await c.query(`truncate ${m.tables.map((t) => c.escapeIdentifier(t)).join(', ')} cascade`);
    for (const t of m.tables) {
      const target: Writable = c.query(copyStreams.from(`copy ${c.escapeIdentifier(t)} from stdin`));
      try {
        await pipeline([...open(`${t}.copy.gz`), createGunzip(), target]);
      } catch (err) {
        if (secret && /auth|decrypt/i.test(String((err as Error).message))) throw new Error('Sai cụm mật khẩu hoặc bản sao lưu đã bị sửa.');
        throw err;
      }
    }
    const seqs = await c.query(`select s.relname as seq, t.relname as tbl, a.attname as col from pg_class s
      join pg_depend d on d.objid = s.oid join pg_class t on t.oid = d.refobjid
      join pg_attribute a on a.attrelid = t.oid and a.attnum = d.refobjsubid where s.relkind = 'S'`);
    for (const r of seqs.rows) {
      await c.query(`select setval($1, coalesce((select max(${c.escapeIdentifier(r.col)}) from ${c.escapeIdentifier(r.tbl)}), 0) + 1, false)`, [r.seq]);
    }
    await c.query('commit');
  });
  return m.tables.length;
}
