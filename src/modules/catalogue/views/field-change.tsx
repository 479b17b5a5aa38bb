import type { FastifyRequest } from 'fastify';
import { feeText, onlineLevelText, processingTimeText, tiersText } from '../display.js';
import type { FieldChange } from '../import-diff.js';
import type { ProcedureData } from '../types.js';

const LIST_FIELDS = new Set(['documents', 'steps', 'legalBasis', 'keywords', 'sources']);

/** A stored value as staff read it: "3 ngày làm việc", "2.000 đ/trang", "—" for nothing. */
export function valueText(req: FastifyRequest, field: string, value: unknown): string {
  const t = req.t;
  if (value === null || value === undefined || value === '') return '—';
  if (field === 'processing') {
    const p = value as ProcedureData['processing'];
    return [processingTimeText(t, p), p.note].filter(Boolean).join(' – ');
  }
  if (field === 'fee') {
    const f = value as ProcedureData['fee'];
    return [feeText(t, f), tiersText(t, f), f.note].filter(Boolean).join(' – ');
  }
  if (field === 'onlineLevel') return onlineLevelText(t, value as ProcedureData['onlineLevel']);
  if (typeof value === 'boolean') return t(value ? 'catalogue.import.yes' : 'catalogue.import.no');
  return String(value);
}

/** A list before → after: items that go are struck through, items that come are marked. */
function ListValue({ items, other, mark }: { items: string[]; other: string[]; mark: 'del' | 'ins' }) {
  if (items.length === 0) return <>—</>;
  const keep = new Set(other);
  return <ul class="import-list">{items.map((i) => <li>{keep.has(i) ? i : mark === 'del' ? <del>{i}</del> : <ins>{i}</ins>}</li>)}</ul>;
}

/** Field | before | after, for one changed procedure of an import preview. */
export function ChangesTable({ req, name, changes }: { req: FastifyRequest; name: string; changes: FieldChange[] }) {
  const t = req.t;
  return (
    <div class="table-wrap" tabIndex={0} role="region" aria-label={t('catalogue.import.changes_of', { name })}>
      <table>
        <caption class="visually-hidden">{t('catalogue.import.changes_of', { name })}</caption>
        <thead><tr><th scope="col">{t('catalogue.import.col_field')}</th><th scope="col">{t('catalogue.import.col_before')}</th><th scope="col">{t('catalogue.import.col_after')}</th></tr></thead>
        <tbody>
          {changes.map((c) => (
            <tr>
              <th scope="row">{t(`catalogue.import.field.${c.field}`)}</th>
              {LIST_FIELDS.has(c.field) ? (
                <>
                  <td><ListValue items={(c.before as string[]) ?? []} other={(c.after as string[]) ?? []} mark="del" /></td>
                  <td><ListValue items={(c.after as string[]) ?? []} other={(c.before as string[]) ?? []} mark="ins" /></td>
                </>
              ) : (
                <><td>{valueText(req, c.field, c.before)}</td><td>{valueText(req, c.field, c.after)}</td></>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
