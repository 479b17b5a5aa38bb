import { DEFAULT_SCALE_LABELS, type Choice, type Question, type Text } from './types.js';

/** Compact builders for the shipped templates. */
export const tx = (vi: string, en: string): Text => ({ vi, en });

export const choices = (list: [string, string, string][]): Choice[] =>
  list.map(([id, vi, en]) => ({ id, label: { vi, en } }));

export const matrix = (id: string, text: Text, rows: [string, string, string][]): Question => ({
  id, type: 'matrix', text, required: true, rows: choices(rows), scaleLabels: DEFAULT_SCALE_LABELS, index: true,
});

export const scale = (id: string, text: Text, index = true, required = true): Question => ({
  id, type: 'scale', text, required, scaleLabels: DEFAULT_SCALE_LABELS, index,
});

export const single = (id: string, text: Text, opts: [string, string, string][], required = false): Question => ({
  id, type: 'single', text, required, options: choices(opts),
});

export const multiple = (id: string, text: Text, opts: [string, string, string][]): Question => ({
  id, type: 'multiple', text, required: false, options: choices(opts),
});

export const freeText = (id: string, text: Text): Question => ({ id, type: 'text', text, required: false });

export const AGE_GROUPS: [string, string, string][] = [
  ['u30', 'Dưới 30 tuổi', 'Under 30'],
  ['30-50', 'Từ 30 đến 50 tuổi', '30 to 50'],
  ['50-60', 'Từ 51 đến 60 tuổi', '51 to 60'],
  ['o60', 'Trên 60 tuổi', 'Over 60'],
];
