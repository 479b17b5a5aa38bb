export type Lang = 'vi' | 'en';
export const LANGS: Lang[] = ['vi', 'en'];
export interface Messages { vi: Record<string, string>; en: Record<string, string> }
/** One message in both languages: [key (without the module's prefix), Vietnamese, English]. */
export type MessageRow = readonly [key: string, vi: string, en: string];

/** A module's messages from its tables of rows, every key prefixed with `<prefix>.`. */
export function messagesFrom(prefix: string, ...tables: readonly (readonly MessageRow[])[]): Messages {
  const rows = tables.flat();
  return {
    vi: Object.fromEntries(rows.map(([k, vi]) => [`${prefix}.${k}`, vi])),
    en: Object.fromEntries(rows.map(([k, , en]) => [`${prefix}.${k}`, en])),
  };
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
  return (key, params) => {
    const text = catalogue[lang][key] ?? catalogue.vi[key] ?? key;
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
