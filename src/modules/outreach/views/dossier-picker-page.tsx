import type { FastifyRequest } from 'fastify';
import { Table } from '../../../web/components/display.js';
import { Button, CsrfField } from '../../../web/components/forms.js';
import { formatDate } from '../../../lib/format.js';
import type { DossierLetterRef } from '../../dossiers/index.js';
import { letterNumber } from '../domain/kinds.js';

export type PickerKind = 'marriage' | 'condolence' | 'apology';
export interface Existing { id: string; seq: number; status: string }

/** Dossiers a letter can be made from, with a one-click button (or the letter already made). */
export function DossierPickerPage({ req, kind, dossiers, existing }: { req: FastifyRequest; kind: PickerKind; dossiers: DossierLetterRef[]; existing: Map<string, Existing> }) {
  const base = `/quan-tri/${req.unit!.slug}/thu`;
  return (
    <>
      <h1>{req.t(`outreach.picker.title_${kind}`)}</h1>
      <p>{req.t(`outreach.picker.lead_${kind}`)}</p>
      <Table caption={req.t(`outreach.picker.title_${kind}`)} rows={dossiers} empty={req.t('outreach.picker.empty')} columns={[
        { header: req.t('outreach.picker.code'), cell: (d) => d.code },
        { header: req.t('outreach.picker.applicant'), cell: (d) => d.applicantName },
        { header: req.t('outreach.picker.procedure'), cell: (d) => d.procedureName },
        { header: req.t('outreach.picker.date'), cell: (d) => formatDate(d.returnedAt ?? d.receivedAt) },
        { header: req.t('outreach.picker.letter'), cell: (d) => {
          const l = existing.get(d.code);
          if (l) return <a href={`${base}/${l.id}`}>{req.t('outreach.picker.has_letter', { number: letterNumber(kind, l.seq) })}</a>;
          if (kind === 'condolence') return <a href={`${base}/tao?loai=condolence&ho-so=${encodeURIComponent(d.code)}`}>{req.t('outreach.picker.make_condolence')}</a>;
          return (
            <form method="post" action={`${base}/tu-ho-so`}>
              <CsrfField req={req} />
              <input type="hidden" name="kind" value={kind} />
              <input type="hidden" name="code" value={d.code} />
              <Button variant="secondary">{req.t(`outreach.picker.make_${kind}`)}<span class="visually-hidden"> — {d.code}</span></Button>
            </form>
          );
        } },
      ]} />
    </>
  );
}
