import type { FastifyRequest } from 'fastify';
import { GROUPINGS, type DirectoryEntry } from '../repo-directory.js';
import type { PublishedItem } from '../repo-published.js';
import { PageTools, PublishedNote } from './shared.js';

function groupByDepartment(entries: DirectoryEntry[]): [string, DirectoryEntry[]][] {
  const map = new Map<string, DirectoryEntry[]>();
  for (const e of entries) map.set(e.department ?? '', [...(map.get(e.department ?? '') ?? []), e]);
  return [...map.entries()];
}

function EntryCard({ req, slug, e, nested }: { req: FastifyRequest; slug: string; e: DirectoryEntry; nested: boolean }) {
  const Heading = nested ? 'h4' : 'h3';
  return (
    <li class="card directory-card">
      <Heading>{e.full_name}</Heading>
      <p class="directory-card__title">{e.title}</p>
      {e.duties && <p>{e.duties}</p>}
      <p>
        {e.phone && <>{req.t('transparency.directory.phone')}: <a href={`tel:${e.phone.replace(/[^\d+]/g, '')}`}>{e.phone}</a><br /></>}
        {e.email && <>{req.t('transparency.directory.email')}: <a href={`mailto:${e.email}`}>{e.email}</a><br /></>}
        <a class="no-print" href={`/${slug}/danh-ba/${e.id}.vcf`} download>
          {req.t('transparency.directory.vcard')}<span class="visually-hidden"> {e.full_name}</span>
        </a>
      </p>
    </li>
  );
}

export function DirectoryPage({ req, entries, item }: { req: FastifyRequest; entries: DirectoryEntry[]; item?: PublishedItem }) {
  const unit = req.unit!;
  return (
    <>
      <h1>{req.t('transparency.directory.title')}</h1>
      <p class="lead">{req.t('transparency.directory.lead')}</p>
      {unit.hotline && (
        <div class="alert transparency-hotline">
          <p class="alert__title">{req.t('transparency.directory.hotline')}: <a href={`tel:${unit.hotline.replace(/[^\d+]/g, '')}`}>{unit.hotline}</a></p>
        </div>
      )}
      <PageTools req={req} posterHref={`/${unit.slug}/ap-phich/danh-ba`}
        extra={<a class="button" href={`/${unit.slug}/danh-ba/tat-ca.vcf`} download>{req.t('transparency.directory.vcard_all')}</a>} />
      {GROUPINGS.map((g) => {
        const inGroup = entries.filter((e) => e.grouping === g);
        if (!inGroup.length) return null;
        return (
          <section aria-labelledby={`g-${g}`}>
            <h2 id={`g-${g}`}>{req.t(`transparency.directory.group.${g}`)}</h2>
            {groupByDepartment(inGroup).map(([dept, list]) => (
              <>
                {dept && <h3>{dept}</h3>}
                <ul class="cards">{list.map((e) => <EntryCard req={req} slug={unit.slug} e={e} nested={!!dept} />)}</ul>
              </>
            ))}
          </section>
        );
      })}
      {entries.length === 0 && <p>{req.t('transparency.common.none')}</p>}
      <PublishedNote req={req} item={item} />
    </>
  );
}
