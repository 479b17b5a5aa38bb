import pg from 'pg';
import { sql } from 'kysely';
import { createReadStream, createWriteStream, mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip, createGunzip } from 'node:zlib';
import copyStreams from 'pg-copy-streams';
import type { Runtime } from './runtime.js';
import { migrateToLatest } from './migrate.js';

interface Manifest { format: 'thanthien-backup-1'; createdAt: string; migrations: string[]; tables: string[] }

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
export async function backupTo(rt: Runtime, out?: string): Promise<string> {
  const dir = path.resolve(out ?? path.join(rt.config.dataDir, 'backups', new Date().toISOString().replace(/[:.]/g, '-')));
  mkdirSync(dir, { recursive: true });
  const names = await tables(rt);
  const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(rt.ownerDb);
  await withClient(rt.endpoints.ownerUrl, async (c) => {
    await c.query('begin isolation level repeatable read read only');
    for (const t of names) {
      const source = c.query(copyStreams.to(`copy ${c.escapeIdentifier(t)} to stdout`));
      await pipeline(source, createGzip(), createWriteStream(path.join(dir, `${t}.copy.gz`)));
    }
    await c.query('commit');
  });
  const manifest: Manifest = { format: 'thanthien-backup-1', createdAt: new Date().toISOString(), migrations: rows.map((r) => r.name), tables: names };
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return dir;
}

/** Restores a backup into this installation's database; refuses to overwrite data unless forced. */
export async function restoreFrom(rt: Runtime, from: string, force: boolean): Promise<number> {
  const file = path.join(from, 'manifest.json');
  if (!existsSync(file)) throw new Error(`Không thấy ${file}: đây không phải bản sao lưu của Thân Thiện.`);
  const m = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
  if (m.format !== 'thanthien-backup-1') throw new Error('Định dạng bản sao lưu không được hỗ trợ.');
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
      await pipeline(createReadStream(path.join(from, `${t}.copy.gz`)), createGunzip(), c.query(copyStreams.from(`copy ${c.escapeIdentifier(t)} from stdin`)));
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
