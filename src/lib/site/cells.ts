/** Table cells: the CSV value and the shown text come from one place, so they agree. */
import type { ValueState } from '../model/types.ts';
import { formatNumber, formatPercent, formatInt, roundAsShown, stateLabel } from '../format/index.ts';
import type { Cell } from './types.ts';

export function textCell(text: string, href?: string): Cell {
  return href ? { v: text, t: text, href } : { v: text, t: text };
}

/** A number rounded to what is shown; CSV gets the same rounded value. */
export function numCell(
  value: number | null | undefined,
  state: ValueState = 'value',
  opts: { digits?: number; percent?: boolean; minParticipants?: number; coded?: string; reason?: string } = {},
): Cell {
  if (opts.coded) return { v: opts.coded, t: opts.coded };
  if (state !== 'value' || value === null || value === undefined || !Number.isFinite(value)) {
    const s: Exclude<ValueState, 'value'> = state === 'value' ? 'missing' : state;
    return { v: null, t: (s === 'suppressed' || s === 'na') && opts.reason ? opts.reason : stateLabel(s, opts.minParticipants), state: s };
  }
  const digits = opts.digits ?? 1;
  const rounded = roundAsShown(value, digits);
  return { v: rounded, t: opts.percent ? formatPercent(rounded, digits) : digits === 0 ? formatInt(rounded) : formatNumber(rounded, digits) };
}

export function intCell(value: number | null | undefined, state: ValueState = 'value', minParticipants?: number, reason?: string): Cell {
  return numCell(value, state, { digits: 0, minParticipants, reason });
}
