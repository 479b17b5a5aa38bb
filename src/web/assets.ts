import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export interface Asset { body: Buffer; type: string; hashedName: string }

const staticDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'static');
const require = createRequire(import.meta.url);
const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.mp3': 'audio/mpeg', '.txt': 'text/plain; charset=utf-8',
};
const FONT_FILES = ['400-normal', '600-normal', '700-normal'].flatMap((w) =>
  ['vietnamese', 'latin'].map((s) => `be-vietnam-pro-${s}-${w}.woff2`));

const byLogicalName = new Map<string, Asset>();
const byHashedName = new Map<string, Asset>();

function add(logical: string, body: Buffer) {
  const ext = path.extname(logical);
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 10);
  const hashedName = `${logical.slice(0, -ext.length)}.${hash}${ext}`;
  const asset = { body, type: TYPES[ext] ?? 'application/octet-stream', hashedName };
  byLogicalName.set(logical, asset);
  byHashedName.set(hashedName, asset);
}

function walk(dir: string, prefix = '') {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix + entry.name;
    if (entry.isDirectory()) walk(path.join(dir, entry.name), rel + '/');
    else add(rel, readFileSync(path.join(dir, entry.name)));
  }
}

/** Loads static files and the locally served font once; names carry a content hash. */
export function loadAssets(): void {
  if (byLogicalName.size) return;
  const fontDir = path.join(path.dirname(require.resolve('@fontsource/be-vietnam-pro/package.json')), 'files');
  for (const f of FONT_FILES) add(`fonts/${f}`, readFileSync(path.join(fontDir, f)));
  // The stylesheet names fonts by logical path; rewrite them to their hashed names.
  walk(staticDir);
  const css = byLogicalName.get('app.css');
  if (css) {
    const text = css.body.toString('utf8').replace(/url\(\/static\/(fonts\/[^)]+)\)/g, (m, name: string) =>
      byLogicalName.has(name) ? `url(/static/${byLogicalName.get(name)!.hashedName})` : m);
    add('app.css', Buffer.from(text));
  }
}

/** `/static/app.3f2a1b9c0d.css` for `app.css`. */
export function assetUrl(logical: string): string {
  loadAssets();
  const a = byLogicalName.get(logical);
  if (!a) throw new Error(`Unknown static asset ${logical}`);
  return `/static/${a.hashedName}`;
}

export function findAsset(hashedName: string): Asset | undefined {
  loadAssets();
  return byHashedName.get(hashedName);
}

export function hasAsset(logical: string): boolean {
  loadAssets();
  return byLogicalName.has(logical);
}
