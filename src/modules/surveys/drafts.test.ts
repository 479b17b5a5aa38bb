import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../../../test/helpers/app.js';
import { centreFormAnswers, csrfOf, getPage, Jar, postForm } from './test-support.js';

let t: TestApp;
const FORM = '/chu-van-an/khao-sat/hai-long-trung-tam';
const draftOf = (html: string) => /name="nhap" value="([^"]+)"/.exec(html)?.[1] ?? '';
const drafts = async () => (await sql<{ answers: Record<string, number> }>`select answers from survey_response_drafts d
  join surveys s on s.id = d.survey_id where s.slug = 'hai-long-trung-tam'`.execute(t.db)).rows;

beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => { await t?.close(); });

describe('first-tap save of a scale answer', () => {
  it('saves the rating on the first tap, changes it on the second, and clears the draft when the form is sent', async () => {
    const jar = new Jar();
    const page = await getPage(`${t.url}${FORM}`, jar);
    expect(page.html).toContain(`data-draft-url="${FORM}/nhap"`);
    expect(/js\/surveys-draft\.[0-9a-f]+\.js/.test(page.html)).toBe(true);
    const nhap = draftOf(page.html);
    expect(nhap.length).toBeGreaterThan(16);
    const field = 'q_tong-the'; // the overall 1–5 rating
    const before = (await drafts()).length;
    const tap = (value: string) => postForm(`${t.url}${FORM}/nhap`, jar, { _csrf: csrfOf(page.html), nhap, cau: field, gia_tri: value });

    const first = await tap('2');
    expect(first.res.status).toBe(200);
    expect(JSON.parse(first.html)).toEqual({ saved: true, field, value: 2 });
    expect(await drafts()).toHaveLength(before + 1);
    expect((await drafts()).some((d) => d.answers[field] === 2)).toBe(true);

    expect((await tap('5')).res.status).toBe(200);
    const after = await drafts();
    expect(after).toHaveLength(before + 1);
    expect(after.some((d) => d.answers[field] === 5)).toBe(true);
    expect(after.some((d) => d.answers[field] === 2)).toBe(false);

    expect((await tap('9')).res.status).toBe(422);
    expect((await postForm(`${t.url}${FORM}/nhap`, jar, { _csrf: csrfOf(page.html), nhap, cau: 'q_khong-co', gia_tri: '3' })).res.status).toBe(422);
    expect((await postForm(`${t.url}${FORM}/nhap`, jar, { _csrf: csrfOf(page.html), cau: field, gia_tri: '3' })).res.status).toBe(400);

    const sent = await postForm(`${t.url}${FORM}`, jar, { _csrf: csrfOf(page.html), nhap, ...centreFormAnswers() });
    expect(sent.res.status).toBe(303);
    expect(await drafts()).toHaveLength(before);
  });
});
