import type { UploadedFile } from '../../core/http/forms.js';
import { MANUAL_DEFINITIONS } from './rubric/manual-indicators.js';

export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;
export const EVIDENCE_TYPES: Record<string, string> = {
  'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'application/pdf': 'pdf',
};

export const manualDefinition = (id: string) => MANUAL_DEFINITIONS.find((d) => d.id === id) ?? null;

export interface ManualInput { value: number; statement: string; file?: UploadedFile }

/** Field errors in Vietnamese, or null when the submission is acceptable; too large a file is reported apart (413). */
export function validateManual(fields: Record<string, string>, file: UploadedFile | undefined): { errors: Record<string, string> } | { input: ManualInput } {
  const errors: Record<string, string> = {};
  const value = Number(fields.value);
  if (!['1', '0.5', '0'].includes(fields.value ?? '')) errors.value = 'Chọn mức đạt: đạt đầy đủ, một phần hoặc chưa đạt.';
  const statement = (fields.statement ?? '').trim();
  if (statement.length < 10) errors.statement = 'Mô tả cần ít nhất 10 ký tự (có gì, ở đâu, từ khi nào).';
  else if (statement.length > 2000) errors.statement = 'Mô tả tối đa 2.000 ký tự.';
  if (file && !EVIDENCE_TYPES[file.mimetype]) errors.file = 'Tệp minh chứng phải là ảnh (JPG, PNG, WebP) hoặc PDF.';
  if (!file && value > 0) errors.file = 'Cần đính kèm tệp minh chứng (ảnh hoặc PDF) khi tự đánh giá là đạt.';
  if (file && file.data.length === 0) errors.file = 'Tệp minh chứng trống.';
  return Object.keys(errors).length ? { errors } : { input: { value, statement, file } };
}
