import { tokenize } from '../../lib/vn-text/index.js';
import { STOP_PHRASES, STOP_WORDS, SYNONYM_RULES } from './synonyms.js';

export const MAX_QUERY_LENGTH = 200;
const MAX_TOKENS = 30;

/** Weight of a word the citizen typed, of a word a synonym rule added, and of a spelling guess. */
export const WEIGHT = { typed: 1, synonym: 1.5, corrected: 0.7 } as const;

export interface QueryPlan {
  /** Candidate terms (single words and glued pairs) with their weight. */
  terms: Map<string, number>;
  /** Typed words that may be misspelled (not stop words, not numbers, 3+ letters). */
  spellingCandidates: string[];
  /** Folded query without stop words, for trigram similarity with names. */
  text: string;
  /** A number of pages or copies mentioned ("5 trang"), for a fee estimate. */
  quantity: number | null;
}

interface Phrase { words: string[]; expansion: string | null }

/** Longest phrases first so that "chưa cưới" beats "cưới". */
const PHRASES: Phrase[] = [
  ...SYNONYM_RULES.flatMap(([phrases, expansion]) => phrases.map((p) => ({ words: p.split(' '), expansion }))),
  ...STOP_PHRASES.map((p) => ({ words: p.split(' '), expansion: null })),
].sort((a, b) => b.words.length - a.words.length);

function phraseAt(tokens: string[], at: number): Phrase | undefined {
  return PHRASES.find((p) => p.words.every((w, i) => tokens[at + i] === w));
}

const isNumber = (w: string) => /^\d+$/.test(w);
const isStop = (w: string) => STOP_WORDS.has(w) || isNumber(w);

function addTerm(terms: Map<string, number>, term: string, weight: number): void {
  terms.set(term, Math.max(terms.get(term) ?? 0, weight));
}

function addPhraseTerms(terms: Map<string, number>, words: string[], weight: number): void {
  words.forEach((w, i) => {
    addTerm(terms, w, weight);
    if (i + 1 < words.length) addTerm(terms, w + words[i + 1], weight);
  });
}

/** A long expansion must not outweigh what was typed: its words share the synonym weight. */
function addExpansion(terms: Map<string, number>, words: string[]): void {
  const weight = words.length <= 3 ? WEIGHT.synonym : WEIGHT.synonym * Math.sqrt(3 / words.length);
  addPhraseTerms(terms, words, Math.round(weight * 100) / 100);
}

function findQuantity(tokens: string[]): number | null {
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (isNumber(tokens[i]) && /^(trang|ban|to|page|pages|copy|copies)$/.test(tokens[i + 1])) {
      const n = Number(tokens[i]);
      if (n >= 1 && n <= 1000) return n;
    }
  }
  return null;
}

/**
 * Turns what a citizen typed into weighted search terms:
 * `analyseQuery('con tôi mới sinh cần làm giấy gì')` → terms include `khai`, `sinh`, `khaisinh`
 * (from the synonym "mới sinh") and drop `tôi`, `cần`, `làm`, `gì`.
 */
export function analyseQuery(query: string): QueryPlan {
  const tokens = tokenize(query.slice(0, MAX_QUERY_LENGTH)).slice(0, MAX_TOKENS);
  const terms = new Map<string, number>();
  const kept: string[] = [];
  const typed: string[] = [];
  for (let at = 0; at < tokens.length; ) {
    const phrase = phraseAt(tokens, at);
    if (phrase) {
      if (phrase.expansion) addExpansion(terms, phrase.expansion.split(' '));
      at += phrase.words.length;
      typed.push('|');
      continue;
    }
    const word = tokens[at];
    typed.push(word);
    if (!isStop(word)) {
      kept.push(word);
      addTerm(terms, word, WEIGHT.typed);
    }
    at += 1;
  }
  for (let i = 0; i + 1 < typed.length; i++) {
    const [a, b] = [typed[i], typed[i + 1]];
    if (a === '|' || b === '|' || isNumber(a) || isNumber(b) || (isStop(a) && isStop(b))) continue;
    addTerm(terms, a + b, WEIGHT.typed);
  }
  return {
    terms,
    spellingCandidates: kept.filter((w) => w.length >= 3 && !isNumber(w)),
    text: kept.join(' '),
    quantity: findQuantity(tokens),
  };
}
