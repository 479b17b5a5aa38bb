import { beforeAll, describe, expect, it } from 'vitest';
import { registerMessages, translator } from '../../core/i18n.js';
import { messages } from './i18n.js';
import { feeText, onlineLevelText, processingTimeText } from './display.js';
import { groupByField } from './service.js';
import { loadReferenceProcedures, referenceToData } from './reference.js';
import type { Procedure } from './types.js';

beforeAll(() => { try { registerMessages(messages, 'catalogue-test'); } catch { /* already registered */ } });

describe('display texts', () => {
  it('formats processing time, fee and online level in Vietnamese and English', () => {
    const vi = translator('vi');
    const en = translator('en');
    expect(processingTimeText(vi, { value: 3, unit: 'working_day', note: null })).toBe('3 ngày làm việc');
    expect(processingTimeText(vi, { value: 0, unit: 'immediate', note: null })).toBe('Trong ngày làm việc');
    expect(processingTimeText(en, { value: 30, unit: 'day', note: null })).toBe('30 days');
    expect(feeText(vi, { amount: 50000, unit: 'hợp đồng', tiers: null, note: null })).toBe('50.000 đ/hợp đồng');
    expect(feeText(vi, { amount: 0, unit: null, tiers: null, note: null })).toBe('Miễn phí');
    expect(feeText(vi, { amount: null, unit: null, tiers: null, note: null })).toBe('Theo mức do HĐND tỉnh quy định');
    expect(onlineLevelText(vi, 'toàn trình')).toContain('Toàn trình');
    expect(onlineLevelText(en, null)).toBe('Not specified');
  });
});

describe('groupByField', () => {
  it('groups the reference catalogue by field in Vietnamese order', () => {
    const procedures = loadReferenceProcedures().map((r, i) => ({ ...referenceToData(r), id: String(i) }) as Procedure);
    const groups = groupByField(procedures);
    expect(groups.map((g) => g.field).slice(0, 4)).toEqual(['Bảo trợ xã hội', 'Chứng thực', 'Cư trú', 'Đăng ký kinh doanh']);
    expect(groups.reduce((n, g) => n + g.procedures.length, 0)).toBe(59);
    expect(groups.find((g) => g.field === 'Chứng thực')?.procedures).toHaveLength(9);
  });
});

describe('reference data', () => {
  it('ships 59 procedures with unique slugs, 27 flagged for review, fees as whole đồng', () => {
    const list = loadReferenceProcedures();
    expect(list).toHaveLength(59);
    expect(new Set(list.map((p) => p.slug)).size).toBe(59);
    expect(list.filter((p) => p.needs_review)).toHaveLength(27);
    for (const p of list) {
      if (p.fee.amount_vnd !== null) expect(Number.isInteger(p.fee.amount_vnd) && p.fee.amount_vnd >= 0).toBe(true);
      if ((p.fee.amount_vnd ?? 0) > 0) expect(p.fee.unit).toBeTruthy();
    }
  });
});
