import type { ComponentChildren } from 'preact';
import type { FastifyRequest } from 'fastify';
import { assetUrl, hasAsset } from '../assets.js';
import { Breadcrumbs, type Crumb } from './breadcrumbs.js';
import { CsrfField } from './forms.js';

export interface PageOptions {
  title: string;
  breadcrumbs?: Crumb[];
  /** Extra stylesheets/scripts by logical name under src/web/static (`css/feedback.css`, `js/queue.js`). */
  styles?: string[];
  scripts?: string[];
  /** Current path below the unit for nav highlighting, e.g. `thu-tuc`. */
  current?: string;
  /** Hide header and footer (kiosk, display). */
  bare?: boolean;
  description?: string;
}

/**
 * "<page> – <unit>" without repeated segments: a page titled with the unit's name (the home page) or
 * already ending in it does not get the name twice ("Phường Chu Văn An – Phường Chu Văn An").
 */
export function documentTitle(title: string, unitName: string): string {
  const seen = new Set<string>();
  const parts = [...title.split(/\s+[–-]\s+/), unitName].map((x) => x.trim()).filter((x) => {
    const key = x.toLocaleLowerCase('vi');
    if (!x || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return parts.join(' – ');
}

function Head({ req, o }: { req: FastifyRequest; o: PageOptions }) {
  const unitName = req.unit ? (req.lang === 'en' && req.unit.name_en ? req.unit.name_en : req.unit.name) : req.t('core.app_name');
  return (
    <head>
      <meta charSet="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{documentTitle(o.title, unitName)}</title>
      {o.description && <meta name="description" content={o.description} />}
      <link rel="icon" href={assetUrl('favicon.svg')} type="image/svg+xml" />
      <link rel="stylesheet" href={assetUrl('app.css')} />
      {(o.styles ?? []).filter(hasAsset).map((s) => <link rel="stylesheet" href={assetUrl(s)} />)}
    </head>
  );
}

function LangSwitch({ req }: { req: FastifyRequest }) {
  const other = req.lang === 'vi' ? 'en' : 'vi';
  const path = req.url.split('?')[0];
  return (
    <a href={`${path}?lang=${other}`} lang={other} hrefLang={other}>
      {other === 'en' ? 'English' : 'Tiếng Việt'}
    </a>
  );
}

function SiteHeader({ req, current }: { req: FastifyRequest; current?: string }) {
  const unit = req.unit;
  const home = unit ? `/${unit.slug}/` : '/';
  // The header keeps the first few sections; the home page lists them all.
  const nav = unit ? req.publicNav().slice(0, 7) : [];
  return (
    <header class="site-header">
      <div class="site-header__bar">
        <a class="site-header__title" href={home}>
          {unit ? (req.lang === 'en' && unit.name_en ? unit.name_en : unit.name) : req.t('core.app_name')}
          <small>{req.t('core.tagline')}</small>
        </a>
        <div class="site-header__tools">
          <LangSwitch req={req} />
          {req.staff
            ? <a href={`/quan-tri/${unit?.slug ?? ''}`}>{req.t('core.staff_area')}</a>
            : <a href={`/dang-nhap${unit ? `?don-vi=${unit.slug}` : ''}`}>{req.t('core.staff_login')}</a>}
        </div>
      </div>
      {nav.length > 0 && (
        <nav class="site-nav" aria-label={req.t('core.main_nav')}>
          <ul>
            {nav.map((n) => (
              <li><a href={`/${unit!.slug}/${n.path}`} aria-current={current === n.path ? 'page' : undefined}>{req.t(n.label)}</a></li>
            ))}
            <li><a href={`/${unit!.slug}/`}>{req.t('core.all_services')}</a></li>
          </ul>
        </nav>
      )}
    </header>
  );
}

function SiteFooter({ req }: { req: FastifyRequest }) {
  const u = req.unit;
  return (
    <footer class="site-footer">
      <div class="container">
        {u && (
          <p>
            <strong>{u.name}</strong><br />
            {u.address && <>{req.t('core.address')}: {u.address}<br /></>}
            {u.hotline && <>{req.t('core.hotline')}: <a href={`tel:${u.hotline.replace(/\s/g, '')}`}>{u.hotline}</a><br /></>}
            {u.email && <>Email: <a href={`mailto:${u.email}`}>{u.email}</a></>}
          </p>
        )}
        <p>{req.t('core.footer_note')}</p>
      </div>
    </footer>
  );
}

export function Scripts({ names }: { names?: string[] }) {
  return <>{(names ?? []).filter(hasAsset).map((s) => <script src={assetUrl(s)} defer />)}</>;
}

/** The public page of a unit (or of the portal when there is no unit). */
export function PublicLayout({ req, o, children }: { req: FastifyRequest; o: PageOptions; children: ComponentChildren }) {
  return (
    <html lang={req.lang}>
      <Head req={req} o={o} />
      <body>
        <a class="skip-link" href="#main">{req.t('core.skip_link')}</a>
        {!o.bare && <SiteHeader req={req} current={o.current} />}
        <main id="main" class={o.bare ? '' : 'container'} tabIndex={-1}>
          {o.breadcrumbs && <Breadcrumbs req={req} items={o.breadcrumbs} />}
          {children}
        </main>
        {!o.bare && <SiteFooter req={req} />}
        <Scripts names={o.scripts} />
      </body>
    </html>
  );
}

/** Staff pages under /quan-tri/: the unit's staff menu and the account links. */
export function StaffLayout({ req, o, children }: { req: FastifyRequest; o: PageOptions; children: ComponentChildren }) {
  const unit = req.unit;
  const nav = unit ? req.staffNav() : [];
  return (
    <html lang={req.lang}>
      <Head req={req} o={o} />
      <body class="staff">
        <a class="skip-link" href="#main">{req.t('core.skip_link')}</a>
        <header class="site-header">
          <div class="site-header__bar">
            <a class="site-header__title" href={unit ? `/quan-tri/${unit.slug}` : '/quan-tri'}>
              {req.t('core.staff_area')}
              <small>{unit?.name ?? req.t('core.app_name')}</small>
            </a>
            <div class="site-header__tools">
              <LangSwitch req={req} />
              {unit && <a href={`/${unit.slug}/`}>{req.t('core.public_site')}</a>}
              <a href="/quan-tri/tai-khoan">{req.staff?.displayName}</a>
              <form class="inline-form" method="post" action="/dang-xuat">
                <CsrfField req={req} />
                {unit && <input type="hidden" name="unit" value={unit.slug} />}
                <button class="button button--link button--on-dark" type="submit">{req.t('core.logout')}</button>
              </form>
            </div>
          </div>
          {nav.length > 0 && (
            <nav class="site-nav" aria-label={req.t('core.staff_nav')}>
              <ul>
                {nav.map((n) => (
                  <li><a href={`/quan-tri/${unit!.slug}/${n.path}`} aria-current={o.current === n.path ? 'page' : undefined}>{req.t(n.label)}</a></li>
                ))}
              </ul>
            </nav>
          )}
        </header>
        <main id="main" class="container" tabIndex={-1}>
          {o.breadcrumbs && <Breadcrumbs req={req} items={o.breadcrumbs} />}
          {children}
        </main>
        <Scripts names={o.scripts} />
      </body>
    </html>
  );
}
