/**
 * A map from key paths (year, exam, subject, school…) to values, held as nested maps, so
 * that keying millions of result rows builds no joined string per row: at national scale
 * the joined keys («001234|2021|ЕГЭ|Математика») were gigabytes of garbage. Paths that a
 * joined key would confuse («a|b», «c» and «a», «b|c») stay apart.
 */
export class PathMap<V> {
  private readonly root = new Map<unknown, unknown>();

  get(path: readonly unknown[]): V | undefined {
    let level: Map<unknown, unknown> | undefined = this.root;
    for (let i = 0; i < path.length - 1 && level; i++) level = level.get(path[i]) as Map<unknown, unknown> | undefined;
    return level?.get(path[path.length - 1]) as V | undefined;
  }

  set(path: readonly unknown[], value: V): void {
    let level = this.root;
    for (let i = 0; i < path.length - 1; i++) {
      let next = level.get(path[i]) as Map<unknown, unknown> | undefined;
      if (!next) level.set(path[i], (next = new Map()));
      level = next;
    }
    level.set(path[path.length - 1], value);
  }
}

/** A set of key paths (see PathMap). */
export class PathSet {
  private readonly map = new PathMap<true>();
  add(path: readonly unknown[]): void {
    this.map.set(path, true);
  }
  has(path: readonly unknown[]): boolean {
    return this.map.get(path) === true;
  }
}

/** A dense code (0, 1, …) per key path (see PathMap), in the order the paths were first coded. */
export class PathCodes {
  private readonly map = new PathMap<number>();
  /** Codes given so far. */
  size = 0;

  /** The path's code; a new one when `make`, else undefined for a path not coded yet. */
  code(path: readonly unknown[], make: boolean): number | undefined {
    let c = this.map.get(path);
    if (c === undefined && make) this.map.set(path, (c = this.size++));
    return c;
  }
}
