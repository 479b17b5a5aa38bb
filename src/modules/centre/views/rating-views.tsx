import type { FastifyRequest } from 'fastify';
import { Alert } from '../../../web/components/display.js';
import { Button, CsrfField, Textarea } from '../../../web/components/forms.js';
import { REASONS, SCORES } from '../domain/rating-rules.js';
import type { Score } from '../domain/stats.js';

const ICON: Record<Score, string> = { satisfied: '☺', normal: '😐', unsatisfied: '☹' };
const GOOD = ['friendly', 'fast', 'clear_guidance'];

/** Step 1: three big buttons (a GET form, so it works without JavaScript). */
export function ScoreButtons({ req, action }: { req: FastifyRequest; action: string }) {
  return (
    <form method="get" action={action}>
      <div class="rate-scores">
        {SCORES.map((s) => (
          <button class={`rate-score rate-score--${s}`} type="submit" name="diem" value={s}>
            <span aria-hidden="true">{ICON[s]}</span>{req.t(`centre.rating.${s}`)}
          </button>
        ))}
      </div>
    </form>
  );
}

/** Step 2: reasons that fit the score, an optional comment, and send. */
export function ReasonsForm({ req, action, score, error }: { req: FastifyRequest; action: string; score: Score; error?: string }) {
  const reasons = REASONS.filter((r) => (score === 'satisfied') === GOOD.includes(r) || (score === 'normal'));
  return (
    <form method="post" action={action} class="rate-form">
      <CsrfField req={req} />
      <input type="hidden" name="score" value={score} />
      {error && <Alert kind="error">{error}</Alert>}
      <p class="rate-form__chosen"><strong>{req.t(`centre.rating.${score}`)}</strong> <a href={action}>{req.t('centre.kiosk.retry')}</a></p>
      <fieldset class="field">
        <legend>{req.t('centre.rating.reasons')}</legend>
        {reasons.map((r, i) => (
          <div class="choice">
            <input type="checkbox" id={`reason-${i}`} name="reasons" value={r} />
            <label for={`reason-${i}`}>{req.t(`centre.reason.${r}`)}</label>
          </div>
        ))}
      </fieldset>
      <Textarea name="comment" label={req.t('centre.rating.comment')} rows={3} maxLength={1000} />
      <Button>{req.t('centre.rating.send')}</Button>
    </form>
  );
}

export interface RatingPageProps {
  req: FastifyRequest; title: string; subject?: string; action: string; score: Score | null;
  done?: boolean; message?: string; error?: string; device?: boolean; idleUrl?: string;
  /** A device page opened on a browser that is not the counter's paired rating device. */
  unpaired?: boolean;
  /** The centre's satisfaction survey, offered after a rating. */
  surveyUrl?: string | null;
}

export function RatingPage(p: RatingPageProps) {
  const { req } = p;
  return (
    <div class={p.device ? 'rate-device' : 'rate-page'} data-module="centre-rating" data-idle={p.unpaired ? undefined : p.idleUrl}>
      <h1>{p.title}</h1>
      {p.subject && <p class="lead">{p.subject}</p>}
      {p.done && <Alert kind="success" title={req.t('centre.rating.thanks')} />}
      {p.message && <Alert kind={p.unpaired ? 'warning' : p.done ? 'success' : 'info'}>{p.message}</Alert>}
      {p.unpaired && <p>{req.t('centre.device.how_to_pair')}</p>}
      {p.done && p.surveyUrl && !p.device && <p class="rate-survey">{req.t('centre.survey.invite')} <a href={p.surveyUrl}>{req.t('centre.survey.link')}</a></p>}
      {!p.done && !p.message && (p.score
        ? <ReasonsForm req={req} action={p.action} score={p.score} error={p.error} />
        : <><p>{req.t('centre.rating.question')}</p><ScoreButtons req={req} action={p.action} /></>)}
      {p.device && p.idleUrl && !p.unpaired && (p.done || p.message) && <p><a href={p.idleUrl}>{req.t('centre.rating.idle')}</a></p>}
    </div>
  );
}
