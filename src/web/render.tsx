import type { VNode } from 'preact';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { renderToString } from 'preact-render-to-string';
import { PublicLayout, StaffLayout, type PageOptions } from './components/layout.js';

export function renderHtml(node: VNode): string {
  return '<!doctype html>' + renderToString(node);
}

/**
 * Sends a full public page of the request's unit.
 * @example return renderPage(req, reply, { title: 'Thủ tục' }, <ProcedureList items={items} />)
 */
export function renderPage(req: FastifyRequest, reply: FastifyReply, o: PageOptions, body: VNode, status = 200): FastifyReply {
  return reply.html(<PublicLayout req={req} o={o}>{body}</PublicLayout>, status);
}

/** Sends a staff page under /quan-tri/. */
export function renderStaffPage(req: FastifyRequest, reply: FastifyReply, o: PageOptions, body: VNode, status = 200): FastifyReply {
  return reply.html(<StaffLayout req={req} o={o}>{body}</StaffLayout>, status);
}
