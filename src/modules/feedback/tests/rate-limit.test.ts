import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../../test/helpers/app.js';

let t: TestApp;
beforeAll(async () => { t = await startTestApp({ env: { THANTHIEN_RATE_LIMIT: 'on' } }); });
afterAll(async () => { await t?.close(); });

describe('feedback submission rate limit', () => {
  it('answers 429 in Vietnamese after 10 submissions a minute from one client', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const res = await fetch(`${t.url}/api/v1/units/chu-van-an/feedback`, {
        method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ category: 'other', content: `Phản ánh thử giới hạn số ${i} từ cùng một máy.` }),
      });
      statuses.push(res.status);
      if (res.status === 429) expect((await res.json()).error.message).toMatch(/[àáảãạăâđêôơư]/);
      else await res.arrayBuffer();
    }
    expect(statuses.slice(0, 10).every((s) => s === 201)).toBe(true);
    expect(statuses[10]).toBe(429);
  });
});
