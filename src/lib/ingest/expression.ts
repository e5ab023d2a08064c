/**
 * A tiny, safe expression language for `derive:` (no eval, no property access, no loops):
 *   numbers, + - * / ( ), field or column names (`backticks` for names with spaces),
 *   'string' literals, left(x, n), concat(a, b, ...).
 * Arithmetic on a missing / suppressed / n.a. operand, or a division by zero, yields that
 * state instead of a number (suppressed wins, then missing, then n.a.): a hidden figure must
 * never turn into a computed one.
 */
import type { ValueState } from '../model/types.ts';

export type Node =
  | { type: 'num'; value: number }
  | { type: 'str'; value: string }
  | { type: 'ref'; name: string }
  | { type: 'neg'; arg: Node }
  | { type: 'bin'; op: '+' | '-' | '*' | '/'; left: Node; right: Node }
  | { type: 'call'; name: 'left' | 'concat'; args: Node[] };

export type Val = { t: 'num'; state: ValueState; value: number | null } | { t: 'str'; s: string };

export class ExpressionError extends Error {}

type Tok = { k: 'num'; v: number } | { k: 'str'; v: string } | { k: 'id'; v: string } | { k: 'op'; v: string };

function lex(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) { i++; continue; }
    if (/\d/.test(c) || (c === '.' && /\d/.test(src[i + 1] ?? ''))) {
      const m = /^\d*\.?\d+|^\d+/.exec(src.slice(i))!;
      out.push({ k: 'num', v: Number(m[0]) });
      i += m[0].length;
      continue;
    }
    if (c === "'" || c === '"' || c === '`') {
      const j = src.indexOf(c, i + 1);
      if (j < 0) throw new ExpressionError(`не закрыта кавычка ${c}`);
      const v = src.slice(i + 1, j);
      out.push(c === '`' ? { k: 'id', v } : { k: 'str', v });
      i = j + 1;
      continue;
    }
    const id = /^[A-Za-zА-Яа-яЁё_][A-Za-zА-Яа-яЁё_0-9]*/.exec(src.slice(i));
    if (id) {
      out.push({ k: 'id', v: id[0] });
      i += id[0].length;
      continue;
    }
    if ('+-*/(),'.includes(c)) {
      out.push({ k: 'op', v: c });
      i++;
      continue;
    }
    throw new ExpressionError(`недопустимый символ «${c}»`);
  }
  return out;
}

export function parseExpression(src: string): Node {
  const toks = lex(src);
  let p = 0;
  const peek = () => toks[p];
  const isOp = (v: string) => toks[p]?.k === 'op' && toks[p].v === v;
  const expect = (v: string) => {
    if (!isOp(v)) throw new ExpressionError(`ожидается «${v}»`);
    p++;
  };
  function expr(): Node {
    let left = term();
    while (isOp('+') || isOp('-')) {
      const op = toks[p++].v as '+' | '-';
      left = { type: 'bin', op, left, right: term() };
    }
    return left;
  }
  function term(): Node {
    let left = unary();
    while (isOp('*') || isOp('/')) {
      const op = toks[p++].v as '*' | '/';
      left = { type: 'bin', op, left, right: unary() };
    }
    return left;
  }
  function unary(): Node {
    if (isOp('-')) { p++; return { type: 'neg', arg: unary() }; }
    if (isOp('+')) { p++; return unary(); }
    return primary();
  }
  function primary(): Node {
    const t = peek();
    if (!t) throw new ExpressionError('выражение оборвано');
    if (t.k === 'num') { p++; return { type: 'num', value: t.v }; }
    if (t.k === 'str') { p++; return { type: 'str', value: t.v }; }
    if (t.k === 'op' && t.v === '(') { p++; const e = expr(); expect(')'); return e; }
    if (t.k === 'id') {
      p++;
      if (isOp('(')) {
        const name = t.v.toLowerCase();
        if (name !== 'left' && name !== 'concat') throw new ExpressionError(`неизвестная функция «${t.v}» (есть left и concat)`);
        p++;
        const args: Node[] = [];
        if (!isOp(')')) {
          args.push(expr());
          while (isOp(',')) { p++; args.push(expr()); }
        }
        expect(')');
        if (name === 'left' && args.length !== 2) throw new ExpressionError('left(x, n) принимает два аргумента');
        if (name === 'concat' && args.length < 1) throw new ExpressionError('concat(a, b, ...) принимает хотя бы один аргумент');
        return { type: 'call', name, args };
      }
      return { type: 'ref', name: t.v };
    }
    throw new ExpressionError(`неожиданный знак «${t.v}»`);
  }
  const node = expr();
  if (p < toks.length) throw new ExpressionError(`лишнее в конце выражения: «${String(toks[p].v)}»`);
  return node;
}

/** Names an expression refers to (checked against the file's columns before any row is read). */
export function references(node: Node, out: Set<string> = new Set()): Set<string> {
  switch (node.type) {
    case 'ref': out.add(node.name); break;
    case 'neg': references(node.arg, out); break;
    case 'bin': references(node.left, out); references(node.right, out); break;
    case 'call': for (const a of node.args) references(a, out); break;
  }
  return out;
}

export interface Env {
  get(name: string): Val;
  /** Text → number with the file's markers and decimal mark; throws ExpressionError on bad text. */
  toNum(v: Val, name?: string): Extract<Val, { t: 'num' }>;
}

const RANK: Record<ValueState, number> = { suppressed: 3, missing: 2, na: 1, value: 0 };

function worst(a: ValueState, b: ValueState): ValueState {
  return RANK[a] >= RANK[b] ? a : b;
}

export function evaluate(node: Node, env: Env): Val {
  switch (node.type) {
    case 'num': return { t: 'num', state: 'value', value: node.value };
    case 'str': return { t: 'str', s: node.value };
    case 'ref': return env.get(node.name);
    case 'neg': {
      const a = env.toNum(evaluate(node.arg, env), refName(node.arg));
      return a.state === 'value' ? { t: 'num', state: 'value', value: -(a.value as number) } : a;
    }
    case 'bin': {
      const a = env.toNum(evaluate(node.left, env), refName(node.left));
      const b = env.toNum(evaluate(node.right, env), refName(node.right));
      if (a.state !== 'value' || b.state !== 'value') return { t: 'num', state: worst(a.state, b.state), value: null };
      const x = a.value as number;
      const y = b.value as number;
      if (node.op === '/' && y === 0) return { t: 'num', state: 'missing', value: null };
      const v = node.op === '+' ? x + y : node.op === '-' ? x - y : node.op === '*' ? x * y : x / y;
      return { t: 'num', state: 'value', value: v };
    }
    case 'call': {
      const args = node.args.map((a) => evaluate(a, env));
      let state: ValueState = 'value';
      for (const a of args) if (a.t === 'num') state = worst(state, a.state);
      if (state !== 'value') return { t: 'num', state, value: null };
      if (node.name === 'left') {
        const n = env.toNum(args[1]);
        if (n.state !== 'value') return n;
        return { t: 'str', s: toText(args[0]).slice(0, Math.max(0, Math.trunc(n.value as number))) };
      }
      return { t: 'str', s: args.map(toText).join('') };
    }
  }
}

function refName(n: Node): string | undefined {
  return n.type === 'ref' ? n.name : undefined;
}

export function toText(v: Val): string {
  return v.t === 'str' ? v.s : v.value === null ? '' : String(v.value);
}
