import { describe, expect, it } from 'vitest';
import { changedFields, parseProcedureForm } from './validate.js';
import { referenceToData, loadReferenceProcedures } from './reference.js';

const current = referenceToData(loadReferenceProcedures().find((p) => p.id === 'chungthuc-bansao')!);
const form = {
  name: 'Chứng thực bản sao từ bản chính', field: 'Chứng thực', processing_unit: 'working_day', processing_value: '1',
  fee_amount: '2.000', fee_unit: 'trang', documents: 'Bản chính\nBản sao\n\n', steps: 'Nộp\nNhận', published: 'on', online_level: 'một phần',
};

describe('parseProcedureForm', () => {
  it('reads a valid form and keeps slug, tiers and review state', () => {
    const { data, errors } = parseProcedureForm(form, current);
    expect(errors).toEqual({});
    expect(data).toMatchObject({
      name: 'Chứng thực bản sao từ bản chính', slug: current.slug, referenceId: 'chungthuc-bansao',
      processing: { value: 1, unit: 'working_day' }, fee: { amount: 2000, unit: 'trang', tiers: current.fee.tiers },
      documents: ['Bản chính', 'Bản sao'], published: true, onlineLevel: 'một phần', needsReview: current.needsReview,
    });
  });
  it('treats a blank fee as "set by rules" and "immediate" as 0 days', () => {
    const { data } = parseProcedureForm({ ...form, fee_amount: '', processing_unit: 'immediate', processing_value: '' }, current);
    expect(data?.fee.amount).toBeNull();
    expect(data?.processing).toMatchObject({ value: 0, unit: 'immediate' });
  });
  it('reads the online fee, keeps it when the form lacks the field, and refuses one above the desk fee or with tiers', () => {
    const flat = { ...current, fee: { amount: 20000, unit: 'lần', tiers: null, note: null, onlineAmount: 10000 } };
    const f = { ...form, fee_amount: '20.000', tier_first_units: '', tier_next_rate: '', tier_max: '' };
    expect(parseProcedureForm({ ...f, fee_online_amount: '10.000' }, flat).data?.fee.onlineAmount).toBe(10000);
    expect(parseProcedureForm({ ...f, fee_online_amount: '' }, flat).data?.fee.onlineAmount).toBeNull();
    expect(parseProcedureForm(f, flat).data?.fee.onlineAmount).toBe(10000);
    expect(parseProcedureForm({ ...f, fee_online_amount: '25000' }, flat).errors.fee_online_amount).toBe('catalogue.staff.error_fee_online');
    expect(parseProcedureForm({ ...form, fee_online_amount: '1000' }, current).errors.fee_online_amount).toBe('catalogue.staff.error_fee_online');
  });
  it('reports every bad field', () => {
    const { data, errors } = parseProcedureForm({ name: 'x', field: '', processing_unit: 'week', fee_amount: '-5', documents: '', online_level: 'x' }, current);
    expect(data).toBeUndefined();
    expect(Object.keys(errors).sort()).toEqual(['documents', 'fee_amount', 'field', 'name', 'online_level', 'processing_unit', 'processing_value']);
  });
  it('rejects zero working days', () => {
    expect(parseProcedureForm({ ...form, processing_value: '0' }, current).errors.processing_value).toBeDefined();
  });
});

describe('fee tiers on the edit form', () => {
  const tiers = { tier_first_units: '2', tier_next_rate: '1.000', tier_max: '200.000' };
  it('builds tiers whose first rate is the fee itself', () => {
    expect(parseProcedureForm({ ...form, fee_amount: '3.000', ...tiers }, current).data?.fee.tiers)
      .toEqual({ first_units: 2, first_rate: 3000, next_rate: 1000, max_per_copy: 200000 });
    expect(parseProcedureForm({ ...form, ...tiers, tier_max: '' }, current).data?.fee.tiers?.max_per_copy).toBeNull();
  });
  it('drops the tiers when their three fields are emptied', () => {
    expect(parseProcedureForm({ ...form, tier_first_units: '', tier_next_rate: '', tier_max: '' }, current).data?.fee).toMatchObject({ amount: 2000, tiers: null });
  });
  it('never keeps the old tiers under a changed fee when the form has no tier fields', () => {
    expect(current.fee.tiers).not.toBeNull();
    expect(parseProcedureForm({ ...form, fee_amount: '3.000' }, current).data?.fee).toMatchObject({ amount: 3000, tiers: null });
    expect(parseProcedureForm(form, current).data?.fee.tiers).toEqual(current.fee.tiers);
  });
  it('reports bad tiers', () => {
    expect(parseProcedureForm({ ...form, tier_first_units: '0', tier_next_rate: 'một nghìn', tier_max: '500' }, current).errors).toEqual({
      tier_first_units: 'catalogue.staff.error_tier_units', tier_next_rate: 'catalogue.staff.error_tier_rate', tier_max: 'catalogue.staff.error_tier_max',
    });
    expect(parseProcedureForm({ ...form, fee_amount: '0', ...tiers }, current).errors).toEqual({ fee_amount: 'catalogue.staff.error_tier_fee' });
  });
});

describe('changedFields', () => {
  it('lists the fields that differ', () => {
    const { data } = parseProcedureForm(form, current);
    expect(changedFields(current, data!)).toEqual(expect.arrayContaining(['name', 'processing', 'documents']));
    expect(changedFields(current, current)).toEqual([]);
  });
});
