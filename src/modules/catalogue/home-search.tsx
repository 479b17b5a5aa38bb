import type { FastifyRequest } from 'fastify';
import type { VNode } from 'preact';

/**
 * The procedure search box at the top of the unit home page: a plain GET form to the catalogue
 * (same diacritic-free search), so it works without JavaScript.
 */
export async function procedureSearchWidget(req: FastifyRequest): Promise<VNode | null> {
  const unit = req.unit;
  if (!unit) return null;
  const t = req.t;
  return (
    <form method="get" action={`/${unit.slug}/thu-tuc`} class="home-search" role="search" aria-label={t('catalogue.search_label')}>
      <label for="home-q">{t('catalogue.home_search_label')}</label>
      <span class="field__hint" id="home-q-hint">{t('catalogue.search_hint')}</span>
      <div class="home-search__row">
        <input id="home-q" name="q" type="search" maxLength={200} aria-describedby="home-q-hint" autoComplete="off" />
        <button type="submit" class="button">{t('catalogue.search_button')}</button>
      </div>
    </form>
  );
}
