/** Region and municipality pages: gap trajectory, distribution, schools, flags, partnerships. */
import { t } from '../words/index.ts';
import { forms, afterColon, capitalize, countOf, plural, formatNumber, formatChange, formatInt, subjectSetText } from '../format/index.ts';
import { sparkline } from '../charts/sparkline.ts';
import { HIDDEN } from '../publish/published.ts';
import { intCell, numCell, textCell } from './cells.ts';
import { gapChart, positionChart, compareByNameChart } from './charts.ts';
import { FLAG_NAMES, FLAG_SHORT } from './school-page.ts';
import { areaVerdict } from './verdict.ts';
import { gapCells } from './gap-cells.ts';
import type { SiteContext, GapRow, MunicipalityInfo } from './context.ts';
import type { Chart, DataTable, ListItem, Page, Section } from './types.ts';

/** The gap of a share is in percentage points; of a mean score, in the score's units. */

function gapUnit(ctx: SiteContext): string {
  return ctx.gapScoreIsShare ? t().area.ppSuffix : '';
}

/** A ratio over a bottom group of 0 is not defined: say so instead of printing a number. */
function ratioText(ratio: number | null): string {
  return ratio === null || !Number.isFinite(ratio) ? t().area.ratioUndefined : t().area.ratio(ratio);
}

/**
 * With two or more eligible schools the gap is always computed; it is missing only when a
 * group's mean was withheld (publish/gap.ts): a member's own score is hidden, and the
 * group mean with the other members' published scores would give it away by subtraction.
 */
function hiddenGapText(ctx: SiteContext, r: GapRow): string {
  const groups = [r.top_mean === null ? ctx.w.top : null, r.bottom_mean === null ? ctx.w.bottom : null].filter(Boolean).join(t().area.groupsJoin);
  return t().area.hiddenGap(r.year, r.eligible, groups);
}

function gapSection(ctx: SiteContext, allRows: GapRow[], id: string, scopeName: string): Section {
  const p = ctx.primarySet();
  // With a single eligible school the best and the worst group are the same school.
  const rows = allRows.filter((r) => r.eligible >= 2);
  if (!p || rows.length === 0) {
    return {
      id: 'gap',
      heading: ctx.w.gapTitle,
      intro: [t().area.noGap(ctx.settings.min_participants)],
    };
  }
  const last = rows[rows.length - 1];
  const usable = rows.filter((r) => r.gap !== null);
  const intro: string[] = [];
  if (last.gap === null) intro.push(hiddenGapText(ctx, last));
  const shown = usable[usable.length - 1];
  if (shown) {
    intro.push(
      t().area.gapSentence({ scope: scopeName, year: shown.year, top: ctx.w.top, bottom: ctx.w.bottom, scoreName: ctx.gapScoreName, topValue: ctx.scoreText(shown.top_mean!), bottomValue: ctx.scoreText(shown.bottom_mean!), gap: `${formatNumber(shown.gap!, 1)}${gapUnit(ctx)}`, ratio: ratioText(shown.ratio), k: shown.k, eligible: shown.eligible }),
    );
  }
  if (shown?.scale_break) intro.push(t().area.scaleBreak(shown.year));
  if (shown?.few_schools) intro.push(t().area.fewSchools);
  if (shown && shown.change_pct !== null) {
    intro.push(
      t().area.target(ctx.settings.gap_target_pct, -shown.change_pct, !!shown.target_met),
    );
  }
  const chart = gapChart({
    id: `${id}/gap`,
    title: t().area.gapChartTitle(ctx.w.top, ctx.w.bottom, p.exam, subjectSetText(p.subject_set)),
    yLabel: ctx.gapScoreLabel,
    unit: ctx.gapScoreIsShare ? '%' : t().metrics.units['балл'],
    groups: ctx.w,
    points: ctx.years.map((y) => {
      const r = rows.find((q) => q.year === y);
      return { year: y, top: r?.top_mean ?? null, bottom: r?.bottom_mean ?? null, gap: r?.gap ?? null, scaleBreak: r?.scale_break, hidden: !!r && r.gap === null };
    }),
    hiddenReason: HIDDEN.groupMean,
  });
  const gt = t().area.gapTable;
  const table: DataTable = {
    id: `${id.replace(/\//g, '-')}-gap-table`,
    caption: gt.caption,
    columns: [
      { key: 'year', label: gt.year },
      { key: 'eligible', label: gt.eligible, numeric: true },
      { key: 'k', label: gt.k, numeric: true },
      { key: 'gap', label: `${gt.gap}${ctx.gapScoreIsShare ? t().area.compare.ppHead : ''}`, numeric: true },
      { key: 'ratio', label: gt.ratio, numeric: true },
      { key: 'change', label: gt.change, numeric: true },
      { key: 'target', label: gt.target },
    ],
    rows: rows.map((r) => ({
      year: textCell(String(r.year)),
      eligible: numCell(r.eligible, 'value', { digits: 0 }),
      k: numCell(r.k, 'value', { digits: 0 }),
      ...gapCells(r),
    })),
  };
  const name = (sid: string) => ctx.schools.get(sid)?.name ?? sid;
  const link = (sid: string) => ctx.href(`school/${ctx.schools.get(sid)?.slug ?? sid}`);
  const groups: DataTable = {
    id: `${id.replace(/\//g, '-')}-gap-groups`,
    caption: t().area.groupsCaption(last.year),
    columns: [
      { key: 'group', label: t().area.group },
      { key: 'school', label: t().area.school },
    ],
    rows: [
      ...last.top_ids.map((s) => ({ group: textCell(ctx.w.top), school: textCell(name(s), link(s)) })),
      ...last.bottom_ids.map((s) => ({ group: textCell(ctx.w.bottom), school: textCell(name(s), link(s)) })),
    ],
  };
  return { id: 'gap', heading: ctx.w.gapTitle, intro, charts: chart ? [chart] : [], tables: [table, groups] };
}

function flaggedList(ctx: SiteContext, schoolIds: string[]): ListItem[] {
  const items: ListItem[] = [];
  for (const id of schoolIds) {
    const flags = (ctx.flagsBySchool.get(id) ?? []).filter((f) => f.fired === true);
    // The programme's list is ШНРО and НСУ; staffing, resources and territory are context.
    if (!flags.some((f) => f.flag === 'shnro' || f.flag === 'nsu')) continue;
    const s = ctx.schools.get(id)!;
    const byFlag = new Map<string, string[]>();
    for (const f of flags) byFlag.set(f.flag, [...(byFlag.get(f.flag) ?? []), afterColon(ctx.ruleName(f.rule))]);
    items.push({
      text: s.name,
      href: ctx.href(`school/${s.slug}`),
      note: [...byFlag].map(([f, rules]) => `${FLAG_NAMES[f] ?? f}: ${rules.join('; ')}`).join('. '),
    });
  }
  return items;
}

function flaggedByArea(ctx: SiteContext): DataTable {
  const w = t().area.flaggedByArea;
  const rows = [...ctx.municipalities.values()]
    .map((m) => {
      let shnro = 0;
      let nsu = 0;
      let all = 0;
      for (const id of m.schoolIds) {
        const fired = new Set((ctx.flagsBySchool.get(id) ?? []).filter((f) => f.fired === true).map((f) => f.flag));
        if (fired.has('shnro')) shnro++;
        if (fired.has('nsu')) nsu++;
        if (fired.has('shnro') || fired.has('nsu')) all++;
      }
      return { m, shnro, nsu, all };
    })
    .filter((r) => r.all > 0)
    .sort((a, b) => b.all - a.all || a.m.name.localeCompare(b.m.name, 'ru'));
  return {
    id: 'region-flagged',
    caption: w.caption(ctx.latestYear),
    columns: [
      { key: 'area', label: ctx.w.area.title },
      { key: 'shnro', label: w.shnro, numeric: true },
      { key: 'nsu', label: w.nsu, numeric: true },
      { key: 'all', label: w.all, numeric: true },
    ],
    rows: rows.map((r) => ({
      area: textCell(r.m.name, ctx.href(`municipality/${r.m.slug}`) + '#flagged'),
      shnro: intCell(r.shnro),
      nsu: intCell(r.nsu),
      all: intCell(r.all),
    })),
    sortable: true,
  };
}

function schoolsTable(ctx: SiteContext, m: MunicipalityInfo): DataTable {
  const min = ctx.settings.min_participants;
  return {
    id: `mun-${m.slug}-schools`,
    caption: t().area.schoolsCaption(ctx.gapScoreName, !!ctx.primarySet()?.subject_set.includes(' + ')),
    columns: [
      { key: 'name', label: t().area.school },
      { key: 'trend', label: t().area.trend },
      { key: 'score', label: `${ctx.latestYear}`, numeric: true },
      { key: 'status', label: t().area.status },
    ],
    rows: m.schoolIds.map((id) => {
      const s = ctx.schools.get(id)!;
      const series = ctx.scoreSeries(id);
      const last = series[series.length - 1];
      const fired = [...new Set((ctx.flagsBySchool.get(id) ?? []).filter((f) => f.fired).map((f) => f.flag))];
      return {
        name: textCell(s.name, ctx.href(`school/${s.slug}`)),
        trend: { ...textCell(''), spark: sparkline(series, { label: t().area.sparkLabel(s.name) }) },
        score: numCell(last?.value ?? null, last?.state ?? 'missing', { minParticipants: min, reason: last?.reason }),
        status: textCell(fired.length ? fired.map((f) => FLAG_SHORT[f] ?? f).join(', ') : '—'),
      };
    }),
  };
}

export function municipalityPage(ctx: SiteContext, m: MunicipalityInfo, extra: { indicators?: Section; partnerships?: ListItem[] }): Page {
  const sections: Section[] = [];
  const flagged = flaggedList(ctx, m.schoolIds);
  const gapRows = ctx.gapRows('municipality', m.id);
  // The same card as the region's: the latest published gap, with its year.
  const lastGap = [...gapRows].reverse().find((g) => g.gap !== null);
  sections.push({
    id: 'summary',
    heading: t().area.brief,
    verdict: areaVerdict(ctx, gapRows),
    stats: [
      { label: t().area.schoolsCount, value: formatInt(m.schoolIds.length) },
      ...(ctx.identifies ? [{ label: t().area.flaggedIn(ctx.latestYear), value: formatInt(flagged.length) }] : []),
      ...(lastGap ? [{ label: t().area.gapOf(lastGap.year), value: formatNumber(lastGap.gap!, 1), note: ratioText(lastGap.ratio) }] : []),
    ],
  });
  sections.push(gapSection(ctx, gapRows, `municipality/${m.slug}`, m.name));
  const pos = ctx.gapPosition(null, m.id);
  if (pos) {
    sections.push({
      id: 'distribution',
      heading: t().area.amongRegion(ctx.w.area.genitive),
      charts: [
        positionChart({
          id: `municipality/${m.slug}/distribution`,
          title: t().area.amongRegionTitle(ctx.w.area.genitive, pos.year),
          xLabel: pos.scoreLabel,
          unit: pos.unit,
          values: pos.values,
          bins: pos.bins,
          rankOf: pos.rankOf,
          total: pos.total,
          bottomCut: pos.bottomCut,
          topCut: pos.topCut,
          groupOf: pos.groupOf,
          subject: pos.setLabel,
          groups: ctx.w,
          scope: 'municipality',
          areaGenitive: ctx.w.area.genitive,
        }),
      ],
    });
  }
  sections.push({ id: 'schools', heading: t().area.schools, tables: [schoolsTable(ctx, m)] });
  if (extra.indicators) sections.push(extra.indicators);
  sections.push({
    id: 'flagged',
    heading: t().area.flaggedHeading,
    intro: !ctx.identifies ? [ctx.noIdentificationText()] : flagged.length ? [t().area.flaggedIntro(flagged.length)] : [t().area.noneFlagged(ctx.w.area.genitive)],
    list: flagged,
  });
  if (extra.partnerships?.length) sections.push({ id: 'partnerships', heading: t().area.partnerships, list: extra.partnerships });
  const about = t().area.municipalityAbout(m.schoolIds.length, ctx.identifies);
  return {
    path: `municipality/${m.slug}`,
    kind: 'municipality',
    title: m.name,
    description: t().area.municipalityDescription(m.name, about),
    lead: t().area.municipalityLead(about),
    breadcrumbs: [{ name: ctx.regionName, href: ctx.href('') }],
    sections,
  };
}

export function regionPage(ctx: SiteContext, extra: { changes: ListItem[]; resilient: ListItem[]; clusters: ListItem[]; demo: boolean }): Page {
  const sections: Section[] = [];
  const allIds = [...ctx.schools.keys()];
  const flagged = flaggedList(ctx, allIds);
  const gapRows = ctx.gapRows('region', 'region');
  const lastGap = [...gapRows].reverse().find((g) => g.gap !== null);
  sections.push({
    id: 'summary',
    heading: t().area.main,
    verdict: areaVerdict(ctx, gapRows),
    stats: [
      { label: t().area.schoolsCount, value: formatInt(ctx.schools.size) },
      { label: capitalize(ctx.w.area.genitive_plural), value: formatInt(ctx.municipalities.size) },
      ...(ctx.identifies ? [{ label: t().area.flaggedCount(ctx.latestYear), value: formatInt(flagged.length) }] : []),
      ...(lastGap ? [{ label: t().area.gapOf(lastGap.year), value: formatNumber(lastGap.gap!, 1), note: ratioText(lastGap.ratio) }] : []),
    ],
  });
  sections.push(gapSection(ctx, gapRows, 'region', t().area.region));
  if (extra.changes.length) sections.push({ id: 'changes', heading: t().area.changesHeading(ctx.latestYear), list: extra.changes });

  const p = ctx.primarySet();
  const charts: Chart[] = [];
  if (p) {
    const rows = [...ctx.municipalities.values()]
      .map((m) => {
        const subjects = p.subject_set.split(' + ');
        let sum = 0;
        let n = 0;
        for (const subj of subjects) {
          const a = ctx.aggregate('municipality', m.id, `${p.exam}|${subj}|`, ctx.latestYear);
          const v = a ? (a[ctx.measureFor(p.exam)] as number | null) : null;
          if (a && v !== null) {
            sum += v * a.n;
            n += a.n;
          }
        }
        return { name: m.name, value: n ? sum / n : NaN, href: ctx.href(`municipality/${m.slug}`) };
      })
      .filter((r) => Number.isFinite(r.value));
    if (rows.length) {
      let rs = 0;
      let rn = 0;
      for (const subj of p.subject_set.split(' + ')) {
        const a = ctx.aggregate('region', 'region', `${p.exam}|${subj}|`, ctx.latestYear);
        const v = a ? (a[ctx.measureFor(p.exam)] as number | null) : null;
        if (a && v !== null) {
          rs += v * a.n;
          rn += a.n;
        }
      }
      // A national site has thousands of municipalities: draw the 15 best and 15 worst.
      const drawn = rows.length > 40 ? [...rows].sort((a, b) => b.value - a.value).filter((_, i, all) => i < 15 || i >= all.length - 15) : rows;
      charts.push(
        compareByNameChart({
          id: 'region/municipalities',
          title: `${ctx.w.area.titlePlural}: ${ctx.gapScoreName} (${p.exam}, ${subjectSetText(p.subject_set)}), ${ctx.latestYear}`,
          xLabel: ctx.gapScoreLabel,
          unit: ctx.gapScoreIsShare ? '%' : t().metrics.units['балл'],
          rows: drawn,
          reference: rn ? { label: t().area.regionMean, value: rs / rn } : undefined,
          nameLabel: ctx.w.area.title,
        }),
      );
    }
  }
  sections.push({
    id: 'municipalities',
    heading: ctx.w.area.titlePlural,
    intro: [t().area.areasIntro(countOf(ctx.municipalities.size, ctx.w.area.count))],
    charts,
    list: [...ctx.municipalities.values()].map((m) => ({ text: m.name, href: ctx.href(`municipality/${m.slug}`), note: countOf(m.schoolIds.length, forms().schools) })),
  });
  // The region page counts flagged schools by area; each area's page lists them with their
  // rules (a list of every school repeated the rules a hundred times: 23,000 px on a phone).
  sections.push({
    id: 'flagged',
    heading: t().area.regionFlaggedHeading,
    intro: !ctx.identifies ? [ctx.noIdentificationText()] : [t().area.regionFlaggedIntro(flagged.length, ctx.latestYear, ctx.w.area)],
    tables: ctx.identifies && flagged.length ? [flaggedByArea(ctx)] : [],
  });
  if (extra.resilient.length) {
    sections.push({
      id: 'resilient',
      heading: t().area.resilient,
      intro: [t().area.resilientIntro],
      list: extra.resilient,
    });
  }
  if (extra.clusters.length) sections.push({ id: 'clusters', heading: t().area.clusters, intro: [t().area.clustersIntro], list: extra.clusters });
  return {
    path: '',
    kind: 'region',
    title: ctx.regionName,
    description: t().area.regionDescription(ctx.schools.size, ctx.identifies, !!extra.demo),
    breadcrumbs: [],
    sections,
  };
}
