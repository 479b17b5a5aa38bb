import { foldDiacritics } from './fold.js';

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]);
}

export interface HighlightSegment {
  text: string;
  marked: boolean;
}

/**
 * Splits `text` into segments, marking every word whose folded form equals one of
 * `terms` (already folded) or starts with a term of 3+ letters.
 * `highlightSegments('Đăng ký khai sinh', ['khai'])` → [..., { text: 'khai', marked: true }, ...]
 */
export function highlightSegments(text: string, terms: readonly string[]): HighlightSegment[] {
  const wanted = terms.filter((t) => t.length > 0);
  const segments: HighlightSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const start = match.index ?? 0;
    const word = match[0];
    const folded = foldDiacritics(word);
    const hit = wanted.some((t) => folded === t || (t.length >= 3 && folded.startsWith(t)));
    if (!hit) continue;
    if (start > last) segments.push({ text: text.slice(last, start), marked: false });
    segments.push({ text: word, marked: true });
    last = start + word.length;
  }
  if (last < text.length) segments.push({ text: text.slice(last), marked: false });
  return mergeUnmarked(segments);
}

function mergeUnmarked(segments: HighlightSegment[]): HighlightSegment[] {
  const out: HighlightSegment[] = [];
  for (const s of segments) {
    const prev = out[out.length - 1];
    if (prev && !prev.marked && !s.marked) prev.text += s.text;
    else out.push({ ...s });
  }
  return out;
}

/** HTML with matches in `<mark>`: every segment is escaped first, then wrapped. */
export function highlight(text: string, terms: readonly string[]): string {
  return highlightSegments(text, terms)
    .map((s) => (s.marked ? `<mark>${escapeHtml(s.text)}</mark>` : escapeHtml(s.text)))
    .join('');
}
