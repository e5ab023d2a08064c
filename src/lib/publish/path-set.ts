/**
 * A set of key paths (year, exam, subject, school…) held as nested maps, so that a
 * membership test over millions of result rows builds no string per row: at national
 * scale the joined keys («001234|2021|ЕГЭ|Математика») were gigabytes of garbage.
 */
export class PathSet {
  private readonly root = new Map<unknown, unknown>();

  add(path: readonly unknown[]): void {
    let level = this.root;
    for (let i = 0; i < path.length - 1; i++) {
      let next = level.get(path[i]) as Map<unknown, unknown> | undefined;
      if (!next) level.set(path[i], (next = new Map()));
      level = next;
    }
    level.set(path[path.length - 1], true);
  }

  has(path: readonly unknown[]): boolean {
    let level: Map<unknown, unknown> | undefined = this.root;
    for (let i = 0; i < path.length - 1 && level; i++) level = level.get(path[i]) as Map<unknown, unknown> | undefined;
    return level?.get(path[path.length - 1]) === true;
  }
}
