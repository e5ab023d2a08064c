/**
 * Seeded randomness for the demo generator. Everything random flows from d3's
 * `randomLcg`, so a seed reproduces the dataset bit for bit on any machine (V8's
 * Math.log/exp/sqrt/cos are its own fdlibm port, identical across platforms).
 *
 * Each file and each stage gets its own stream (`stream(seed, tag)`), so changing
 * how one file is generated does not shift the numbers of another.
 */
import { randomLcg } from 'd3-random';

export interface Rng {
  /** Uniform in [0, 1). */
  u(): number;
  /** Standard normal (Box–Muller with a cached spare). */
  normal(): number;
  /** Normal with the given mean and standard deviation. */
  norm(mean: number, sd: number): number;
  /** Integer in [lo, hi] inclusive. */
  int(lo: number, hi: number): number;
  /** Binomial(n, p): exact for small n, normal approximation beyond 60 trials. */
  binom(n: number, p: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(xs: readonly T[]): T;
  /** Fisher–Yates shuffle of a copy. */
  shuffle<T>(xs: readonly T[]): T[];
}

/** FNV-1a over the tag, mixed with the seed: a 32-bit start state per stream. */
export function streamSeed(seed: number, tag: string): number {
  let h = 0x811c9dc5 ^ (seed >>> 0);
  for (let i = 0; i < tag.length; i++) {
    h ^= tag.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  // randomLcg treats values in [0, 1) as fractions; keep the integer ≥ 1.
  return (h >>> 0) | 1;
}

export function stream(seed: number, tag: string): Rng {
  const next = randomLcg(streamSeed(seed, tag));
  // Discard the first draws: nearby seeds give correlated first outputs in an LCG.
  for (let i = 0; i < 8; i++) next();
  let spare = NaN;
  const u = () => next();
  const normal = () => {
    if (spare === spare) {
      const s = spare;
      spare = NaN;
      return s;
    }
    let a = u();
    while (a <= 1e-12) a = u();
    const b = u();
    const r = Math.sqrt(-2 * Math.log(a));
    spare = r * Math.sin(2 * Math.PI * b);
    return r * Math.cos(2 * Math.PI * b);
  };
  const rng: Rng = {
    u,
    normal,
    norm: (mean, sd) => mean + sd * normal(),
    int: (lo, hi) => lo + Math.floor(u() * (hi - lo + 1)),
    binom(n, p) {
      if (n <= 0 || p <= 0) return 0;
      if (p >= 1) return n;
      if (n <= 60) {
        let k = 0;
        for (let i = 0; i < n; i++) if (u() < p) k++;
        return k;
      }
      const k = Math.round(n * p + Math.sqrt(n * p * (1 - p)) * normal());
      return k < 0 ? 0 : k > n ? n : k;
    },
    chance: (p) => u() < p,
    pick: (xs) => xs[Math.floor(u() * xs.length)],
    shuffle(xs) {
      const a = xs.slice();
      for (let i = a.length - 1; i > 0; i--) {
        const j = Math.floor(u() * (i + 1));
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
      }
      return a;
    },
  };
  return rng;
}

export const clamp = (x: number, lo: number, hi: number): number => (x < lo ? lo : x > hi ? hi : x);
