/**
 * dataset.yml: YAML → validated manifest. Every schema issue becomes a Russian Problem
 * pointing at the line of the offending key, with a hint; all issues are reported at once.
 */
import { LOCALES } from '../words/locale.ts';
import { z } from 'zod';
import { parseDocument, LineCounter, isNode } from 'yaml';
import { FILE_KINDS, KIND_SPECS, type FileKind, type Problem } from '../model/types.ts';
import { DEFAULT_SETTINGS, FLAG_IDS } from '../model/config.ts';

const text = (what: string) => z.string({ error: `ожидается текст (${what})` }).min(1, { error: `не может быть пустым (${what})` });
const stringList = z.array(z.string({ error: 'ожидается список строк' }), { error: 'ожидается auto или список строк' });
const autoOr = <T extends z.ZodType>(t: T) => z.union([z.literal('auto'), t]);

const dateLike = z.preprocess(
  (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'number' ? String(v) : v),
  z.string({ error: 'дата: ожидается текст вида 2025-09-01' }),
);

export const SourceSchema = z.strictObject({
  publisher: text('source.publisher (издатель)'),
  title: text('source.title (название набора)'),
  url: z.string().optional(),
  date: dateLike.optional(),
  licence: z.string().optional(),
});

export const ReadSchema = z.strictObject({
  encoding: z.enum(['auto', 'utf-8', 'windows-1251'], { error: 'ожидается auto, utf-8 или windows-1251' }).default('auto'),
  delimiter: z.enum(['auto', ';', ',', '\t', '|'], { error: 'ожидается auto, ";", ",", "\\t" или "|"' }).default('auto'),
  decimal: z.enum(['auto', ',', '.'], { error: 'ожидается auto, "," или "."' }).default('auto'),
  skip_rows: autoOr(z.number().int().min(0)).default('auto'),
  header_rows: z.number({ error: 'ожидается 1, 2 или 3' }).int().min(1).max(3).default(1),
  missing: autoOr(stringList).default('auto'),
  suppressed: autoOr(stringList).default('auto'),
  na: autoOr(stringList).default('auto'),
  subtotal_rows: z.union([z.literal('auto'), z.literal(false), stringList]).default('auto'),
});

const fieldName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { error: 'имя поля: латиница, цифры и _' });

export const MeltSchema = z.strictObject({
  pattern: text('melt.pattern'),
  measures: z.record(z.string(), fieldName).optional(),
  value: fieldName.optional(),
});

export const IdRuleSchema = z.strictObject({
  digits: z.boolean({ error: 'ожидается true или false' }).optional(),
  replace: z.record(z.string(), z.string({ error: 'замена — текст' }), { error: 'ожидается { шаблон: замена }' }).optional(),
  pad: z.number({ error: 'ожидается ширина — целое число' }).int().min(1).max(30).optional(),
});
const normalizeSchema = z.record(fieldName, IdRuleSchema, { error: 'ожидается { поле: { digits, replace, pad } }' });

export const FileSchema = z.strictObject({
  path: text('path (имя файла)'),
  kind: z.enum(FILE_KINDS as [FileKind, ...FileKind[]], { error: `ожидается одно из: ${FILE_KINDS.join(', ')}` }),
  source: SourceSchema.optional(),
  read: ReadSchema.default(ReadSchema.parse({})),
  columns: z.record(fieldName, z.string({ error: 'значение — имя колонки в файле (текст)' })).default({}),
  constants: z.record(fieldName, z.union([z.string(), z.number(), z.boolean()], { error: 'значение — текст или число' })).default({}),
  melt: MeltSchema.optional(),
  derive: z.record(fieldName, z.union([z.string(), z.number()], { error: 'значение — выражение' })).default({}),
  recode: z.record(fieldName, z.record(z.string(), z.union([z.string(), z.number()]))).default({}),
  normalize: normalizeSchema.optional(),
  scale: z.tuple([z.number(), z.number()], { error: 'ожидается [минимум, максимум]' }).optional(),
  /**
   * Put this file's means on another scale by their share of the scale (a declared
   * conversion, METRICS.md «Scale breaks»): with scale [0, 65] and rescale_to [0, 100], a
   * mean of 44 becomes 67.692, and the series no longer breaks at the change of scale.
   */
  rescale_to: z.tuple([z.number(), z.number()], { error: 'ожидается [минимум, максимум]' }).optional(),
  /** `skip`: the file covers more schools than the site (a city-wide census beside one exam's schools). */
  other_schools: z.enum(['warn', 'skip'], { error: 'ожидается warn или skip' }).default('warn'),
});

const settingsShape = {
  min_participants: z.number().int().min(1),
  reliability_min: z.number().int().min(1),
  gap_share: z.number().gt(0).max(0.5),
  gap_target_pct: z.number(),
  mandatory_subjects: z.record(z.string(), z.array(z.string())),
  gap_score: z.enum(['mean', 'share_high', 'share_below', 'share_good'], { error: 'ожидается mean, share_high, share_below или share_good' }),
  ranked_exams: z.array(z.string()),
  ege_pass: z.record(z.string(), z.number()),
  ege_high: z.number(),
  rules: z.strictObject(
    Object.fromEntries(Object.keys(DEFAULT_SETTINGS.rules).map((k) => [k, z.number().optional()])) as Record<string, z.ZodOptional<z.ZodNumber>>,
  ),
  index_weights: z.record(z.string(), z.number()),
  similar_count: z.number().int().min(1),
  clusters: z.number().int().min(1),
  resilient_quantile: z.number().min(0).max(1),
  measure_labels: z.strictObject({ mean: z.string().optional(), share_below: z.string().optional(), share_good: z.string().optional(), share_high: z.string().optional() }),
  indicator_labels: z.record(z.string(), z.string().min(1)),
  area_names: z.strictObject(Object.fromEntries(Object.keys(DEFAULT_SETTINGS.area_names).map((k) => [k, z.string().min(1).optional()])) as Record<keyof typeof DEFAULT_SETTINGS.area_names, z.ZodOptional<z.ZodString>>),
} satisfies Record<Exclude<keyof typeof DEFAULT_SETTINGS, 'programme' | 'locale'>, z.ZodType>;

/** `programme:` — the rules the region applies (METRICS.md, «Programme opt-in»). */
export const ProgrammeSchema = z.strictObject({
  name: text('programme.name (название программы)'),
  identifies: z.array(z.enum(FLAG_IDS, { error: `ожидается одно из: ${FLAG_IDS.join(', ')}` })).min(1).default([...FLAG_IDS]),
  rules: settingsShape.rules.optional(),
});

export const ManifestSchema = z.strictObject({
  region: z.strictObject({
    name: text('region.name (название региона)'),
    demo: z.boolean({ error: 'ожидается true или false' }).default(false),
  }),
  programme: ProgrammeSchema.optional(),
  /** The language of the site's pages: ru (default) or en. */
  locale: z.enum(LOCALES, { error: `ожидается одно из: ${LOCALES.join(', ')}` }).optional(),
  /** The release of the data this site shows (name and date), printed in every footer and CSV. */
  edition: z.strictObject({ name: text('edition.name (название выпуска)'), date: dateLike }).optional(),
  /** The public address of the site: canonical links, og:url and the sitemap (or $SITE_URL). */
  site_url: z.url({ error: 'ожидается адрес вида https://school.example.ru/' }).optional(),
  settings: z.strictObject(Object.fromEntries(Object.entries(settingsShape).map(([k, v]) => [k, v.optional()]))).optional(),
  files_dir: z.string().optional(),
  normalize: normalizeSchema.optional(),
  /** Open vocabularies: subjects beyond the built-in list, the dataset's settlement types. */
  vocabulary: z
    .strictObject({
      subjects: z.array(text('vocabulary.subjects (название предмета)')).optional(),
      settlement: z.array(text('vocabulary.settlement (тип местности)')).min(1, { error: 'нужен хотя бы один тип местности' }).optional(),
    })
    .optional(),
  current_year: z.number({ error: 'ожидается год, например 2025' }).int().min(1990).max(2100).optional(),
  source: SourceSchema.optional(),
  files: z.array(FileSchema, { error: 'ожидается список файлов' }).min(1, { error: 'не объявлено ни одного файла' }),
});

export type Manifest = z.infer<typeof ManifestSchema>;
export type FileSpec = z.infer<typeof FileSchema>;
export type ReadSpec = z.infer<typeof ReadSchema>;

export interface ManifestResult {
  manifest?: Manifest;
  problems: Problem[];
  /** Where files_dir and each files[i].path are written (for path problems found later). */
  where?: { filesDir?: { line: number; col: number }; paths: Array<{ line: number; col: number } | undefined> };
}

/** Aliases a manifest may expand (a «billion laughs» document needs thousands). */
export const MAX_ALIASES = 100;
/** Longest manifest read (a real one is a few kilobytes). */
export const MAX_MANIFEST_CHARS = 1_000_000;

/**
 * parseManifest that never throws: an unexpected failure (deep nesting, a bug) becomes one
 * located problem instead of a stack trace. Problems without a position point at 1:1.
 */
export function parseManifest(source: string, file: string): ManifestResult {
  let r: ManifestResult;
  try {
    r = source.length > MAX_MANIFEST_CHARS
      ? { problems: [{ severity: 'error', code: 'manifest', file, message: `Манифест слишком большой (${source.length} знаков)`, hint: 'манифест описывает файлы, а не содержит данные; проверьте, что это dataset.yml' }] }
      : parseManifestUnsafe(source, file);
  } catch (e) {
    r = { problems: [{ severity: 'error', code: 'manifest-yaml', file, message: `Не удалось разобрать манифест: ${(e as Error).message.split('\n')[0].slice(0, 200)}`, hint: 'упростите манифест: без ссылок (&, *) и глубокой вложенности' }] };
  }
  for (const p of r.problems) {
    if (p.line === undefined) {
      p.line = 1;
      p.column = 1;
    }
  }
  return r;
}

const KEY_HINTS: Record<string, string> = {
  region: 'region: { name: …, demo: false }',
  files: 'files: список с path, kind, source, columns',
};

function parseManifestUnsafe(source: string, file: string): ManifestResult {
  const problems: Problem[] = [];
  const lc = new LineCounter();
  // logLevel error: yaml's own warnings (collection keys) would go to stderr around our messages.
  const doc = parseDocument(source, { lineCounter: lc, prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
  if (doc.errors.some((e) => /call stack/i.test(e.message))) {
    return { problems: [{ severity: 'error', code: 'manifest-yaml', file, line: 1, column: 1, message: 'Манифест вложен слишком глубоко', hint: 'манифест — несколько уровней ключей; проверьте, что это dataset.yml, а не данные' }] };
  }
  for (const e of [...doc.errors, ...doc.warnings].slice(0, 10)) {
    const pos = e.linePos?.[0] ?? lc.linePos(e.pos[0]);
    problems.push({
      severity: doc.errors.includes(e as never) ? 'error' : 'warning',
      code: 'manifest-yaml',
      file,
      line: pos?.line,
      column: pos?.col,
      message: `Ошибка синтаксиса YAML: ${e.message.split('\n')[0]}`,
      hint: 'проверьте отступы (пробелы, не табуляция) и двоеточия после ключей',
    });
  }
  if (problems.some((p) => p.severity === 'error')) return { problems };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (e) {
    const alias = /alias/i.test((e as Error).message);
    return {
      problems: [{
        severity: 'error', code: 'manifest-yaml', file, line: 1, column: 1,
        message: alias ? `В манифесте слишком много раскрытий ссылок (больше ${MAX_ALIASES})` : `Не удалось разобрать манифест: ${(e as Error).message.split('\n')[0].slice(0, 200)}`,
        hint: 'не используйте якоря и ссылки YAML (&имя, *имя) — повторите значения явно',
      }],
    };
  }
  const parsed = ManifestSchema.safeParse(data ?? {}, { reportInput: true });
  if (parsed.success) {
    for (const [i, f] of parsed.data.files.entries()) checkFile(f, i, parsed.data, doc, lc, file, problems);
    const where = {
      filesDir: parsed.data.files_dir !== undefined ? locate(doc, lc, ['files_dir']) : undefined,
      paths: parsed.data.files.map((_, i) => locate(doc, lc, ['files', i, 'path'])),
    };
    return { manifest: parsed.data, problems, where };
  }
  for (const iss of parsed.error.issues) {
    const path = iss.path as (string | number)[];
    const where = locate(doc, lc, iss.code === 'unrecognized_keys' ? [...path, (iss as { keys: string[] }).keys[0]] : path);
    problems.push({
      severity: 'error',
      code: 'manifest',
      file,
      line: where?.line,
      column: where?.col,
      message: `${pathText(path)}: ${translate(iss)}`,
      value: scalar((iss as { input?: unknown }).input),
      hint: hintFor(iss, path),
    });
  }
  return { problems };
}

function checkFile(f: FileSpec, i: number, m: Manifest, doc: ReturnType<typeof parseDocument>, lc: LineCounter, file: string, problems: Problem[]): void {
  const spec = KIND_SPECS[f.kind];
  const at = (path: (string | number)[]) => locate(doc, lc, ['files', i, ...path]);
  const err = (path: (string | number)[], message: string, hint: string) => {
    const w = at(path);
    problems.push({ severity: 'error', code: 'manifest', file, line: w?.line, column: w?.col, message: `files[${i + 1}] (${f.path}): ${message}`, hint });
  };
  if (!f.source && !m.source) err([], 'не указан источник (source: publisher, title)', 'укажите, кто опубликовал файл и как он называется: source: { publisher: …, title: … }');
  const provided = new Set([...Object.keys(f.columns), ...Object.keys(f.constants), ...Object.keys(f.derive)]);
  if (f.melt) {
    for (const g of groupNames(f.melt.pattern)) if (g !== 'measure') provided.add(g);
    for (const v of Object.values(f.melt.measures ?? {})) provided.add(v);
    if (f.melt.value) provided.add(f.melt.value);
    let re: RegExp | undefined;
    try {
      re = new RegExp(f.melt.pattern, 'u');
    } catch (e) {
      err(['melt', 'pattern'], `недопустимое регулярное выражение (${(e as Error).message})`, 'пример: "^(?<subject>.+) / (?<measure>.+)$"');
    }
    if (re) {
      const groups = groupNames(f.melt.pattern);
      if (groups.includes('measure') && !f.melt.measures) err(['melt'], 'в pattern есть группа measure, но нет measures', 'перечислите measures: { подпись: поле }');
      if (!groups.includes('measure') && !f.melt.value) err(['melt'], 'в pattern нет группы (?<measure>…), и не указано value', 'укажите value: поле, в которое попадут значения колонок');
    }
  }
  for (const field of Object.keys(f.columns)) {
    if (f.constants[field] !== undefined || f.derive[field] !== undefined) err(['columns', field], `поле ${field} задано и колонкой, и в constants/derive`, 'оставьте одно определение');
  }
  for (const field of Object.keys(f.constants)) {
    if (f.derive[field] !== undefined) err(['constants', field], `поле ${field} задано и в constants, и в derive`, 'оставьте одно определение');
  }
  for (const req of spec.required) {
    if (!provided.has(req)) err(['columns'], `не задано обязательное поле ${req} для файла вида ${f.kind}`, `добавьте в columns строку «${req}: имя колонки» (или constants/derive)`);
  }
  const rules: Array<[(string | number)[], Record<string, { replace?: Record<string, string> }> | undefined]> = [[['files', i, 'normalize'], f.normalize], [['normalize'], m.normalize]];
  for (const [base, norm] of rules) {
    for (const [field, rule] of Object.entries(norm ?? {})) {
      for (const re of Object.keys(rule.replace ?? {})) {
        try {
          new RegExp(re, 'gu');
        } catch (e) {
          const w = locate(doc, lc, [...base, field, 'replace', re]);
          if (!problems.some((p) => p.message.includes(re) && p.line === w?.line)) {
            problems.push({ severity: 'error', code: 'manifest', file, line: w?.line, column: w?.col, value: re, message: `normalize.${field}.replace: недопустимое регулярное выражение (${(e as Error).message})`, hint: 'пример: { "^МО-": "" } — убрать приставку «МО-»' });
          }
        }
      }
    }
  }
  if (f.scale && !(f.scale[0] < f.scale[1])) err(['scale'], 'scale: минимум должен быть меньше максимума', 'например scale: [0, 100]');
  if (f.rescale_to) {
    if (!(f.rescale_to[0] < f.rescale_to[1])) err(['rescale_to'], 'rescale_to: минимум должен быть меньше максимума', 'например rescale_to: [0, 100]');
    if (!f.scale) err(['rescale_to'], 'rescale_to без scale: неизвестно, с какой шкалы пересчитывать', 'укажите шкалу файла, например scale: [0, 65] и rescale_to: [0, 100]');
    if (f.kind !== 'results') err(['rescale_to'], 'rescale_to бывает только у файлов результатов (kind: results)', 'уберите rescale_to из этого файла');
  }
}

export function groupNames(pattern: string): string[] {
  return [...pattern.matchAll(/\(\?<([A-Za-z_][A-Za-z0-9_]*)>/g)].map((m) => m[1]);
}

function locate(doc: ReturnType<typeof parseDocument>, lc: LineCounter, path: (string | number)[]): { line: number; col: number } | undefined {
  for (let k = path.length; k >= 1; k--) {
    const sub = path.slice(0, k);
    const parentPath = sub.slice(0, -1);
    const parent = parentPath.length ? doc.getIn(parentPath, true) : doc.contents;
    // Point at the key itself when possible (the value may be absent).
    const items = (parent as { items?: Array<{ key?: unknown; value?: unknown }> } | null)?.items;
    const last = sub[sub.length - 1];
    if (items && typeof last === 'string') {
      const pair = items.find((it) => isNode(it.key) && (it.key as { value?: unknown }).value === last);
      const range = pair && isNode(pair.key) ? (pair.key as { range?: [number, number, number] }).range : undefined;
      if (range) return lc.linePos(range[0]);
    }
    const node = doc.getIn(sub, true);
    if (isNode(node) && node.range) return lc.linePos(node.range[0]);
  }
  return undefined;
}

function pathText(path: (string | number)[]): string {
  if (path.length === 0) return 'dataset.yml';
  return path.map((p, i) => (typeof p === 'number' ? `[${p + 1}]` : i ? `.${p}` : p)).join('');
}

function translate(iss: z.core.$ZodIssue): string {
  const custom = iss.message && !/^(Invalid|Expected|Too|Unrecognized)/.test(iss.message) ? iss.message : undefined;
  if (custom) return custom;
  switch (iss.code) {
    case 'invalid_type':
      return iss.input === undefined ? 'обязательный ключ не указан' : `ожидается ${typeName(iss.expected)}`;
    case 'unrecognized_keys':
      return `неизвестный ключ ${iss.keys.map((k) => `«${k}»`).join(', ')}`;
    case 'invalid_value':
      return `недопустимое значение; допустимо: ${iss.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'too_small':
      return `значение меньше допустимого (${String(iss.minimum)})`;
    case 'too_big':
      return `значение больше допустимого (${String(iss.maximum)})`;
    case 'invalid_union':
      return 'значение не подходит ни под один из допустимых видов';
    case 'invalid_format':
      return 'неверный формат';
    default:
      return 'недопустимое значение';
  }
}

function typeName(t: string): string {
  return ({ string: 'текст', number: 'число', boolean: 'true или false', object: 'набор ключей', array: 'список' } as Record<string, string>)[t] ?? t;
}

function hintFor(iss: z.core.$ZodIssue, path: (string | number)[]): string {
  if (iss.code === 'unrecognized_keys') return 'проверьте написание ключа; все ключи перечислены в docs/dataset-format.md';
  const top = path[0];
  if (typeof top === 'string' && KEY_HINTS[top] && path.length === 1) return `ожидается ${KEY_HINTS[top]}`;
  if (top === 'settings') return 'значения по умолчанию и их типы — в src/lib/model/config.ts';
  return 'см. docs/dataset-format.md';
}

function scalar(v: unknown): string | undefined {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
}
