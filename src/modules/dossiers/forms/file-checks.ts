import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { XMLParser } from 'fast-xml-parser';
import sharp from 'sharp';

/** Test support: open generated files with standard tools (unzip + XML parser, poppler). */
const run = promisify(execFile);

async function withTemp<T>(name: string, data: Buffer, fn: (file: string, dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(tmpdir(), 'dossier-file-'));
  try {
    const file = path.join(dir, name);
    await writeFile(file, data);
    return await fn(file, dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Text of every w:t element of word/document.xml, joined by '|'. */
export function docxText(data: Buffer): Promise<string> {
  return withTemp('f.docx', data, async (file) => {
    const { stdout } = await run('unzip', ['-p', file, 'word/document.xml'], { maxBuffer: 20e6 });
    const texts: string[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (!node || typeof node !== 'object') return;
      for (const [k, v] of Object.entries(node)) {
        if (k === 'w:t') (v as Array<Record<string, unknown>>).forEach((t) => t['#text'] !== undefined && texts.push(String(t['#text'])));
        else if (k !== ':@') walk(v);
      }
    };
    walk(new XMLParser({ preserveOrder: true, ignoreAttributes: false }).parse(stdout));
    return texts.join('|');
  });
}

/** Text of a PDF (pdftotext) and whether page 1 rendered to a non-blank image (pdftoppm). */
export function pdfCheck(data: Buffer): Promise<{ text: string; inked: boolean }> {
  return withTemp('f.pdf', data, async (file, dir) => {
    const { stdout } = await run('pdftotext', ['-layout', file, '-'], { maxBuffer: 20e6 });
    await run('pdftoppm', ['-png', '-r', '30', '-f', '1', '-l', '1', file, path.join(dir, 'page')]);
    const stats = await sharp(await readFile(path.join(dir, 'page-1.png'))).greyscale().stats();
    const g = stats.channels[0];
    return { text: stdout, inked: g.min < 100 && g.mean > 180 && g.mean < 254.8 };
  });
}
