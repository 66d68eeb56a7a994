/**
 * Building blocks for the demo package specs: the draft a spec returns, payload-file makers for
 * each media type, column declarations and the shared vocabularies (districts, industries,
 * bands) the tables draw from.
 */
import type { Faker } from '@faker-js/faker';
import type { FILE_ROLES, ProductKind } from '../../../shared/formats/candidate';
import type { AgreementTerms, Party, Scenario, Source } from './catalogue';
import { encodeGb18030 } from './gb18030';
import { type Cell, type Column, type DemoTable, type TableDescription, describeTable, toCsv, toJsonArray, toNdjson, toTsv } from './tables';
import { balancedCombinations, companyName, creditCode } from './values';
import { xlsxBuffer, type SheetSpec } from './xlsx-writer';

export type FileRole = (typeof FILE_ROLES)[number];

/** One payload file before it is digested: its bytes and what the manifest says about it. */
export type PayloadFile = { path: string; role: FileRole; mediaType: string; content: Uint8Array; table?: TableDescription };

export type PackageDraft = {
  /** Only on a revision after the first: the candidate digest of the previous revision. */
  previousRevisionDigest?: string;
  submittedAt: string;
  product: { name: string; kind: ProductKind; description: string; rawPackage: boolean };
  operator: Party;
  /** The agreement the manifest cites (usually one of AGREEMENTS; see UNISSUED_AGREEMENTS). */
  agreement: AgreementTerms;
  scenario: Scenario;
  recipient: Omit<Party, 'contact'>;
  sources: Source[];
  processing: { methods: Array<{ field: string; name: string; keyed: boolean; reversible: boolean }>; trainedOnDesensitizedSample?: boolean };
  files: PayloadFile[];
};

export type BuildContext = {
  seed: number;
  /** The candidate digest of an already generated revision (for `previousRevisionDigest`). */
  candidateDigest(id: string, revision: number): string;
  /** The manifest of an already generated revision, as written. */
  candidateManifest(id: string, revision: number): Record<string, unknown>;
};

/**
 * How a deliberately broken package is damaged after it has been written correctly — the
 * integrity problems the import refuses outright, so such packages live in `broken/` and are
 * only for `review check`:
 * - `edited-after-manifest`: a payload file is changed after candidate.json pinned its digests;
 * - `renamed`: a payload file is renamed, so the listed name is missing and the new one undeclared;
 * - `zip-with-link`: the package is written as a `.zip` that also holds a symbolic link.
 */
export type Damage =
  | { kind: 'edited-after-manifest'; path: string; edit: (content: Uint8Array) => Uint8Array }
  | { kind: 'renamed'; from: string; to: string }
  | { kind: 'zip-with-link'; link: string; target: string };

export type DemoPackageSpec = {
  id: string;
  revision: number;
  kind: ProductKind;
  /** One line of English for the README: what this package exercises. */
  description: string;
  /** Rule IDs of RULES.md the package is built to trigger; empty for a clean package. */
  targets: readonly string[];
  /** The id of the demo policy the package is reviewed against (its agreement's, unless it cites one without a policy). */
  policy: string;
  /** Only for the packages of `broken/`: how the written package is damaged. */
  damage?: Damage;
  build(context: BuildContext): PackageDraft | Promise<PackageDraft>;
};

const encoder = new TextEncoder();

export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

/** UTF-8 with a byte-order mark, as spreadsheet programs save "CSV UTF-8". */
export function utf8WithBom(text: string): Uint8Array {
  const body = encoder.encode(text);
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
}

export function column(name: string, dataset: string, type: Column['type'], dataClass: Column['class'], grade: number, transform: string): Column {
  return { name, dataset, type, class: dataClass, grade, transform };
}

export function csvFile(path: string, table: DemoTable, options: { bom?: boolean; gb18030?: boolean } = {}): PayloadFile {
  const text = toCsv(table);
  const content = options.gb18030 ? encodeGb18030(text) : options.bom ? utf8WithBom(text) : utf8(text);
  return { path, role: 'data', mediaType: 'text/csv', content, table: describeTable(table) };
}

export function tsvFile(path: string, table: DemoTable): PayloadFile {
  return { path, role: 'data', mediaType: 'text/tab-separated-values', content: utf8(toTsv(table)), table: describeTable(table) };
}

export function ndjsonFile(path: string, table: DemoTable): PayloadFile {
  return { path, role: 'data', mediaType: 'application/x-ndjson', content: utf8(toNdjson(table)), table: describeTable(table) };
}

export function jsonTableFile(path: string, table: DemoTable): PayloadFile {
  return { path, role: 'data', mediaType: 'application/json', content: utf8(toJsonArray(table)), table: describeTable(table) };
}

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A sheet of a demo workbook: a header row and rows of cells, and what Excel is told to hide. */
export type DemoSheet = {
  name: string;
  state?: SheetSpec['state'];
  header: string[];
  rows: Cell[][];
  /** Data rows (1-based, the header not counted) hidden in Excel. */
  hiddenRows?: number[];
  /** Columns hidden in Excel, by header name. */
  hiddenColumns?: string[];
};

function sheetSpec(sheet: DemoSheet): SheetSpec {
  const hidden = new Set(sheet.hiddenRows ?? []);
  return {
    name: sheet.name,
    ...(sheet.state ? { state: sheet.state } : {}),
    rows: [sheet.header, ...sheet.rows.map((row, i) => ({ cells: row, hidden: hidden.has(i + 1) }))],
    hiddenColumns: (sheet.hiddenColumns ?? []).map((name) => {
      const index = sheet.header.indexOf(name);
      if (index < 0) throw new Error(`demo sheet "${sheet.name}" has no column ${name} to hide`);
      return [index + 1, index + 1] as [number, number];
    }),
  };
}

/**
 * An Excel workbook whose sheet `declared` is the table the manifest describes (`table.sheet`);
 * `others` are further sheets (hidden ones, notes) that the manifest does not describe.
 */
export async function workbookFile(
  path: string,
  declared: { table: DemoTable; sheet: Omit<DemoSheet, 'header' | 'rows'> },
  others: DemoSheet[],
  properties: { creator?: string; lastModifiedBy?: string; company?: string },
): Promise<PayloadFile> {
  const main: DemoSheet = { ...declared.sheet, header: declared.table.columns.map((c) => c.name), rows: declared.table.rows };
  const content = await xlsxBuffer({ sheets: [main, ...others].map(sheetSpec), ...properties });
  const { kind, ...rest } = describeTable(declared.table);
  return { path, role: 'data', mediaType: XLSX_MEDIA_TYPE, content: new Uint8Array(content), table: { kind, sheet: declared.sheet.name, ...rest } };
}

export function markdownFile(path: string, role: FileRole, text: string): PayloadFile {
  return { path, role, mediaType: 'text/markdown', content: utf8(text) };
}

export function textFile(path: string, role: FileRole, text: string): PayloadFile {
  return { path, role, mediaType: 'text/plain', content: utf8(text) };
}

export function jsonDocument(path: string, role: FileRole, value: unknown): PayloadFile {
  return { path, role, mediaType: 'application/json', content: utf8(`${JSON.stringify(value, null, 2)}\n`) };
}

export const INDUSTRIES = ['制造业', '批发和零售业', '信息传输、软件和信息技术服务业', '建筑业', '交通运输、仓储和邮政业', '住宿和餐饮业'] as const;
export const EMPLOYEE_BANDS = ['1-9', '10-49', '50-99', '100-499'] as const;
export const SCORE_BANDS = ['A', 'B', 'C', 'D'] as const;
export const AGE_BANDS = ['0-17', '18-29', '30-44', '45-59', '60-74', '75+'] as const;
export const MONTHS_2025 = Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`);

/** `杭州市西湖区` → `杭州`. */
export function cityOf(district: string): string {
  return district.slice(0, 2);
}

/** A faker company name re-homed to the given city (faker picks a random province prefix). */
export function localCompany(faker: Faker, district: string): string {
  const name = companyName(faker).replace(/^.+?(?:特别行政区|自治区|省|市)/u, '');
  return `${cityOf(district)}${name}`;
}

export type EnterpriseRow = { creditCode: string; name: string; district: string; industry: string };

/**
 * `count` enterprises spread evenly over districts × industries (so each quasi-identifier
 * class has at least ⌊count / classes⌋ members), each with a valid credit code of its district.
 */
export function enterprises(faker: Faker, count: number, districts: ReadonlyArray<readonly [string, string]>, industries: readonly string[]): EnterpriseRow[] {
  const codeOf = new Map(districts.map(([code, name]) => [name, code]));
  return balancedCombinations(
    faker,
    count,
    [districts.map(([, name]) => name), industries],
  ).map(([district, industry]) => ({
    creditCode: creditCode(faker, codeOf.get(district!)!),
    name: localCompany(faker, district!),
    district: district!,
    industry: industry!,
  }));
}
