/**
 * Test support: writes a small, valid export candidate package (manifest with correct sizes
 * and digests) that a test can then break in one precise way — a changed byte, a missing or
 * extra file, a bad field — to prove the import refuses it. Used by unit and e2e tests only.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import yazl from 'yazl';
import { createDigester } from '../../../shared/crypto/digest';

export type PackageFile = { path: string; content: string | Uint8Array; role?: string; mediaType?: string };

const CSV = 'credit_code,district,score_band\n91330106MA2H3XK19J,西湖区,A\n91330102MA27YKFL3K,上城区,B\n';

export const BASE_MANIFEST = {
  format: 'export-candidate',
  formatVersion: 1,
  id: 'EC-TEST-000001',
  revision: 1,
  submittedAt: '2026-11-20T09:30:00+08:00',
  product: { name: '测试数据包', kind: 'data-package', description: 'test', rawPackage: false },
  operator: { name: '测试运营单位', creditCode: '91330106MA2H3XK19J', contact: 'test' },
  authorization: { agreementId: 'ZJ-SQYY-2025-007', level: 'province', region: '330000', validFrom: '2025-01-01', validTo: '2027-12-31' },
  scenario: { id: 'SC-FIN-CREDIT', name: '普惠金融信用评估', purpose: 'test' },
  recipient: { name: '测试接收方', creditCode: '91330000704201234X' },
  sources: [{ datasetId: 'ZJ-SCJG-0012', name: '企业登记信息', provider: '省市场监管局', level: 'province', backflow: false, social: false, approvalRef: null }],
  processing: { methods: [] },
} as const;

const TABLE = {
  kind: 'microdata',
  quasiIdentifiers: ['district'],
  sensitive: ['score_band'],
  countColumn: null,
  magnitude: null,
  fields: [
    { name: 'credit_code', dataset: 'ZJ-SCJG-0012', type: 'string', class: 'public', grade: 1, transform: 'none' },
    { name: 'district', dataset: 'ZJ-SCJG-0012', type: 'string', class: 'public', grade: 1, transform: 'none' },
    { name: 'score_band', dataset: 'ZJ-SCJG-0012', type: 'string', class: 'derived', grade: 2, transform: 'none' },
  ],
};

export const DEFAULT_FILES: PackageFile[] = [
  { path: 'data/scores.csv', content: CSV, role: 'data', mediaType: 'text/csv' },
  { path: 'report/说明.md', content: '# 说明\n\n测试。\n', role: 'report', mediaType: 'text/markdown' },
];

/** Builds the manifest entries (bytes, sha256, sm3) for some files. */
export async function describeFiles(files: PackageFile[]): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  for (const file of files) {
    const bytes = typeof file.content === 'string' ? new TextEncoder().encode(file.content) : file.content;
    const digester = await createDigester();
    digester.update(bytes);
    const { sha256, sm3 } = digester.digest();
    const role = file.role ?? 'supporting';
    out.push({
      path: file.path,
      role,
      mediaType: file.mediaType ?? 'text/plain',
      bytes: bytes.length,
      sha256,
      sm3,
      ...(role === 'data' ? { table: TABLE } : {}),
    });
  }
  return out;
}

/**
 * Writes a package folder at `dir`. `manifest` overrides top-level manifest fields;
 * `manifestText` replaces the manifest bytes entirely (for syntax and encoding tests).
 */
export async function writePackage(
  dir: string,
  options: { files?: PackageFile[]; manifest?: Record<string, unknown>; manifestText?: string | Uint8Array; extraFiles?: PackageFile[] } = {},
): Promise<string> {
  const files = options.files ?? DEFAULT_FILES;
  const manifest = { ...BASE_MANIFEST, files: await describeFiles(files), ...options.manifest };
  await mkdir(dir, { recursive: true });
  for (const file of [...files, ...(options.extraFiles ?? [])]) {
    const target = join(dir, ...file.path.split('/'));
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, file.content);
  }
  await writeFile(join(dir, 'candidate.json'), options.manifestText ?? `${JSON.stringify(manifest, null, 2)}\n`);
  return dir;
}

/**
 * Writes a zip with these entries. yazl refuses hostile names such as `../x`, so an entry may
 * give `rawName`: it is written under a same-length placeholder that is then patched in the
 * bytes (local header and central directory), as a malicious tool would produce.
 */
export async function writeZip(
  file: string,
  entries: { name: string; rawName?: string; content?: string | Uint8Array; mode?: number; compress?: boolean }[],
): Promise<string> {
  const zip = new yazl.ZipFile();
  const patches: [Buffer, Buffer][] = [];
  for (const entry of entries) {
    if (entry.rawName !== undefined) {
      const raw = Buffer.from(entry.rawName, 'utf8');
      if (Buffer.byteLength(entry.name) !== raw.length) throw new Error('rawName must have the same byte length as name');
      patches.push([Buffer.from(entry.name, 'utf8'), raw]);
    }
    const content = entry.content ?? '';
    const buffer = Buffer.from(typeof content === 'string' ? new TextEncoder().encode(content) : content);
    if (entry.name.endsWith('/')) {
      zip.addEmptyDirectory(entry.name.slice(0, -1), { mode: entry.mode ?? 0o040755, mtime: new Date('2026-01-01T00:00:00Z') });
      continue;
    }
    zip.addBuffer(buffer, entry.name, { mode: entry.mode ?? 0o100644, compress: entry.compress ?? true, mtime: new Date('2026-01-01T00:00:00Z') });
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  const bytes = Buffer.concat(chunks);
  for (const [from, to] of patches) {
    let at = bytes.indexOf(from);
    while (at !== -1) {
      to.copy(bytes, at);
      at = bytes.indexOf(from, at + to.length);
    }
  }
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, bytes);
  return file;
}
