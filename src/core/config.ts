import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** Owner connection string of an external server; undefined = embedded PostgreSQL. */
  databaseUrl?: string;
  /** Optional explicit connection string for the app role (otherwise derived). */
  databaseAppUrl?: string;
  demo: boolean;
  rateLimit: boolean;
  publicUrl: string;
  smtpUrl?: string;
  mailFrom: string;
  logLevel: string;
  /** Start pg-boss workers (off in most tests). */
  jobs: boolean;
  secureCookies: boolean;
  /** Map tiles (Leaflet, feedback form and board): `{z}/{x}/{y}` URL template and attribution, shown as plain text. */
  map: { tileUrl: string; tileAttribution: string };
  /** Optional OpenAI-compatible endpoints of the procedure assistant (chat for phrasing, embeddings for retrieval). */
  assistant: { llm?: ModelEndpoint; embeddings?: ModelEndpoint };
}

/** An OpenAI-compatible HTTP endpoint: base URL (…/v1), model name and optional bearer key. */
export interface ModelEndpoint { url: string; model: string; key?: string }

function endpoint(url: string | undefined, model: string | undefined, key: string | undefined): ModelEndpoint | undefined {
  return url ? { url: url.replace(/\/$/, ''), model: model || 'default', key: key || undefined } : undefined;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  const host = env.HOST ?? '0.0.0.0';
  const dataDir = path.resolve(env.DATA_DIR ?? 'data');
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return {
    port,
    host,
    dataDir,
    databaseUrl: env.DATABASE_URL || undefined,
    databaseAppUrl: env.DATABASE_APP_URL || undefined,
    demo: env.THANTHIEN_DEMO !== '0',
    rateLimit: env.THANTHIEN_RATE_LIMIT !== 'off',
    publicUrl: (env.PUBLIC_URL ?? `http://${shownHost}:${port}`).replace(/\/$/, ''),
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM ?? 'Thân Thiện <no-reply@thanthien.local>',
    logLevel: env.LOG_LEVEL ?? 'info',
    jobs: env.THANTHIEN_JOBS !== 'off',
    secureCookies: env.COOKIE_SECURE ? env.COOKIE_SECURE === '1' : (env.PUBLIC_URL ?? '').startsWith('https:'),
    map: {
      tileUrl: env.MAP_TILE_URL || 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
      tileAttribution: env.MAP_TILE_ATTRIBUTION || '© OpenStreetMap contributors',
    },
    assistant: {
      llm: endpoint(env.ASSISTANT_LLM_URL, env.ASSISTANT_LLM_MODEL, env.ASSISTANT_LLM_KEY),
      embeddings: endpoint(env.ASSISTANT_EMBEDDINGS_URL, env.ASSISTANT_EMBEDDINGS_MODEL, env.ASSISTANT_EMBEDDINGS_KEY ?? env.ASSISTANT_LLM_KEY),
    },
  };
}
