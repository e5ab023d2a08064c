/**
 * Every chart the site draws, by kind: a spec function of plain data. A chart is
 * described by (kind, inputs, label) alone, so it can be cached by those (cache.ts) and
 * rendered in another thread (build/chart-pool.ts) from a message, with the same SVG.
 */
import { renderPlot, type SafeSvg } from './render.ts';
import { contextScatter, dotsByName, gapBand, linesOverYears, stripWithBands } from './specs.ts';

type Args<F extends (...a: never[]) => unknown> = Parameters<F>;

export interface ChartInputs {
  lines: [Args<typeof linesOverYears>[0], Args<typeof linesOverYears>[1]];
  gap: [Args<typeof gapBand>[0], string, number[]];
  strip: [Args<typeof stripWithBands>[0], Args<typeof stripWithBands>[1], string, number, number];
  dots: [Args<typeof dotsByName>[0], string, number | null];
  scatter: [Args<typeof contextScatter>[0], Args<typeof contextScatter>[1], string, string];
}
export type ChartKind = keyof ChartInputs;

const SPECS: { [K in ChartKind]: (inputs: ChartInputs[K]) => ReturnType<typeof renderPlot> extends SafeSvg ? Parameters<typeof renderPlot>[0] : never } = {
  lines: ([series, opts]) => linesOverYears(series, opts),
  gap: ([points, yLabel, scaleBreaks]) => gapBand(points, { yLabel, scaleBreaks }),
  strip: ([bins, mine, xLabel, bottomCut, topCut]) => stripWithBands(bins, mine, { xLabel, bottomCut, topCut }),
  dots: ([rows, xLabel, reference]) => dotsByName(rows, { xLabel, reference: reference ?? undefined }),
  scatter: ([points, line, xLabel, yLabel]) => contextScatter(points, line, { xLabel, yLabel }),
};

export function renderChart<K extends ChartKind>(kind: K, inputs: ChartInputs[K], label: string): SafeSvg {
  return renderPlot(SPECS[kind](inputs), label);
}
