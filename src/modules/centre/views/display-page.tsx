import type { FastifyRequest } from 'fastify';
import type { QueueState } from '../state.js';
import { vnTimeOf } from '../../../lib/vn-calendar/index.js';

export interface DisplayProps { req: FastifyRequest; state: QueueState; streamUrl: string; speech: boolean; chime: boolean }

/** The TV display: current number per counter, last calls, waiting counts, spoken announcements. */
export function DisplayPage({ req, state, streamUrl, speech, chime }: DisplayProps) {
  const t = req.t;
  const json = JSON.stringify(state).replace(/</g, '\\u003c');
  return (
    <div class="qdisplay" data-module="centre-display" data-stream={streamUrl} data-speech={String(speech)} data-chime={String(chime)}
      data-lang={req.lang} data-invite={t('centre.display.invite')} data-sound-on={t('centre.display.sound_on')} data-sound-off={t('centre.display.sound_off')}>
      <header class="qdisplay__head">
        <h1>{req.unit!.name} – {t('centre.display.title')}</h1>
        <p class="qdisplay__clock" data-clock>{vnTimeOf(new Date(state.serverTime))}</p>
        <div class="qdisplay__tools">
          <button type="button" class="button button--secondary" data-fullscreen hidden>{t('centre.display.fullscreen')}</button>
          <button type="button" class="button button--secondary" data-sound hidden aria-pressed={speech ? "true" : "false"}>{speech ? t('centre.display.sound_off') : t('centre.display.sound_on')}</button>
        </div>
      </header>
      <p class="qdisplay__offline" role="status" data-offline hidden>{t('centre.display.offline')}</p>
      <p class="qdisplay__novoice" data-no-voice hidden>{t('centre.display.no_voice')}</p>
      <p class="qdisplay__flash" aria-live="assertive" data-flash></p>
      <div class="qdisplay__grid">
        <section aria-labelledby="qd-counters">
          <h2 id="qd-counters" class="visually-hidden">{t('centre.display.now_serving')}</h2>
          <table class="qdisplay__counters">
            <thead><tr><th scope="col">{t('centre.display.counter')}</th><th scope="col">{t('centre.display.now_serving')}</th></tr></thead>
            <tbody data-counters>
              {state.counters.filter((c) => c.active).map((c) => (
                <tr data-counter={c.number}><th scope="row">{c.number}</th><td class="qdisplay__num">{c.current ?? t('centre.display.none')}</td></tr>
              ))}
            </tbody>
          </table>
        </section>
        <aside>
          <h2>{t('centre.display.last_calls')}</h2>
          <ol class="qdisplay__calls" data-calls>
            {state.lastCalls.map((c) => <li><strong>{c.number}</strong> → {t('centre.display.counter')} {c.counter}</li>)}
          </ol>
          <h2>{t('centre.display.waiting')}</h2>
          <ul class="qdisplay__waiting" data-waiting>
            {state.services.map((s) => <li data-prefix={s.prefix}><span>{s.prefix} · {s.name}</span> <strong>{s.waiting}</strong></li>)}
          </ul>
        </aside>
      </div>
      <script type="application/json" id="queue-state" dangerouslySetInnerHTML={{ __html: json }} />
    </div>
  );
}
