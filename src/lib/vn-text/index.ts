export { foldDiacritics, slugify } from './fold.js';
export { tokenize, tokenizeKeepMarks } from './tokenize.js';
export { compareVi, sortVi, viCollator } from './collate.js';
export { highlight, highlightSegments, escapeHtml, type HighlightSegment } from './highlight.js';
