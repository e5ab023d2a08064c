/** Region and municipality pages: gap trajectory, distribution, schools, flags, partnerships. */
import { forms, afterColon, capitalize, countOf, plural, formatNumber, formatChange, formatInt, subjectSetText } from '../format/index.ts';
import { sparkline } from '../charts/sparkline.ts';
import { HIDDEN } from '../publish/published.ts';
import { numCell, textCell } from './cells.ts';
import { gapChart, positionChart, compareByNameChart } from './charts.ts';
import { FLAG_NAMES, FLAG_SHORT } from './school-page.ts';
import { areaVerdict } from './verdict.ts';
import { gapCells } from './gap-cells.ts';
import type { SiteContext, GapRow, MunicipalityInfo } from './context.ts';
import type { Chart, DataTable, ListItem, Page, Section } from './types.ts';

/** The gap of a share is in percentage points; of a mean score, in the score's units. */

function gapUnit(ctx: SiteContext): string {
  return ctx.gapScoreIsShare ? '\u00a0п.\u00a0п.' : '';
}

/** A ratio over a bottom group of 0 is not defined: say so instead of printing a number. */
function ratioText(ratio: number | null): string {
  return ratio === null || !Number.isFinite(ratio) ? 'отношение не определено (у худших школ показатель равен 0)' : `отношение ${formatNumber(ratio, 2)}`;
}

/**
 * With two or more eligible schools the gap is always computed; it is missing only when a
 * group's mean was withheld (publish/gap.ts): a member's own score is hidden, and the
 * group mean with the other members' published scores would give it away by subtraction.
 */
function hiddenGapText(ctx: SiteContext, r: GapRow): string {
  const groups = [r.top_mean === null ? ctx.w.top : null, r.bottom_mean === null ? ctx.w.bottom : null].filter(Boolean).join(' и в группе ');
  return `В ${r.year} году разрыв рассчитан по ${countOf(r.eligible, forms().schoolsDative)}, но не публикуется: в группе ${groups} есть школа, чей результат скрыт для защиты данных, и по среднему группы его можно было бы восстановить вычитанием.`;
}

function gapSection(ctx: SiteContext, allRows: GapRow[], id: string, scopeName: string): Section {
  const p = ctx.primarySet();
  // With a single eligible school the best and the worst group are the same school.
  const rows = allRows.filter((r) => r.eligible >= 2);
  if (!p || rows.length === 0) {
    return {
      id: 'gap',
      heading: ctx.w.gapTitle,
      intro: [`Рассчитать разрыв нельзя: ни в одном году нет хотя бы двух школ, где по обязательным предметам не менее ${ctx.settings.min_participants} участников.`],
    };
  }
  const last = rows[rows.length - 1];
  const usable = rows.filter((r) => r.gap !== null);
  const intro: string[] = [];
  if (last.gap === null) intro.push(hiddenGapText(ctx, last));
  const shown = usable[usable.length - 1];
  if (shown) {
    intro.push(
      `${scopeName}: в ${shown.year} году в ${ctx.w.top} школ ${ctx.gapScoreName} — ${ctx.scoreText(shown.top_mean!)}, в ${ctx.w.bottom} — ${ctx.scoreText(shown.bottom_mean!)}; разрыв ${formatNumber(shown.gap!, 1)}${gapUnit(ctx)}, ${ratioText(shown.ratio)}. В каждой группе ${countOf(shown.k, forms().schools)} из ${formatInt(shown.eligible)}.`,
    );
  }
  if (shown?.scale_break) intro.push(`В ${shown.year} году изменилась шкала экзамена: разрыв до и после несравним, поэтому изменение к прошлому году и выполнение цели не оцениваются.`);
  if (shown?.few_schools) intro.push('Внимание: показатель рассчитан по очень малому числу школ и может сильно меняться от года к году.');
  if (shown && shown.change_pct !== null) {
    intro.push(
      `Цель программы — сокращать отношение не менее чем на ${formatNumber(ctx.settings.gap_target_pct, 1)} % в год. Изменение к прошлому году: ${formatChange(-shown.change_pct, 2)} % сокращения — ${shown.target_met ? 'цель достигнута' : 'цель не достигнута'}.`,
    );
  }
  const chart = gapChart({
    id: `${id}/gap`,
    title: `Разрыв между ${ctx.w.top} и ${ctx.w.bottom} школ (${p.exam}, ${subjectSetText(p.subject_set)})`,
    yLabel: ctx.gapScoreLabel,
    unit: ctx.gapScoreIsShare ? '%' : 'балл',
    groups: ctx.w,
    points: ctx.years.map((y) => {
      const r = rows.find((q) => q.year === y);
      return { year: y, top: r?.top_mean ?? null, bottom: r?.bottom_mean ?? null, gap: r?.gap ?? null, scaleBreak: r?.scale_break, hidden: !!r && r.gap === null };
    }),
    hiddenReason: HIDDEN.groupMean,
  });
  const table: DataTable = {
    id: `${id.replace(/\//g, '-')}-gap-table`,
    caption: 'Разрыв по годам и выполнение цели',
    columns: [
      { key: 'year', label: 'Год' },
      { key: 'eligible', label: 'Школ в расчёте', numeric: true },
      { key: 'k', label: 'Школ в группе', numeric: true },
      { key: 'gap', label: 'Разрыв', numeric: true },
      { key: 'ratio', label: 'Отношение', numeric: true },
      { key: 'change', label: 'Сокращение отношения, %', numeric: true },
      { key: 'target', label: 'Цель' },
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
    caption: `Школы в группах, ${last.year}`,
    columns: [
      { key: 'group', label: 'Группа' },
      { key: 'school', label: 'Школа' },
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

function schoolsTable(ctx: SiteContext, m: MunicipalityInfo): DataTable {
  const min = ctx.settings.min_participants;
  return {
    id: `mun-${m.slug}-schools`,
    caption: `Школы: ${ctx.gapScoreName}${ctx.primarySet()?.subject_set.includes(' + ') ? ' по обязательным предметам' : ''}`,
    columns: [
      { key: 'name', label: 'Школа' },
      { key: 'trend', label: 'Динамика' },
      { key: 'score', label: `${ctx.latestYear}`, numeric: true },
      { key: 'status', label: 'Статус' },
    ],
    rows: m.schoolIds.map((id) => {
      const s = ctx.schools.get(id)!;
      const series = ctx.scoreSeries(id);
      const last = series[series.length - 1];
      const fired = [...new Set((ctx.flagsBySchool.get(id) ?? []).filter((f) => f.fired).map((f) => f.flag))];
      return {
        name: textCell(s.name, ctx.href(`school/${s.slug}`)),
        trend: { ...textCell(''), spark: sparkline(series, { label: `${s.name}: динамика` }) },
        score: numCell(last?.value ?? null, last?.state ?? 'missing', { minParticipants: min, reason: last?.reason }),
        status: textCell(fired.length ? fired.map((f) => FLAG_SHORT[f] ?? f).join(', ') : '—'),
      };
    }),
  };
}

export function municipalityPage(ctx: SiteContext, m: MunicipalityInfo, extra: { indicators?: Section; partnerships?: ListItem[] }): Page {
  const sections: Section[] = [];
  const flagged = flaggedList(ctx, m.schoolIds);
  sections.push({
    id: 'summary',
    heading: 'Коротко',
    verdict: areaVerdict(ctx, ctx.gapRows('municipality', m.id)),
    stats: [
      { label: 'Школ', value: formatInt(m.schoolIds.length) },
      ...(ctx.identifies ? [{ label: `Отнесено к ШНРО/НСУ в ${ctx.latestYear}`, value: formatInt(flagged.length) }] : []),
    ],
  });
  sections.push(gapSection(ctx, ctx.gapRows('municipality', m.id), `municipality/${m.slug}`, m.name));
  const pos = ctx.gapPosition(null, m.id);
  if (pos) {
    sections.push({
      id: 'distribution',
      heading: `Школы ${ctx.w.area.genitive} среди школ региона`,
      charts: [
        positionChart({
          id: `municipality/${m.slug}/distribution`,
          title: `Школы ${ctx.w.area.genitive} среди всех школ региона, ${pos.year}`,
          xLabel: pos.scoreLabel,
          unit: pos.unit,
          values: pos.values,
          bins: pos.bins,
          rankOf: pos.rankOf,
          total: pos.total,
          bottomCut: pos.bottomCut,
          topCut: pos.topCut,
          subject: pos.setLabel,
          groups: ctx.w,
          scope: 'municipality',
          areaGenitive: ctx.w.area.genitive,
        }),
      ],
    });
  }
  sections.push({ id: 'schools', heading: 'Школы', tables: [schoolsTable(ctx, m)] });
  if (extra.indicators) sections.push(extra.indicators);
  sections.push({
    id: 'flagged',
    heading: 'Школы с низкими результатами и в неблагоприятных условиях',
    intro: !ctx.identifies ? [ctx.noIdentificationText()] : flagged.length ? [`${countOf(flagged.length, forms().schools)} ${plural(flagged.length, forms().assigned)} к ШНРО, НСУ или другим группам риска; для каждой указаны сработавшие правила.`] : [`Ни одна школа ${ctx.w.area.genitive} не отнесена к ШНРО или НСУ.`],
    list: flagged,
  });
  if (extra.partnerships?.length) sections.push({ id: 'partnerships', heading: 'Партнёрства школ', list: extra.partnerships });
  return {
    path: `municipality/${m.slug}`,
    kind: 'municipality',
    title: m.name,
    description: `${m.name}: ${countOf(m.schoolIds.length, forms().schools)}, разрыв между лучшими и худшими школами${ctx.identifies ? ', школы ШНРО/НСУ, показатели программы' : ''}.`,
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
    heading: 'Главное',
    verdict: areaVerdict(ctx, gapRows),
    stats: [
      { label: 'Школ', value: formatInt(ctx.schools.size) },
      { label: capitalize(ctx.w.area.genitive_plural), value: formatInt(ctx.municipalities.size) },
      ...(ctx.identifies ? [{ label: `Школ ШНРО/НСУ, ${ctx.latestYear}`, value: formatInt(flagged.length) }] : []),
      ...(lastGap ? [{ label: `Разрыв лучших и худших, ${lastGap.year}`, value: formatNumber(lastGap.gap!, 1), note: ratioText(lastGap.ratio) }] : []),
    ],
  });
  sections.push(gapSection(ctx, gapRows, 'region', 'Регион'));
  if (extra.changes.length) sections.push({ id: 'changes', heading: `Что изменилось за ${ctx.latestYear} год`, list: extra.changes });

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
          unit: ctx.gapScoreIsShare ? '%' : 'балл',
          rows: drawn,
          reference: rn ? { label: 'в среднем по региону', value: rs / rn } : undefined,
          nameLabel: ctx.w.area.title,
        }),
      );
    }
  }
  sections.push({
    id: 'municipalities',
    heading: ctx.w.area.titlePlural,
    intro: [`Средние взвешены по числу участников. ${countOf(ctx.municipalities.size, ctx.w.area.count)}; у каждого своя страница.`],
    charts,
    list: [...ctx.municipalities.values()].map((m) => ({ text: m.name, href: ctx.href(`municipality/${m.slug}`), note: countOf(m.schoolIds.length, forms().schools) })),
  });
  sections.push({
    id: 'flagged',
    heading: 'Школы ШНРО и НСУ',
    intro: !ctx.identifies ? [ctx.noIdentificationText()] : [`${countOf(flagged.length, forms().schools)} ${plural(flagged.length, forms().assigned)} к группам риска в ${ctx.latestYear} году. Для каждой — сработавшие правила; подробности и расстояние до порога выхода — на странице школы.`],
    list: flagged,
  });
  if (extra.resilient.length) {
    sections.push({
      id: 'resilient',
      heading: 'Резильентные школы',
      intro: ['Школы в неблагоприятных социальных условиях, чей результат заметно выше ожидаемого для такого контекста (верхняя четверть остатков).'],
      list: extra.resilient,
    });
  }
  if (extra.clusters.length) sections.push({ id: 'clusters', heading: 'Типы школ (кластеры)', intro: ['Школы сгруппированы методом k-средних по индексам и результатам; каждая группа описана словами.'], list: extra.clusters });
  return {
    path: '',
    kind: 'region',
    title: ctx.regionName,
    description: `Мониторинг результатов школ региона (${formatInt(ctx.schools.size)}): разрыв между лучшими и худшими школами${ctx.identifies ? ', школы ШНРО и НСУ, показатели программы' : ''}.${extra.demo ? ' Демонстрационные данные.' : ''}`,
    breadcrumbs: [],
    sections,
  };
}
