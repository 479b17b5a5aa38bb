import type { FastifyRequest } from 'fastify';
import { Alert, StatusTag } from '../../../web/components/display.js';
import { Button, CsrfField, Select, TextInput } from '../../../web/components/forms.js';
import type { CounterRow, TicketRow } from '../repo/types.js';

export interface CounterPageProps {
  req: FastifyRequest; counter: CounterRow; current: TicketRow | null; waiting: TicketRow[];
  others: CounterRow[]; action: string; notice?: string; error?: string; devicesUrl: string;
}

const ActionButton = ({ req, base, name, label, variant }: { req: FastifyRequest; base: string; name: string; label: string; variant?: 'secondary' }) => (
  <form method="post" action={`${base}/${name}`} class="inline-form">
    <CsrfField req={req} />
    <Button variant={variant}>{label}</Button>
  </form>
);

/** The officer's counter console: current number and the buttons that change it. */
export function CounterPage(p: CounterPageProps) {
  const { req, counter, current } = p;
  const t = req.t;
  return (
    <div class="counter-console">
      <h1>{t('centre.counter.title', { n: counter.number })} <small class="muted">{counter.name}</small></h1>
      <p><a href={p.devicesUrl}>{t('centre.device.manage')}</a></p>
      {p.notice && <Alert kind="success">{p.notice}</Alert>}
      {p.error && <Alert kind="error">{p.error}</Alert>}
      <section aria-labelledby="cc-current">
        <h2 id="cc-current">{t('centre.counter.current')}</h2>
        {current
          ? <p class="counter-console__number"><strong data-current>{current.number}</strong> <StatusTag tone="info">{t(`centre.status.${current.status}`)}</StatusTag>
            {current.priority_group && <> <StatusTag tone="warn">{t(`centre.priority.${current.priority_group}`)}</StatusTag></>}
            {current.dossier_code && <> · {current.dossier_code}</>}</p>
          : <p data-current>{t('centre.counter.none')}</p>}
        <div class="button-group">
          <ActionButton req={req} base={p.action} name="goi-tiep" label={t('centre.counter.call_next')} />
          {current && <ActionButton req={req} base={p.action} name="goi-lai" label={t('centre.counter.recall')} variant="secondary" />}
          {current?.status === 'called' && <ActionButton req={req} base={p.action} name="bat-dau" label={t('centre.counter.start')} variant="secondary" />}
          {current && <ActionButton req={req} base={p.action} name="hoan-thanh" label={t('centre.counter.finish')} variant="secondary" />}
          {current?.status === 'called' && <ActionButton req={req} base={p.action} name="vang-mat" label={t('centre.counter.no_show')} variant="secondary" />}
        </div>
        {current && <p class="field__hint" data-next-hint>{t(current.status === 'called' ? 'centre.counter.next_hint_called' : 'centre.counter.next_hint_serving', { number: current.number })}</p>}
      </section>
      {current && (
        <section class="grid-2">
          <form method="post" action={`${p.action}/chuyen-quay`}>
            <CsrfField req={req} />
            <Select name="to" label={t('centre.counter.transfer_to')} required
              options={p.others.map((c) => ({ value: String(c.number), label: c.name }))} />
            <Button variant="secondary">{t('centre.counter.transfer')}</Button>
          </form>
          <form method="post" action={`${p.action}/ho-so`}>
            <CsrfField req={req} />
            <TextInput name="dossier_code" label={t('centre.counter.dossier')} hint={t('centre.counter.dossier_hint')} value={current.dossier_code} maxLength={60} />
            <Button variant="secondary">{t('centre.counter.save_dossier')}</Button>
          </form>
        </section>
      )}
      <section aria-labelledby="cc-waiting">
        <h2 id="cc-waiting">{t('centre.counter.waiting')}: {p.waiting.length}</h2>
        {p.waiting.length === 0
          ? <p class="muted">{t('centre.counter.queue_empty')}</p>
          : <ol class="counter-console__queue">{p.waiting.slice(0, 15).map((w) => (
            <li>{w.number}{w.priority_group && <> <StatusTag tone="warn">{t(`centre.priority.${w.priority_group}`)}</StatusTag></>}</li>
          ))}</ol>}
      </section>
    </div>
  );
}
