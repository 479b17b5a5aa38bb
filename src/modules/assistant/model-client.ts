import type { ModelEndpoint } from '../../core/config.js';

/** How long the assistant waits for a model before answering from its templates. */
export const MODEL_TIMEOUT_MS = 4000;

async function post<T>(ep: ModelEndpoint, path: string, body: unknown): Promise<T> {
  const res = await fetch(`${ep.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(ep.key ? { authorization: `Bearer ${ep.key}` } : {}) },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(MODEL_TIMEOUT_MS),
  });
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

interface ChatResponse { choices?: { message?: { content?: string } }[] }

/** One chat completion (OpenAI protocol `POST {url}/chat/completions`); the reply text. */
export async function chat(ep: ModelEndpoint, system: string, user: string): Promise<string> {
  const r = await post<ChatResponse>(ep, '/chat/completions', {
    model: ep.model, temperature: 0, max_tokens: 600,
    messages: [{ role: 'system', content: system }, { role: 'user', content: user }],
  });
  const text = r.choices?.[0]?.message?.content;
  if (typeof text !== 'string' || !text.trim()) throw new Error('chat: empty answer');
  return text.trim();
}

interface EmbeddingResponse { data?: { embedding?: number[]; index?: number }[] }

/** Embeddings of several texts (`POST {url}/embeddings`), in input order. */
export async function embed(ep: ModelEndpoint, inputs: string[]): Promise<number[][]> {
  const r = await post<EmbeddingResponse>(ep, '/embeddings', { model: ep.model, input: inputs });
  const data = [...(r.data ?? [])].sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
  if (data.length !== inputs.length || data.some((d) => !Array.isArray(d.embedding))) throw new Error('embeddings: bad answer');
  return data.map((d) => d.embedding!.map(Number));
}

export function cosine(a: number[], b: number[]): number {
  let dot = 0; let na = 0; let nb = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) { dot += a[i] * b[i]; na += a[i] * a[i]; nb += b[i] * b[i]; }
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}
