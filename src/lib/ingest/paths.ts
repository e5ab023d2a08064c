/**
 * Where a manifest may point: every file path resolves inside the folder of the files
 * (`files_dir`, by default the dataset folder), and `files_dir` itself stays inside the
 * dataset folder's parent, or inside the shared folder when it starts with `${SHARED_DIR}`
 * (`${SHARED_DIR}/datasets/…`; no other variable is allowed). Absolute paths, `..` that climbs out and symlinks that lead
 * out are refused before anything is read, so no foreign file's content is ever echoed.
 */
import path from 'node:path';
import type { Problem } from '../model/types.ts';

export interface Loc {
  line: number;
  col: number;
}

export interface PathContext {
  manifest: string;
  env: Record<string, string | undefined>;
  /** Default folders of variables that may be unset (SHARED_DIR). */
  defaults: Record<string, string>;
}

const VAR = /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}/;

function isAbsoluteAnywhere(p: string): boolean {
  return path.isAbsolute(p) || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\') || p.startsWith('~');
}

/** True when `child` is `root` or lies inside it (both absolute, normalised). */
export function inside(root: string, child: string): boolean {
  const rel = path.relative(root, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function problem(ctx: PathContext, loc: Loc | undefined, value: string, message: string, hint: string): Problem {
  return { severity: 'error', code: 'unsafe-path', file: ctx.manifest, line: loc?.line ?? 1, column: loc?.col ?? 1, value, message, hint };
}

/** The folder files are read from, and the folder it must stay in; or a problem. */
export function resolveFilesDir(dir: string, filesDir: string | undefined, ctx: PathContext, loc?: Loc): { root: string; problem?: Problem } {
  const base = path.resolve(dir);
  if (filesDir === undefined) return { root: base };
  const m = VAR.exec(filesDir);
  if (m) {
    const name = m[1];
    // Only the declared shared folders: ${HOME} would open every file of the user.
    if (!(name in ctx.defaults)) {
      return { root: base, problem: problem(ctx, loc, filesDir, `files_dir: переменная \${${name}} не допускается`, `допустимо только ${Object.keys(ctx.defaults).map((k) => `\${${k}}`).join(', ')}: папка с общими наборами данных`) };
    }
    const value = ctx.env[name] || ctx.defaults[name];
    if (!value) {
      return { root: base, problem: { ...problem(ctx, loc, filesDir, `files_dir: переменная окружения ${name} не задана`, `задайте ${name} перед запуском или укажите путь без переменной`), code: 'manifest-env' } };
    }
    const varRoot = path.resolve(value);
    const rest = filesDir.slice(m[0].length).replace(/^[\\/]+/, '');
    if (rest.includes('${')) return { root: base, problem: problem(ctx, loc, filesDir, 'files_dir: переменная допускается только в начале пути', 'пример: ${SHARED_DIR}/datasets/moscow') };
    const full = path.resolve(varRoot, rest);
    if (!inside(varRoot, full)) return { root: base, problem: problem(ctx, loc, filesDir, `files_dir выходит за пределы папки \${${name}}`, `уберите «..»: путь должен оставаться внутри \${${name}}`) };
    return { root: full };
  }
  if (filesDir.includes('${')) return { root: base, problem: problem(ctx, loc, filesDir, 'files_dir: переменная допускается только в начале пути', 'пример: ${SHARED_DIR}/datasets/moscow') };
  if (isAbsoluteAnywhere(filesDir)) {
    return { root: base, problem: problem(ctx, loc, filesDir, 'files_dir: абсолютный путь не допускается', 'укажите путь относительно папки набора или через ${SHARED_DIR}/…') };
  }
  const full = path.resolve(base, filesDir);
  if (!inside(path.dirname(base), full)) {
    return { root: base, problem: problem(ctx, loc, filesDir, 'files_dir выходит за пределы папки набора (выше чем на одну папку)', 'положите файлы в папку набора или рядом с ней, либо укажите путь через ${SHARED_DIR}/…') };
  }
  return { root: full };
}

/** The absolute path of a manifest file entry, or a problem. */
export function resolveFile(root: string, p: string, ctx: PathContext, loc?: Loc): { full?: string; problem?: Problem } {
  if (isAbsoluteAnywhere(p)) return { problem: problem(ctx, loc, p, 'path: абсолютный путь не допускается', 'укажите имя файла относительно папки набора (или files_dir)') };
  if (p.includes('\0')) return { problem: problem(ctx, loc, p, 'path: недопустимый символ в имени файла', 'укажите обычное имя файла') };
  const full = path.resolve(root, p);
  if (!inside(root, full)) return { problem: problem(ctx, loc, p, 'path выходит за пределы папки с файлами набора', 'уберите «..»: файл должен лежать в папке набора (или files_dir)') };
  return { full };
}

/** Refuse a file whose real location (symlinks followed) is outside the real root. */
export async function checkReal(root: string, full: string, p: string, ctx: PathContext, realpath: (p: string) => Promise<string>, loc?: Loc): Promise<Problem | undefined> {
  let realRoot: string;
  let realFile: string;
  try {
    realRoot = await realpath(root);
  } catch {
    return undefined; // the read reports a missing folder
  }
  try {
    realFile = await realpath(full);
  } catch {
    return undefined; // the read reports a missing file
  }
  if (inside(realRoot, realFile)) return undefined;
  return problem(ctx, loc, p, 'path ведёт по символической ссылке за пределы папки с файлами набора', 'положите сам файл в папку набора вместо ссылки');
}
