import type { FastifyRequest } from 'fastify';
import { Alert } from '../../../web/components/display.js';
import { Button, CsrfField, TextInput } from '../../../web/components/forms.js';
import type { AskResult } from '../service.js';

export interface ChatView {
  question?: string;
  result?: AskResult;
  error?: string;
  rated?: boolean;
}

/** The answer text, one paragraph or list item per line; the procedure link becomes a link. */
function AnswerText({ text, linkLabel }: { text: string; linkLabel: string }) {
  const lines = text.split('\n');
  const items = lines.filter((l) => /^\d+\. /.test(l));
  const paragraphs = lines.filter((l) => !/^\d+\. /.test(l));
  const first = lines.findIndex((l) => /^\d+\. /.test(l));
  const before = first === -1 ? paragraphs : lines.slice(0, first);
  const after = first === -1 ? [] : lines.slice(first + items.length);
  const para = (l: string) => {
    const m = /^(.*?)(https?:\/\/\S+)$/.exec(l);
    return m ? <p><a href={m[2]}>{linkLabel}</a></p> : <p>{l}</p>;
  };
  return (
    <div class="assistant-answer__text">
      {before.map(para)}
      {items.length > 0 && <ol>{items.map((l) => <li>{l.replace(/^\d+\. /, '')}</li>)}</ol>}
      {after.map(para)}
    </div>
  );
}

export function ChatPage({ req, view }: { req: FastifyRequest; view: ChatView }) {
  const t = req.t;
  const unit = req.unit!;
  const r = view.result;
  return (
    <div class="assistant">
      <h1>{t('assistant.title')}</h1>
      <p class="lead">{t('assistant.lead', { unit: unit.name })}</p>
      {r && (
        <section class="assistant-answer" aria-labelledby="assistant-reply" lang={r.lang}>
          <p class="assistant-answer__question"><strong>{t('assistant.you')}:</strong> {view.question}</p>
          <h2 id="assistant-reply">{t('assistant.reply')}</h2>
          <AnswerText text={r.answer} linkLabel={t('assistant.see_procedure_named', { name: r.procedures[0]?.name ?? '' })} />
          {r.procedures.length > 1 && r.confidence !== 'low' && r.confidence !== 'none' && (
            <>
              <h3>{t('assistant.other_choices')}</h3>
              <ul>{r.procedures.slice(1).map((p) => <li><a href={`/${unit.slug}/thu-tuc/${p.slug}`}>{p.name}</a></li>)}</ul>
            </>
          )}
          {r.confidence === 'low' && (
            <ul>{r.procedures.map((p) => <li><a href={`/${unit.slug}/thu-tuc/${p.slug}`}>{p.name}</a></li>)}</ul>
          )}
          {r.citations.length > 0 && <p class="assistant-answer__source">{t('assistant.sources')}</p>}
          {view.rated ? <Alert kind="success">{t('assistant.thanks')}</Alert> : (
            <form method="post" action={`/${unit.slug}/tro-ly/danh-gia`} class="assistant-rate">
              <CsrfField req={req} />
              <input type="hidden" name="question_id" value={r.question_id} />
              <input type="hidden" name="c" value={r.conversation_id} />
              <fieldset>
                <legend>{t('assistant.helpful_q')}</legend>
                <Button name="helpful" value="1" variant="secondary">{t('assistant.helpful_yes')}</Button>
                <Button name="helpful" value="0" variant="secondary">{t('assistant.helpful_no')}</Button>
              </fieldset>
            </form>
          )}
        </section>
      )}
      {view.rated && !r && <Alert kind="success">{t('assistant.thanks')}</Alert>}
      <form method="get" action={`/${unit.slug}/tro-ly`} class="assistant-form" role="search">
        {view.error && <Alert kind="error">{view.error}</Alert>}
        <TextInput name="q" type="search" label={t('assistant.question_label')} hint={t('assistant.question_hint')}
          value={r ? '' : view.question} maxLength={500} required autocomplete="off" error={view.error} />
        {r && <input type="hidden" name="c" value={r.conversation_id} />}
        <Button>{t('assistant.ask')}</Button>
        {r && <p><a href={`/${unit.slug}/tro-ly`}>{t('assistant.new_conversation')}</a></p>}
      </form>
      <p class="field__hint">{t('assistant.disclaimer')}{unit.hotline ? ` ☎ ${unit.hotline}` : ''}</p>
    </div>
  );
}

/** The small form shown on the catalogue pages (through the `assistantWidget` provider). */
export function AssistantWidget({ req }: { req: FastifyRequest }) {
  const unit = req.unit!;
  return (
    <form method="get" action={`/${unit.slug}/tro-ly`} class="assistant-widget" role="search" aria-labelledby="assistant-widget-title">
      <h2 id="assistant-widget-title">{req.t('assistant.widget_title')}</h2>
      <TextInput name="q" type="search" label={req.t('assistant.question_label')} hint={req.t('assistant.question_hint')} maxLength={500} />
      <Button variant="secondary">{req.t('assistant.ask')}</Button>
    </form>
  );
}
