/**
 * The progressive-enhancement map of the form and the public board (Leaflet, served locally with
 * hashed names like every static file; `feedback-map.js` loads it only when a map is on the page).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { assetUrl } from '../../web/assets.js';

export interface MapSettings {
  tileUrl: string;
  /** Plain text: escaped by the client before Leaflet shows it. */
  attribution: string;
  center: [number, number];
  zoom: number;
  leafletJs: string;
  leafletCss: string;
}

/** Hải Phòng city centre: the view when neither the unit nor the items give one. */
export const DEFAULT_CENTER: [number, number] = [20.8449, 106.6881];
export const DEFAULT_ZOOM = 13;

/** A unit may set `settings.map = { lat, lng, zoom }` (units table) for its own centre. */
function unitCenter(settings: Record<string, any> | undefined): { center: [number, number]; zoom: number } | null {
  const m = settings?.map;
  if (!m || !Number.isFinite(m.lat) || !Number.isFinite(m.lng) || Math.abs(m.lat) > 90 || Math.abs(m.lng) > 180) return null;
  return { center: [m.lat, m.lng], zoom: Number.isInteger(m.zoom) && m.zoom >= 3 && m.zoom <= 19 ? m.zoom : DEFAULT_ZOOM };
}

export function mapSettings(app: FastifyInstance, req: FastifyRequest): MapSettings {
  const c = unitCenter(req.unit?.settings) ?? { center: DEFAULT_CENTER, zoom: DEFAULT_ZOOM };
  return {
    tileUrl: app.config.map.tileUrl, attribution: app.config.map.tileAttribution, ...c,
    leafletJs: assetUrl('js/feedback-leaflet.js'), leafletCss: assetUrl('css/feedback-leaflet.css'),
  };
}

/** The data attributes `feedback-map.js` reads. */
export function mapAttributes(m: MapSettings, req: FastifyRequest, kind: 'form' | 'board'): Record<string, string> {
  return {
    'data-feedback-map': kind, 'data-leaflet-js': m.leafletJs, 'data-leaflet-css': m.leafletCss,
    'data-tiles': m.tileUrl, 'data-attribution': m.attribution, 'data-center': m.center.join(','), 'data-zoom': String(m.zoom),
    'data-zoom-in': req.t('feedback.map.zoomIn'), 'data-zoom-out': req.t('feedback.map.zoomOut'),
  };
}
