/**
 * Test support for the revision diff: a pair of package folders (revision 1 and its
 * resubmission) whose tables, report and workbook carry clear mobiles and resident IDs, so a
 * test can prove the diff sees every change and shows none of them in clear. Revision 2 names
 * revision 1's candidate digest, or a wrong one for a broken chain.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { canonicalSm3 } from '../../../shared/formats/canonical';
import { describeFiles, writePackage, type PackageFile } from '../testing/make-package';
import { xlsxBuffer } from '../testing/make-xlsx';

export const PAIR_ID = 'EC-TEST-REV001';
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** A clear mainland mobile or an 18-character resident ID anywhere in a text. */
export const CLEAR_MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/;
export const CLEAR_RESIDENT_ID = /(?<![0-9A-Za-z])\d{17}[\dX](?![0-9A-Za-z])/;

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** A resident ID with a valid check character. */
export function residentId(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError(`a resident ID starts with 17 digits, not "${first17}"`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return first17 + '10X98765432'[sum % 11]!;
}

const field = (name: string, klass: string, grade: number, transform: string) => ({ name, dataset: 'ZJ-SCJG-0012', type: 'string', class: klass, grade, transform });
const FIELDS = [
  field('credit_code', 'public', 1, 'none'),
  field('district', 'public', 1, 'none'),
  field('legal_rep_phone', 'personal', 3, 'mask:3,4'),
  field('legal_rep_id', 'sensitive-personal', 3, 'mask:3,4'),
  field('score_band', 'derived', 2, 'none'),
];
const TABLE = { kind: 'microdata', quasiIdentifiers: ['district'], sensitive: ['score_band'], countColumn: null, magnitude: null, fields: FIELDS };
const HEADER = ['credit_code', 'district', 'legal_rep_phone', 'legal_rep_id', 'score_band'];
const DISTRICTS = ['西湖区', '上城区', '拱墅区', '滨江区'];

/** Revision 1's rows: E0001 … E0020 with clear phones and IDs. */
export function firstRows(): string[][] {
  return Array.from({ length: 20 }, (_, i) => [
    `E${String(i + 1).padStart(4, '0')}`,
    DISTRICTS[i % 4]!,
    `138${String(10_000_000 + i * 7919).slice(-8)}`,
    residentId(`3301061985${String(1 + (i % 12)).padStart(2, '0')}${String(1 + i).padStart(2, '0')}${100 + i}`),
    'ABC'[i % 3]!,
  ]);
}

/**
 * Revision 2's rows: E0003's phone changed to one that masks alike (same first 3 and last 4),
 * E0005's ID changed, E0007 removed, E0010's band changed, E0021 and E0022 added.
 */
export function secondRows(): string[][] {
  const rows = firstRows().map((r) => [...r]);
  const e3 = rows[2]!;
  e3[2] = `${e3[2]!.slice(0, 3)}9999${e3[2]!.slice(7)}`;
  rows[4]![3] = residentId('33010619870707331');
  rows[9]![4] = rows[9]![4] === 'A' ? 'B' : 'A';
  rows.splice(6, 1);
  rows.push(['E0021', '西湖区', '13987654321', residentId('33010219900303442'), 'A'], ['E0022', '滨江区', '13687654321', residentId('33010819920404553'), 'B']);
  return rows;
}

const csv = (rows: string[][]) => `${[HEADER, ...rows].map((r) => r.join(',')).join('\n')}\n`;

const REPORT_1 = '# 数据产品说明\n\n本数据包按区县给出企业信用评分等级。\n联系人：王先生，电话 13812345678。\n- 样本量：20 家企业\n- 统计口径：2025 年度\n';
const REPORT_2 = '# 数据产品说明（第 2 版）\n\n本数据包按区县给出企业信用评分等级。\n联系人：王先生，电话 13812340678。\n- 样本量：21 家企业\n- 统计口径：2025 年度\n- 根据审核意见更正一家企业的评分等级\n';

function workbook(rows: string[][], note: string) {
  return xlsxBuffer({
    sheets: [
      { name: '名单', rows: [HEADER, ...rows] },
      { name: '说明', rows: [['项目', '内容'], ['联系人电话', note], ['版本', '1']] },
    ],
  });
}

export type Revision = { dir: string; raw: unknown; digest: string };

async function writeRevision(dir: string, revision: 1 | 2, rows: string[][], previous: string | null, options: { workbook: boolean }): Promise<Revision> {
  const files: PackageFile[] = [
    { path: 'data/legal_reps.csv', content: csv(rows), role: 'data', mediaType: 'text/csv' },
    { path: 'report/说明.md', content: revision === 1 ? REPORT_1 : REPORT_2, role: 'report', mediaType: 'text/markdown' },
    { path: 'report/附件.bin', content: new Uint8Array([0, 1, 2, 3]), role: 'supporting', mediaType: 'application/octet-stream' },
  ];
  if (options.workbook) {
    files.push({ path: 'data/名单.xlsx', content: await workbook(rows, revision === 1 ? '13812345678' : '13912345678'), role: 'data', mediaType: XLSX });
  }
  const described = (await describeFiles(files)).map((entry) => {
    if (entry.role !== 'data') return entry;
    return { ...entry, table: entry.mediaType === XLSX ? { ...TABLE, sheet: '名单' } : TABLE };
  });
  await writePackage(dir, {
    files,
    manifest: {
      id: PAIR_ID,
      revision,
      ...(previous ? { previousRevisionDigest: previous } : {}),
      submittedAt: revision === 1 ? '2026-10-09T10:12:00+08:00' : '2026-11-03T14:20:00+08:00',
      files: described,
    },
  });
  const raw: unknown = JSON.parse(await readFile(join(dir, 'candidate.json'), 'utf8'));
  return { dir, raw, digest: await canonicalSm3(raw) };
}

/**
 * Writes revision 1 and 2 under `root` (`r1/`, `r2/`). `brokenChain`: revision 2 names another
 * digest. `workbook`: both also carry `data/名单.xlsx` (sheet 名单 declared, 说明 not).
 */
export async function writeRevisionPair(root: string, options: { brokenChain?: boolean; workbook?: boolean } = {}): Promise<{ r1: Revision; r2: Revision }> {
  const r1 = await writeRevision(join(root, 'r1'), 1, firstRows(), null, { workbook: options.workbook ?? false });
  const previous = options.brokenChain ? `sm3:${'0'.repeat(63)}1` : r1.digest;
  const r2 = await writeRevision(join(root, 'r2'), 2, secondRows(), previous, { workbook: options.workbook ?? false });
  return { r1, r2 };
}
