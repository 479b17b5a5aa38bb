import type { ComponentChildren } from 'preact';
import type { FastifyRequest } from 'fastify';

export function Alert({ kind, title, children }: { kind?: 'info' | 'success' | 'warning' | 'error'; title?: string; children?: ComponentChildren }) {
  const role = kind === 'error' ? 'alert' : 'status';
  return (
    <div class={`alert alert--${kind ?? 'info'}`} role={role}>
      {title && <p class="alert__title">{title}</p>}
      {children}
    </div>
  );
}

export function StatusTag({ tone, children }: { tone?: 'ok' | 'warn' | 'error' | 'info'; children: ComponentChildren }) {
  return <span class={`tag${tone ? ` tag--${tone}` : ''}`}>{children}</span>;
}

export function SummaryList({ rows }: { rows: [ComponentChildren, ComponentChildren][] }) {
  return (
    <dl class="summary-list">
      {rows.map(([k, v]) => <div><dt>{k}</dt><dd>{v}</dd></div>)}
    </dl>
  );
}

export interface Column<T> { header: ComponentChildren; cell: (row: T) => ComponentChildren; numeric?: boolean }

/**
 * The wrapper of a wide table: it may scroll sideways, so it is a named region keyboard users can
 * focus and scroll (WCAG 2.1.1; axe `scrollable-region-focusable`).
 */
export function TableWrap({ label, children }: { label: string; children: ComponentChildren }) {
  return <div class="table-wrap" tabIndex={0} role="region" aria-label={label}>{children}</div>;
}

const textOf = (c: ComponentChildren): string => (typeof c === 'string' || typeof c === 'number' ? String(c) : '');

/**
 * A data table with a caption. On phones each row becomes a card whose cells carry their column
 * name (`data-label`, shown by CSS); wider screens get the table, scrolling sideways if needed.
 */
export function Table<T>({ caption, columns, rows, empty }: { caption: ComponentChildren; columns: Column<T>[]; rows: T[]; empty?: ComponentChildren }) {
  if (!rows.length && empty) return <p class="muted">{empty}</p>;
  return (
    <TableWrap label={textOf(caption) || textOf(columns[0]?.header)}>
      <table class="table--stack">
        <caption class="visually-hidden">{caption}</caption>
        <thead><tr>{columns.map((c) => <th scope="col" class={c.numeric ? 'num' : undefined}>{c.header}</th>)}</tr></thead>
        <tbody>{rows.map((r) => <tr>{columns.map((c) => <td class={c.numeric ? 'num' : undefined} data-label={textOf(c.header) || undefined}>{c.cell(r)}</td>)}</tr>)}</tbody>
      </table>
    </TableWrap>
  );
}

/** Page links that keep the other query parameters; `page` is 1-based. */
export function Pagination({ req, page, pageSize, total }: { req: FastifyRequest; page: number; pageSize: number; total: number }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  const [path, qs] = req.url.split('?');
  const href = (p: number) => {
    const q = new URLSearchParams(qs ?? '');
    q.set('trang', String(p));
    return `${path}?${q.toString()}`;
  };
  const shown = [...new Set([1, page - 1, page, page + 1, pages])].filter((p) => p >= 1 && p <= pages).sort((a, b) => a - b);
  return (
    <nav aria-label={req.t('core.pagination')}>
      <ul class="pagination">
        {page > 1 && <li><a href={href(page - 1)} rel="prev">{req.t('core.previous')}</a></li>}
        {shown.map((p) => <li>{p === page ? <span aria-current="page">{p}</span> : <a href={href(p)}>{p}</a>}</li>)}
        {page < pages && <li><a href={href(page + 1)} rel="next">{req.t('core.next')}</a></li>}
      </ul>
    </nav>
  );
}

/** Reads `?trang=` safely: a positive integer, 1 otherwise. */
export function pageParam(q: unknown): number {
  const n = Number((q as any)?.trang);
  return Number.isInteger(n) && n > 0 && n < 100000 ? n : 1;
}

/** An inline SVG string (QR codes, charts) rendered as markup. The SVG must come from our own code. */
export function RawSvg({ svg, label, className }: { svg: string; label: string; className?: string }) {
  // <style> blocks (ECharts' hover and emphasis rules) would need 'unsafe-inline' under the
  // Content-Security-Policy; a server-rendered chart has no hover, so they are dropped.
  return <div class={className} role="img" aria-label={label} dangerouslySetInnerHTML={{ __html: svg.replace(/<style[\s\S]*?<\/style>/gi, '') }} />;
}
