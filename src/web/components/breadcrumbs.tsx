import type { FastifyRequest } from 'fastify';

export interface Crumb { label: string; href?: string }

export function Breadcrumbs({ req, items }: { req: FastifyRequest; items: Crumb[] }) {
  return (
    <nav class="breadcrumbs no-print" aria-label={req.t('core.breadcrumbs')}>
      <ol>
        {items.map((c, i) => (
          <li>{c.href && i < items.length - 1 ? <a href={c.href}>{c.label}</a> : <span aria-current={i === items.length - 1 ? 'page' : undefined}>{c.label}</span>}</li>
        ))}
      </ol>
    </nav>
  );
}
