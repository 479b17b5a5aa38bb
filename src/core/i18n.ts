import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export type Lang = 'vi' | 'en';
export const LANGS: Lang[] = ['vi', 'en'];
export interface Messages { vi: Record<string, string>; en: Record<string, string> }
/**
 * A messages file (`messages.json` beside a module's `i18n.ts`): one entry per key, the key without
 * the owner's prefix, the text in Vietnamese and English — `{ "status.received": { "vi": "…", "en": "…" } }`.
 */
export type MessageFile = Record<string, { vi: string; en: string }>;

/** The messages of a `messages.json` file (see MessageFile), every key prefixed with `<prefix>.`. */
export function messagesFromFile(prefix: string, file: URL): Messages {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`i18n file ${fileURLToPath(file)} cannot be read: ${err instanceof Error ? err.message : String(err)}`);
  }
  return messagesOf(prefix, data, fileURLToPath(file));
}

/** Checks the shape of a MessageFile (a text in both languages for every key) and prefixes its keys. */
export function messagesOf(prefix: string, data: unknown, source = prefix): Messages {
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new Error(`i18n file ${source} is not an object of keys`);
  const out: Messages = { vi: {}, en: {} };
  for (const [key, texts] of Object.entries(data)) {
    if (!texts || typeof texts !== 'object' || Array.isArray(texts)) throw new Error(`i18n file ${source}: "${key}" is not { vi, en }`);
    const other = Object.keys(texts).filter((l) => !(LANGS as string[]).includes(l));
    if (other.length) throw new Error(`i18n file ${source}: "${key}" has an unknown language ${other.join(', ')}`);
    for (const lang of LANGS) {
      const text = (texts as Record<string, unknown>)[lang];
      if (typeof text !== 'string') throw new Error(`i18n file ${source}: "${key}" has no ${lang} text`);
      out[lang][`${prefix}.${key}`] = text;
    }
  }
  return out;
}

export type Translate = (key: string, params?: Record<string, string | number>) => string;

const catalogue: Messages = { vi: {}, en: {} };

/** Adds a module's messages. Later keys must not silently replace earlier ones. */
export function registerMessages(m: Messages, owner: string): void {
  for (const lang of LANGS) {
    for (const [k, v] of Object.entries(m[lang] ?? {})) {
      if (k in catalogue[lang] && catalogue[lang][k] !== v) throw new Error(`i18n key ${k} defined twice (${owner})`);
      catalogue[lang][k] = v;
    }
  }
}

export function translator(lang: Lang): Translate {
  return translatorFor(catalogue, lang);
}

/**
 * A translator over the given messages only (e.g. a module's own `messages`, for a printed form in
 * Vietnamese built without the registered catalogue): the text in `lang`, else in Vietnamese, else the key.
 */
export function translatorFor(messages: Messages, lang: Lang): Translate {
  return (key, params) => {
    const text = messages[lang][key] ?? messages.vi[key] ?? key;
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
  };
}

export function hasMessage(key: string, lang: Lang = 'vi'): boolean {
  return key in catalogue[lang];
}

export function pickLang(query: unknown, cookie: string | undefined, acceptLanguage: string | undefined): Lang {
  if (query === 'en' || query === 'vi') return query;
  if (cookie === 'en' || cookie === 'vi') return cookie;
  // Vietnamese first: the browser's language does not switch the portal, only the visitor's choice.
  void acceptLanguage;
  return 'vi';
}
