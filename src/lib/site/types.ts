/**
 * The site model: one plain JSON record per page, already disclosure-controlled.
 * Pages and components only lay these records out; they compute nothing, so no
 * page, chart, CSV or search index can show a figure the model does not hold.
 */
import type { SafeSvg } from '../charts/render.ts';

/** One table cell: `v` is the value written to CSV, `t` the text shown on the page. */
export interface Cell {
  v: string | number | null;
  t: string;
  href?: string;
  /** Why there is no number (missing / suppressed / not applicable), for styling. */
  state?: 'missing' | 'suppressed' | 'na';
  spark?: SafeSvg;
}

export interface Column {
  key: string;
  label: string;
  numeric?: boolean;
  /** A width hint for printed tables of fixed layout: a year or short number, or a name. */
  width?: 'narrow' | 'wide';
}

export interface DataTable {
  id: string;
  caption: string;
  columns: Column[];
  rows: Record<string, Cell>[];
  /** Boxes that let a reader choose the peers in this table (the similar-schools island). */
  peers?: PeerFilters;
  /** Column heads become buttons that sort the rows in the browser (scripts/sortable.ts). */
  sortable?: boolean;
  /** One sentence under the table that explains a mark on its rows (the table is described by it). */
  note?: string;
}

export interface PeerFilters {
  /** The school's page slug (its entry in data/compare.json). */
  school: string;
  filters: { name: 'area' | 'settlement' | 'band'; label: string; short: string }[];
}

export interface Chart {
  /** Stable id; chartAnchor(id) is the figure's anchor, and its page opened there is its embed view. */
  id: string;
  title: string;
  /** One sentence with the numbers, not «график результатов». */
  summary: string;
  svg: SafeSvg;
  /** Legend in words, because colour alone must not carry meaning. */
  legend?: { label: string; key: 'school' | 'municipality' | 'region' | 'top' | 'bottom' | 'target' | 'actual' | 'band-top' | 'band-bottom' | 'others' | 'others-ring' | 'gap' | 'school-dot' | 'school-diamond' }[];
  table: DataTable;
}

/** A chart's fragment id: its id with every character outside [A-Za-z0-9_-] as «-». */
export function chartAnchor(id: string): string {
  return `c-${id.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
}

export interface Stat {
  label: string;
  value: string;
  note?: string;
}

export type { ListItem } from '../publish/types.ts';
import type { ListItem } from '../publish/types.ts';

export interface Section {
  id: string;
  heading: string;
  /** The answer first: a status in words (with a colour where reliable), then its numbers. */
  verdict?: { tone: 'better' | 'worse' | 'steady' | 'unknown'; label: string; sentences: string[] };
  intro?: string[];
  stats?: Stat[];
  charts?: Chart[];
  tables?: DataTable[];
  list?: ListItem[];
}

export type PageKind = 'region' | 'municipality' | 'school' | 'indicators' | 'municipalities' | 'changes' | 'report';

export interface Page {
  /** Site path without leading or trailing slash, e.g. `school/0101`. Empty for the region page. */
  path: string;
  kind: PageKind;
  title: string;
  /** For link previews and search engines (meta description): names the page's subject. */
  description: string;
  /**
   * The line under the page's heading, when it is not the description: without the name the
   * heading has just said (read twice by a screen reader, and shown twice in search results).
   */
  lead?: string;
  breadcrumbs: { name: string; href: string }[];
  /** Links under the page's lead, e.g. to its printable report. */
  actions?: { text: string; href: string }[];
  sections: Section[];
  /**
   * A school page's numbers are downloaded from one file shared by the schools of its area
   * (`file`, under the site root), each row led by `key` (code, name); other pages have a
   * CSV of their own, page-data/<path>.csv (issue: at most three files per school).
   */
  csv?: { file: string; key: [string, string]; area: string };
}

/** Table Schema field types of the CSV downloads (data/datapackage.json). */
export type FieldType = 'string' | 'integer' | 'number' | 'boolean';

export interface SiteInfo {
  regionName: string;
  demo: boolean;
  minParticipants: number;
  reliabilityMin: number;
  years: number[];
  schoolCount: number;
  municipalityCount: number;
  sources: { path: string; kind: string; publisher: string; title: string; url?: string; date?: string; licence?: string; rows: number; rescaled?: { from: [number, number]; to: [number, number] } }[];
  settings: Record<string, unknown>;
  /** school id → display name, municipality: for search and compare. */
  municipalities: { id: string; slug: string; name: string; schools: number }[];
  downloads: { file: string; title: string; rows: number; columns: { key: string; label: string; type?: FieldType }[] }[];
  /** The release of the data, if the manifest names one. */
  edition: { name: string; date: string } | null;
  /** The public address (manifest `site_url` or $SITE_URL), without a trailing slash; null: links stay relative. */
  siteUrl: string | null;
  /** The terms this site uses, with plain definitions (/glossary/ and first-use links). */
  glossary: { id: string; term: string; forms: string[]; definition: string }[];
  /** The exams the dataset has results for: the methodology explains only these. */
  exams: string[];
  /** Each identification rule, and why it does not apply where it does not. */
  rules: { rule: string; flag: string; applies: boolean; cause: 'programme' | 'identification' | 'data' | null; reason: string | null }[];
}

/**
 * Where whole-site files go as they are made: straight to disk in a build (a national
 * results.csv is never held), to a list of SiteFile otherwise.
 */
export interface FileSink {
  /** Writes a file from its parts, in order; they are all consumed before this returns. */
  write(path: string, parts: Iterable<string>): void;
}

/** A whole-site file (downloads under dist/data/, sitemap): path inside the site and text. */
export interface SiteFile {
  path: string;
  /** In parts for a file too large for one string (build/csv.ts FileText). */
  content: string | string[];
}
