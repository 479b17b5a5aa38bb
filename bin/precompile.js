// Start-up cache: compiles src/**/*.ts(x) once with esbuild (installed with tsx) into
// node_modules/.cache/thanthien/<checkout>/<fingerprint>/ so that later runs load plain JavaScript instead of
// compiling through tsx's loader hooks (about half the import time on a small machine).
//
// The cache mirrors the repository: compiled files under src/, and symlinks for everything the
// code reads beside itself (src/web/static, data/, package.json), so paths computed from
// import.meta.url still land on the real files. A change to any source file (path, size or mtime)
// gives a new fingerprint and a new build; the newest few builds are kept because a running server
// may still import lazily from its own.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const CACHE_FORMAT = 1; // bump when the layout or the esbuild options below change
const KEEP_BUILDS = 3;

const isTs = (name) => /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !name.endsWith('.d.ts');

/** The TypeScript files to compile, the folders and files to link, and a fingerprint of them all. */
function scan(srcDir) {
  const compile = [];
  const link = []; // [relative path, is directory]
  const hash = createHash('sha256');
  const walk = (rel) => {
    const entries = readdirSync(path.join(srcDir, rel), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (hasTs(path.join(srcDir, r))) walk(r);
        else { link.push([r, true]); hash.update(`d ${r}\n`); }
      } else if (isTs(e.name)) {
        const st = statSync(path.join(srcDir, r));
        compile.push(r);
        hash.update(`f ${r} ${st.size} ${st.mtimeMs}\n`);
      } else if (!/\.test\.tsx?$/.test(e.name)) {
        link.push([r, false]);
        hash.update(`l ${r}\n`);
      }
    }
  };
  walk('');
  return { compile, link, hash };
}

function hasTs(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory() ? hasTs(path.join(dir, e.name)) : isTs(e.name)) return true;
  }
  return false;
}

/** esbuild's package folder: the hoisted copy, or the one tsx depends on. Loaded only to build. */
function esbuildDir(root) {
  const req = createRequire(path.join(root, 'package.json'));
  try {
    return path.dirname(req.resolve('esbuild/package.json'));
  } catch {
    return path.dirname(createRequire(req.resolve('tsx/package.json')).resolve('esbuild/package.json'));
  }
}

/** The cache of one checkout (node_modules may be shared through a symlink); builds inside it. */
export const cacheDirOf = (root) =>
  path.join(root, 'node_modules', '.cache', 'thanthien', createHash('sha256').update(path.resolve(root)).digest('hex').slice(0, 12));

/**
 * The compiled `src/main.js`, building the cache when the sources changed; null when the cache is
 * off (THANTHIEN_PRECOMPILE=0) or cannot be built, in which case the caller runs the sources with tsx.
 */
export async function compiledMain(root, log = (m) => process.stderr.write(`${m}\n`)) {
  if (process.env.THANTHIEN_PRECOMPILE === '0') return null;
  const srcDir = path.join(root, 'src');
  const cacheRoot = cacheDirOf(root);
  try {
    const esbuildPath = esbuildDir(root);
    const esbuildVersion = JSON.parse(readFileSync(path.join(esbuildPath, 'package.json'), 'utf8')).version;
    const { compile, link, hash } = scan(srcDir);
    hash.update(`${CACHE_FORMAT} ${esbuildVersion} ${process.versions.node} ${root}\n`);
    const dir = path.join(cacheRoot, hash.digest('hex').slice(0, 20));
    const entry = path.join(dir, 'src', 'main.js');
    if (existsSync(path.join(dir, '.complete'))) return pathToFileURL(entry).href;

    const t0 = Date.now();
    const esbuild = createRequire(path.join(root, 'package.json'))(esbuildPath);
    const tmp = `${dir}.tmp-${process.pid}`;
    rmSync(tmp, { recursive: true, force: true });
    await esbuild.build({
      entryPoints: compile.map((f) => path.join(srcDir, f)),
      outbase: srcDir,
      outdir: path.join(tmp, 'src'),
      format: 'esm',
      platform: 'node',
      target: `node${process.versions.node.split('.')[0]}`,
      tsconfig: path.join(root, 'tsconfig.json'),
      jsx: 'automatic',
      jsxImportSource: 'preact',
      bundle: false,
      sourcemap: true,
      sourcesContent: false,
      logLevel: 'silent',
    }).finally(() => esbuild.stop?.()); // its service process is not needed after this
    for (const [rel, isDir] of link) {
      mkdirSync(path.dirname(path.join(tmp, 'src', rel)), { recursive: true });
      symlinkSync(path.join(srcDir, rel), path.join(tmp, 'src', rel), isDir ? 'dir' : 'file');
    }
    for (const top of ['data', 'package.json']) {
      if (existsSync(path.join(root, top))) symlinkSync(path.join(root, top), path.join(tmp, top));
    }
    writeFileSync(path.join(tmp, '.complete'), `${new Date().toISOString()}\n`);
    try {
      renameSync(tmp, dir);
    } catch {
      rmSync(tmp, { recursive: true, force: true }); // another process built the same sources first
      if (!existsSync(path.join(dir, '.complete'))) return null;
    }
    prune(cacheRoot, dir);
    log(`Đã biên dịch mã nguồn vào bộ nhớ đệm khởi động (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    return pathToFileURL(entry).href;
  } catch (err) {
    log(`! Không dùng được bộ nhớ đệm khởi động (${err instanceof Error ? err.message.split('\n')[0] : String(err)}); chạy qua tsx`);
    return null;
  }
}

/** Keeps the newest builds; removes older ones and leftovers of interrupted builds. */
function prune(cacheRoot, current) {
  const now = Date.now();
  const builds = [];
  for (const name of readdirSync(cacheRoot)) {
    const p = path.join(cacheRoot, name);
    if (p === current) continue;
    let st;
    try { st = statSync(p); } catch { continue; }
    if (name.includes('.tmp-')) {
      if (now - st.mtimeMs > 10 * 60_000) rmSync(p, { recursive: true, force: true });
    } else builds.push({ p, at: st.mtimeMs });
  }
  builds.sort((a, b) => b.at - a.at);
  for (const b of builds.slice(KEEP_BUILDS - 1)) rmSync(b.p, { recursive: true, force: true });
}
