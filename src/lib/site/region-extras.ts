/** Lists for the region and municipality pages: changes, resilient schools, clusters, partnerships. */
import { t } from '../words/index.ts';
import { forms, countOf, formatChange, formatNumber } from '../format/index.ts';
import type { SiteContext, SiteInputs, MunicipalityInfo } from './context.ts';
import type { ListItem } from './types.ts';

export function regionExtras(ctx: SiteContext, inputs: SiteInputs): { changes: ListItem[]; resilient: ListItem[]; clusters: ListItem[] } {
  const changes: ListItem[] = [];
  const y = ctx.latestYear;
  const gap = ctx.gapRows('region', 'region');
  const now = gap.find((g) => g.year === y);
  const prev = gap.find((g) => g.year === y - 1);
  if (now?.gap != null && prev?.gap != null) {
    changes.push({ text: `${ctx.w.gapTitle}: ${formatNumber(prev.gap, 1)} → ${formatNumber(now.gap, 1)} (${formatChange(now.gap - prev.gap, 1)}).` });
  }
  const p = ctx.primarySet();
  if (p) {
    let up = 0;
    let down = 0;
    for (const id of ctx.schools.keys()) {
      const a = ctx.scoreOf(id, y, p.exam, p.subject_set);
      const b = ctx.scoreOf(id, y - 1, p.exam, p.subject_set);
      const min = ctx.settings.reliability_min;
      // "Significant change" needs the larger reliability minimum in both years (METRICS.md §6).
      if (!a || !b || a.hidden || b.hidden || a.n < min || b.n < min) continue;
      if (a.score > b.score) up++;
      else if (a.score < b.score) down++;
    }
    if (up + down > 0) changes.push({ text: t().area.extras.upDown(up, down, ctx.settings.reliability_min) });
  }
  const isFlagged = (rows: { flag: string; fired: boolean | null }[]) => rows.some((r) => r.fired === true && (r.flag === 'shnro' || r.flag === 'nsu'));
  const flaggedNow = [...ctx.flagsBySchool.values()].filter(isFlagged).length;
  changes.push({ text: t().area.extras.flaggedIn(y, flaggedNow) });

  const resilient: ListItem[] = [];
  const latestCtx = new Map<string, boolean>();
  for (const c of inputs.context) if (c.resilient) latestCtx.set(c.school_id, true);
  for (const id of latestCtx.keys()) {
    const s = ctx.schools.get(id);
    if (s) resilient.push({ text: s.name, href: ctx.href(`school/${s.slug}`), note: ctx.municipalities.get(s.municipality_id)?.name });
  }
  const clusters: ListItem[] = inputs.clusters.map((c) => ({ text: c.description, note: countOf(c.size, forms().schools) }));
  return { changes, resilient: resilient.sort((a, b) => a.text.localeCompare(b.text, 'ru')), clusters };
}

export function partnershipItems(ctx: SiteContext, inputs: SiteInputs, m: MunicipalityInfo): ListItem[] {
  const mine = new Set(m.schoolIds);
  return inputs.partnerships
    .filter((p) => mine.has(p.supported_school_id) || mine.has(p.strong_school_id))
    .map((p) => {
      const weak = ctx.schools.get(p.supported_school_id);
      const strong = ctx.schools.get(p.strong_school_id);
      const change = p.before !== null && p.after !== null ? p.after - p.before : null;
      return {
        text: `${weak?.name ?? p.supported_school_id} ← ${strong?.name ?? p.strong_school_id}`,
        href: weak ? ctx.href(`school/${weak.slug}`) : undefined,
        note: t().area.extras.partnershipNote(p.start_year, change),
      };
    });
}
