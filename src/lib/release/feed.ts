/**
 * The Atom feed of releases: one entry per edition, newest first, each saying in one line
 * what changed. The list of releases travels from build to build in data/releases.json.
 */
import type { Changes, Edition, Release } from './changes.ts';
import { t } from '../words/index.ts';

export type { Release };


const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** One sentence about a comparison, for the feed and the changes page. */
export function changesSummary(c: Changes): string {
  return t().changes.summary({ added: c.added.length, gone: c.gone.length, status: c.status.length, revisions: c.revisions.length, gaps: c.gaps.length });
}

export function releaseList(current: Edition | null, summary: string, previous: Release[]): Release[] {
  if (!current) return previous;
  const rest = previous.filter((r) => !(r.name === current.name && r.date === current.date));
  return [{ name: current.name, date: current.date, summary }, ...rest];
}

/** Atom 1.0. Ids are tag URIs (stable without a site address); links relative to `base`. */
export function atomFeed(title: string, releases: Release[], base: string | null): string {
  const link = (path: string) => (base ? `${base}/${path}` : `/${path}`);
  const updated = releases[0]?.date ?? '1970-01-01';
  const entries = releases
    .map((r) => `  <entry>\n    <id>tag:school-transparency,${esc(r.date)}:${encodeURIComponent(r.name)}</id>\n    <title>${esc(r.name)}</title>\n    <updated>${esc(r.date)}T00:00:00Z</updated>\n    <link href="${esc(link('changes/'))}"/>\n    <summary>${esc(r.summary)}</summary>\n  </entry>`)
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n  <id>tag:school-transparency,${esc(updated)}:${encodeURIComponent(title)}</id>\n  <title>${esc(t().changes.feedTitle(title))}</title>\n  <updated>${esc(updated)}T00:00:00Z</updated>\n  <link rel="self" href="${esc(link('feed.xml'))}"/>\n  <author><name>${esc(title)}</name></author>\n${entries}\n</feed>\n`;
}
