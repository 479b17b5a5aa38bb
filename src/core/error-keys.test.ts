import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { beforeAll, describe, expect, test } from 'vitest';
import { isMessageKey } from './errors.js';
import { hasMessage } from './i18n.js';
import { loadModules } from './modules-loader.js';

/**
 * Every `new AppError(…)` and `AppError.x(…)` in src names its message by a key that exists in
 * Vietnamese and English (the error handler translates it), never by a sentence.
 */
const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const STATICS = new Set(['badRequest', 'unauthorized', 'forbidden', 'notFound', 'conflict', 'tooLarge', 'unprocessable', 'tooMany']);

interface Construction { where: string; kind: 'key' | 'key-template' | 'expression'; text: string; keys: string[]; prefix?: string }

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

/** The message argument of every AppError construction, classified. */
function constructions(): Construction[] {
  const out: Construction[] = [];
  for (const file of sourceFiles(src)) {
    const text = readFileSync(file, 'utf8');
    if (!text.includes('AppError')) continue;
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    const visit = (n: ts.Node): void => {
      let message: ts.Expression | undefined;
      let found = false;
      if (ts.isNewExpression(n) && n.expression.getText(sf) === 'AppError') { found = true; message = n.arguments?.[2]; }
      if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && n.expression.expression.getText(sf) === 'AppError'
        && STATICS.has(n.expression.name.text)) { found = true; message = n.arguments[0]; }
      if (found && message) {
        const where = `${path.relative(src, file)}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}`;
        const literals: string[] = [];
        const collect = (x: ts.Node): void => {
          // a literal that is a key or a sentence (not a code such as '05' compared in a condition)
          if ((ts.isStringLiteral(x) || ts.isNoSubstitutionTemplateLiteral(x)) && /[.\s]|[^\x00-\x7F]/.test(x.text)) literals.push(x.text);
          ts.forEachChild(x, collect);
        };
        if (ts.isStringLiteral(message) || ts.isNoSubstitutionTemplateLiteral(message)) {
          out.push({ where, kind: 'key', text: message.text, keys: [message.text] });
        } else if (ts.isTemplateExpression(message)) {
          out.push({ where, kind: 'key-template', text: message.getText(sf), keys: [], prefix: message.head.text });
        } else {
          collect(message);
          out.push({ where, kind: 'expression', text: message.getText(sf), keys: literals });
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return out;
}

describe('errors are thrown with message keys', () => {
  const all = constructions();
  beforeAll(async () => { await loadModules(); });

  test('the scan sees the constructions of every module', () => {
    expect(all.length).toBeGreaterThan(300);
    const modules = new Set(all.map((c) => c.where.split(path.sep).slice(0, 2).join('/')));
    for (const m of ['core/http', 'modules/centre', 'modules/dossiers', 'modules/feedback', 'modules/surveys']) {
      expect(modules).toContain(m);
    }
  });

  test('no AppError is built from a sentence', () => {
    const sentence = (c: Construction) => c.keys.some((k) => !isMessageKey(k))
      || (c.kind === 'key-template' && !/^[a-z]\w*\.[\w.]*$/.test(c.prefix!))
      || /[^\x00-\x7F]/.test(c.text) // a Vietnamese word anywhere in the argument
      || /(^|[^\w.])(req\.)?t\(/.test(c.text); // translated before the handler knows the reader's language
    const sentences = all.filter(sentence);
    expect(sentences.map((c) => `${c.where} ${c.text}`)).toEqual([]);
  });

  test('every key thrown has a Vietnamese and an English text', () => {
    const missing = all.flatMap((c) => c.keys.filter((k) => !hasMessage(k, 'vi') || !hasMessage(k, 'en')).map((k) => `${c.where} ${k}`));
    expect(missing).toEqual([]);
  });

  test('a key built from a template names existing messages', () => {
    const unknown = all.filter((c) => c.kind === 'key-template' && !anyKeyStartsWith(c.prefix!)).map((c) => `${c.where} ${c.text}`);
    expect(unknown).toEqual([]);
  });
});

function anyKeyStartsWith(prefix: string): boolean {
  // hasMessage answers for exact keys only; the templates in src complete a prefix with a code.
  const probes: Record<string, string[]> = {
    'calendar.api.bad_': ['working_days', 'calendar_days', 'working_hours'],
    'community.error.voted_': ['household', 'resident', 'household_web', 'resident_api'],
    'dossiers.error.form_': ['02_precondition', '03_precondition', '04_precondition'],
  };
  const ends = probes[prefix];
  return !!ends && ends.every((e) => hasMessage(prefix + e, 'vi') && hasMessage(prefix + e, 'en'));
}
