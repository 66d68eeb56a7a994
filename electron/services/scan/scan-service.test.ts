// Scanning a candidate in real worker threads, then previewing it: profiles find the clear
// identifiers, the masking reader never lets a raw value out, reveals are audited before
// they answer, a workbook is previewed sheet by sheet, and a scan can be cancelled.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../index';
import { readWorkbook } from '../tables';
import { openEncryptedFile } from '../at-rest/encrypted-file';
import { parseStoredScan } from './scan-service';
import { buildScanWorker, testPlatform } from '../testing/test-platform';

/** A stored payload's plaintext, decrypted with the workspace key. */
async function plaintext(path: string): Promise<string> {
  const source = await openEncryptedFile(path, services.workspaceKey.current());
  try {
    return (await source.read(0, source.size)).toString('utf8');
  } finally {
    await source.close();
  }
}

let work: string;
let services: Services;
const progress: unknown[] = [];
const ID = 'EC-2026-001002';

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'scan-service-'));
  const platform = testPlatform(work, {
    scanWorkerScript: buildScanWorker(work),
    emit: (name, payload) => {
      if (name === 'scan:progress') progress.push(payload);
    },
  });
  services = await createServices(platform);
  // No OS keychain in tests: the workspace key is protected by a passphrase.
  await services.workspaceKey.create('scan service test passphrase');
  await services.candidates.seedDemo();
}, 120_000);

afterAll(async () => {
  await services.close();
  await rm(work, { recursive: true, force: true });
});

describe('scan and preview', () => {
  let headPage: unknown = null;
  let headRows = -1;
  it('shows the first rows of an unscanned table at once, masked, before any scan', async () => {
    expect((await services.scans.status(ID, 1)).state).toBe('not-started');
    const overview = await services.preview.overview(ID, 1);
    const table = overview.tables[0]!;
    // A small table is read to its end, so its row count is already exact (a large one says provisional).
    expect(table.provisional).toBeUndefined();
    headRows = table.rows;
    expect(table.columns.map((c) => c.name)).toContain('legal_rep_phone');
    const page = await services.preview.rows({ id: ID, revision: 1, file: table.file }, 1, 50);
    expect(page.rows[0]!.row).toBe(1);
    const phone = page.rows[0]!.cells[table.columns.findIndex((c) => c.name === 'legal_rep_phone')]!;
    expect(phone.state).toBe('masked-for-display');
    expect(JSON.stringify(page)).not.toMatch(/1[3-9]\d{9}/);
    headPage = page;
    // Profiles wait for the scan.
    await expect(services.preview.profiles({ id: ID, revision: 1, file: table.file })).rejects.toMatchObject({ code: 'preview.not-scanned' });
  });

  it('scans every table and text of a candidate in the workers and reports progress', async () => {
    expect((await services.scans.status(ID, 1)).state).toBe('not-started');
    const started = await services.scans.start(ID, 1);
    expect(started.state).toBe('running');
    await services.scans.settled(ID, 1);
    const status = await services.scans.status(ID, 1);
    expect(status.state).toBe('done');
    expect(status.bytesDone).toBe(status.bytesTotal);
    expect(progress.length).toBeGreaterThan(0);
    const overview = await services.preview.overview(ID, 1);
    expect(overview.tables).toHaveLength(1);
    expect(overview.policy).not.toBeNull();
    const table = overview.tables[0]!;
    expect(table.rows).toBeGreaterThan(10);
    const { profiles, scannedAt } = await services.preview.profiles({ id: ID, revision: 1, file: table.file });
    expect(Date.parse(scannedAt)).not.toBeNaN();
    const phone = profiles.find((p) => p.name === 'legal_rep_phone')!;
    expect(phone.detected[0]?.detector).toBe('cn-mobile');
    expect(phone.detected[0]?.share).toBeGreaterThan(0.9);
    const idColumn = profiles.find((p) => p.name === 'legal_rep_id')!;
    expect(idColumn.detected.map((d) => d.detector)).toContain('cn-resident-id');
    expect(JSON.stringify(profiles)).not.toMatch(/1[3-9]\d{9}/);
  });

  it('serves masked rows: clear phones and IDs are masked for display and never leave main', async () => {
    const overview = await services.preview.overview(ID, 1);
    const table = overview.tables[0]!;
    const page = await services.preview.rows({ id: ID, revision: 1, file: table.file }, 1, 50);
    expect(page.rows).toHaveLength(Math.min(50, table.rows));
    // The page served before the scan is the page served through the scan's index.
    expect(page).toEqual(headPage);
    expect(table.rows).toBe(headRows);
    expect(page.rows[0]!.row).toBe(1);
    const phoneIndex = table.columns.findIndex((c) => c.name === 'legal_rep_phone');
    const cell = page.rows[0]!.cells[phoneIndex]!;
    expect(cell.state).toBe('masked-for-display');
    expect(cell.text).toMatch(/^1\d{2}\*{4}\d{4}$/);
    expect(cell.hits).toContain('cn-mobile');
    const storedPath = join(work, 'data', 'store', 'candidates', ID, 'r1', 'files', ...table.file.split('/'));
    // Stored encrypted: the raw phones are not even in the file on disk.
    expect((await readFile(storedPath, 'utf8')).match(/1[3-9]\d{9}/g)).toBeNull();
    const raw = await plaintext(storedPath);
    const rawPhones = raw.match(/1[3-9]\d{9}/g) ?? [];
    expect(rawPhones.length).toBeGreaterThan(0);
    const served = JSON.stringify(page);
    for (const phone of rawPhones) expect(served).not.toContain(phone);
    expect(served).not.toMatch(/\d{15,}/);
    // Random access deep into the table agrees with the first page's numbering.
    const tail = await services.preview.rows({ id: ID, revision: 1, file: table.file }, table.rows, 10);
    expect(tail.rows.map((r) => r.row)).toEqual([table.rows]);
  });

  it('reveals original values only after writing the reveal to the audit log', async () => {
    const table = (await services.preview.overview(ID, 1)).tables[0]!;
    const before = (await services.audit.read()).length;
    const result = await services.preview.reveal({ id: ID, revision: 1, file: table.file }, [
      { row: 1, column: 'legal_rep_phone' },
      { row: 2, column: 'legal_rep_phone' },
    ], '核对法定代表人联系方式');
    expect(result.cells[0]!.value).toMatch(/^1[3-9]\d{9}$/);
    const events = await services.audit.read();
    expect(events).toHaveLength(before + 1);
    const event = events.at(-1)!;
    expect(event.seq).toBe(result.auditSeq);
    expect(event.action).toBe('reveal');
    expect(event.detail).toMatchObject({ file: table.file, reason: '核对法定代表人联系方式' });
    expect(JSON.stringify(event)).not.toContain(result.cells[0]!.value);
  });

  it('refuses a reveal over the per-reason limit and changes nothing', async () => {
    const table = (await services.preview.overview(ID, 1)).tables[0]!;
    const before = (await services.audit.read()).length;
    const cells = Array.from({ length: 51 }, (_, i) => ({ row: i + 1, column: 'legal_rep_phone' }));
    await expect(services.preview.reveal({ id: ID, revision: 1, file: table.file }, cells, 'too many')).rejects.toMatchObject({ code: 'reveal.too-many' });
    expect(await services.audit.read()).toHaveLength(before);
  });

  it('masks identifiers in text files with their positions', async () => {
    const id = 'EC-2026-001013';
    await services.scans.start(id, 1);
    await services.scans.settled(id, 1);
    const overview = await services.preview.overview(id, 1);
    const card = overview.texts.find((t) => t.role === 'model-card')!;
    expect(card.hitCount).toBeGreaterThan(0);
    const text = await services.preview.text(id, 1, card.file);
    const withHit = text.lines.find((l) => l.ranges.some((r) => r.detector === 'cn-mobile'))!;
    expect(withHit.text).not.toMatch(/1[3-9]\d{9}/);
    expect(withHit.text).toMatch(/\*{4}/);
  });

  it('scans every sheet of a workbook and previews each as a table, addressed by file and sheet', async () => {
    const id = 'EC-2026-001018';
    const file = 'data/企业名录.xlsx';
    await services.scans.start(id, 1);
    await services.scans.settled(id, 1);
    expect((await services.scans.status(id, 1)).state).toBe('done');
    const overview = await services.preview.overview(id, 1);
    expect(overview.unsupported).toEqual([]);
    const sheets = overview.tables.filter((t) => t.file === file);
    expect(sheets.map((t) => [t.sheet, t.sheetInfo?.state, t.sheetInfo?.declared])).toEqual([
      ['企业名录', 'visible', true],
      ['联系人', 'hidden', false],
      ['填表说明', 'visible', false],
    ]);
    const [declared, hidden] = sheets as [(typeof sheets)[0], (typeof sheets)[0]];
    expect(declared).toMatchObject({ encoding: 'utf-8', encodingGuessed: false, rows: 64, sheetInfo: { hiddenRows: { count: 1, first: [7] }, hiddenColumns: ['legal_rep_phone'] } });
    expect(declared.columns.find((c) => c.name === 'legal_rep_phone')?.declared).toMatchObject({ transform: 'mask:3,4' });
    // The manifest's fields describe the declared sheet only.
    expect(hidden.columns.every((c) => c.declared === null)).toBe(true);

    // The hidden sheet's clear phones are masked for display, and never leave main.
    const ref = { id, revision: 1, file, sheet: '联系人' };
    const page = await services.preview.rows(ref, 1, 100);
    expect(page.rows).toHaveLength(hidden.rows);
    const phone = hidden.columns.findIndex((c) => c.name === 'contact_phone');
    expect(page.rows[0]!.cells[phone]).toMatchObject({ state: 'masked-for-display', hits: ['cn-mobile'] });
    expect(page.rows[0]!.cells[phone]!.text).toMatch(/^1\d{2}\*{4}\d{4}$/);
    expect(JSON.stringify(page)).not.toMatch(/1[3-9]\d{9}/);
    const declaredPage = await services.preview.rows({ ...ref, sheet: '企业名录' }, 1, 10);
    expect(declaredPage.rows[0]!.cells[declared.columns.findIndex((c) => c.name === 'legal_rep_phone')]!.state).toBe('masked-by-candidate');
    const { profiles } = await services.preview.profiles(ref);
    expect(profiles.find((p) => p.name === 'contact_phone')!.detected[0]?.detector).toBe('cn-mobile');

    // A reveal names the sheet in the audit log.
    const result = await services.preview.reveal(ref, [{ row: 2, column: 'contact_phone' }], '核对隐藏工作表中的联系电话');
    expect(result.cells[0]!.value).toMatch(/^1[3-9]\d{9}$/);
    const event = (await services.audit.read()).at(-1)!;
    expect(event.detail).toEqual({ file, sheet: '联系人', cells: [{ row: 2, column: 'contact_phone' }], reason: '核对隐藏工作表中的联系电话' });

    // A workbook's table needs its sheet; a sheet that does not exist is refused by name.
    await expect(services.preview.rows({ id, revision: 1, file }, 1, 10)).rejects.toMatchObject({ code: 'preview.no-such-sheet' });
    await expect(services.preview.rows({ ...ref, sheet: 'Sheet9' }, 1, 10)).rejects.toMatchObject({ code: 'preview.no-such-sheet', params: { sheet: 'Sheet9' } });
    await expect(services.preview.reveal({ ...ref, sheet: 'Sheet9' }, [{ row: 1, column: 'contact_phone' }], '核对联系电话')).rejects.toMatchObject({ code: 'preview.no-such-sheet' });

    // The derived rows live beside the scan results, under derived/, one file per sheet.
    const dir = join(work, 'data', 'store', 'candidates', id, 'r1');
    const derivedFiles = (await readdir(join(dir, 'derived'))).filter((n) => n.endsWith('.ndjson'));
    expect(derivedFiles).toHaveLength(3);
    // They hold raw cell values, so they are encrypted like the payloads: no clear phone on disk.
    for (const name of derivedFiles) expect((await readFile(join(dir, 'derived', name))).toString('latin1')).not.toMatch(/1[3-9]\d{9}/);
    const stored = JSON.parse(await readFile(join(dir, 'scan.json'), 'utf8')) as { version: number; results: { kind: string; sheet?: { derived: string } }[] };
    expect(stored.version).toBe(3);
    expect(parseStoredScan(stored, dir)).not.toBeNull();
    expect(stored.results.find((r) => r.kind === 'workbook')).toMatchObject({ file, sheets: [{ name: '企业名录' }, { name: '联系人' }, { name: '填表说明' }] });
    // The author the document properties name is kept masked only.
    const author = (await readWorkbook(join(dir, 'files', 'data', '企业名录.xlsx'), { open: (path) => openEncryptedFile(path, services.workspaceKey.current()) })).people[0]!
      .value;
    expect(JSON.stringify(stored)).not.toContain(author);
    expect(JSON.stringify(stored)).toContain(`"masked":"${author[0]}${'*'.repeat(author.length - 1)}"`);
    // A stored scan that points a sheet's rows outside derived/ is not trusted: scan again.
    const tampered = structuredClone(stored);
    tampered.results.find((r) => r.sheet)!.sheet!.derived = '../../../../etc/passwd';
    expect(parseStoredScan(tampered, dir)).toBeNull();
    expect(parseStoredScan({ ...stored, version: 2 }, dir)).toBeNull();
  });

  it('cancels a running scan', async () => {
    const id = 'EC-2026-001001';
    await services.scans.start(id, 1);
    const cancelled = services.scans.cancel(id, 1);
    expect(cancelled.state).toBe('cancelled');
    await services.scans.settled(id, 1);
    expect((await services.scans.status(id, 1)).state).toBe('cancelled');
    expect(await services.scans.results(id, 1)).toBeNull();
  });
});
