// Import is all or nothing: a valid package lands in the store with every digest verified;
// every kind of bad package is refused with an error naming the file and field, and leaves
// the store exactly as it was.
import { mkdtemp, readdir, rm, symlink, writeFile, readFile, cp } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ServiceError } from '../../../shared/ipc/result';
import { openCandidateStore, type CandidateStore } from '../candidates/candidate-store';
import { BASE_MANIFEST, DEFAULT_FILES, describeFiles, writePackage, writeZip } from '../testing/make-package';
import { isEncryptedFile, keyIdOf, openEncryptedFile } from '../at-rest/encrypted-file';
import { importPackage } from './import-package';
import { DEFAULT_LIMITS } from './package-source';

const EXAMPLE = resolve(__dirname, '../../../../shared/examples/candidate-basic');
const KEY = randomBytes(32);

/** The plaintext of a payload file in the store (stored encrypted with KEY). */
async function storedPlain(path: string): Promise<Buffer> {
  const source = await openEncryptedFile(path, KEY);
  try {
    return await source.read(0, source.size);
  } finally {
    await source.close();
  }
}

let work: string;
let store: CandidateStore;

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'import-test-'));
  store = await openCandidateStore(join(work, 'data'));
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

async function snapshot(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string, prefix: string) => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const rel = `${prefix}${e.name}`;
      if (e.isDirectory()) {
        out.push(`${rel}/`);
        await walk(join(d, e.name), `${rel}/`);
      } else out.push(rel);
    }
  };
  await walk(dir, '');
  return out.sort();
}

/** Runs an import that must fail; returns the error after checking the store is unchanged. */
async function refused(path: string, limits = DEFAULT_LIMITS): Promise<ServiceError> {
  const before = await snapshot(store.root);
  const error = await importPackage(store, path, { key: KEY, limits }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, 'the import should have been refused').toBeInstanceOf(ServiceError);
  expect(await snapshot(store.root)).toEqual(before);
  return error as ServiceError;
}

describe('importPackage', () => {
  it('imports the shared example package and reproduces its documented candidate digest', async () => {
    const { meta, manifest } = await importPackage(store, EXAMPLE, { key: KEY });
    expect(manifest.id).toBe('EC-2026-000123');
    expect(meta.digest).toBe('sm3:0add425e8c5b226f070c3c876c8d42a92b94bd748e5078304db80c7ffaff94e7');
    expect(meta.integrity.map((f) => f.path)).toEqual(['data/enterprise_scores.csv', 'report/说明.md']);
    const stored = await store.read('EC-2026-000123', 1);
    expect(stored?.meta.source).toEqual({ kind: 'folder', name: 'candidate-basic' });
    // Stored encrypted with the workspace key; its plaintext is the package's file.
    const storedPath = join(stored!.dir, 'files', 'data', 'enterprise_scores.csv');
    const original = await readFile(join(EXAMPLE, 'data', 'enterprise_scores.csv'));
    expect(await isEncryptedFile(storedPath)).toBe(true);
    expect((await readFile(storedPath)).includes(original.subarray(0, 32))).toBe(false);
    expect((await storedPlain(storedPath)).equals(original)).toBe(true);
    expect(meta.encryption).toEqual({ format: 'ERWENC01', keyId: keyIdOf(KEY) });
  });

  it('imports a zip of the package folder (top folder stripped) and a zip of its contents', async () => {
    const folder = await writePackage(join(work, 'pkg'));
    const files = await Promise.all(
      ['candidate.json', ...DEFAULT_FILES.map((f) => f.path)].map(async (name) => ({ name, content: await readFile(join(folder, name)) })),
    );
    const nested = await writeZip(join(work, 'nested.zip'), [{ name: 'pkg/', mode: 0o040755 }, ...files.map((f) => ({ ...f, name: `pkg/${f.name}` }))]);
    const { meta } = await importPackage(store, nested, { key: KEY });
    expect(meta.source).toEqual({ kind: 'zip', name: 'nested.zip' });
    const flat = await writeZip(join(work, 'flat.zip'), files);
    const error = await refused(flat);
    expect(error.code).toBe('import.duplicate');
  });

  it('refuses a file whose content changed (same size) naming the file and the sha256 field', async () => {
    const dir = await writePackage(join(work, 'pkg'));
    await writeFile(join(dir, 'data', 'scores.csv'), (await readFile(join(dir, 'data', 'scores.csv'), 'utf8')).replace('A', 'C'));
    const error = await refused(dir);
    expect(error.code).toBe('import.digest-mismatch');
    expect(error.params).toMatchObject({ file: 'data/scores.csv', field: 'sha256' });
    expect(error.message).toContain('data/scores.csv');
  });

  it('refuses an sm3 digest that does not match even when sha256 does', async () => {
    const described = await describeFiles(DEFAULT_FILES);
    described[0]!.sm3 = `sm3:${'0'.repeat(64)}`;
    const dir = await writePackage(join(work, 'pkg'), { manifest: { files: described } });
    const error = await refused(dir);
    expect(error.params).toMatchObject({ file: 'data/scores.csv', field: 'sm3' });
  });

  it('refuses a file whose size differs from the manifest', async () => {
    const dir = await writePackage(join(work, 'pkg'));
    await writeFile(join(dir, 'report', '说明.md'), '# 说明\n\n测试。多了\n');
    const error = await refused(dir);
    expect(error.code).toBe('import.size-mismatch');
    expect(error.params.file).toBe('report/说明.md');
  });

  it('refuses a listed file that is missing, and a present file that is not listed', async () => {
    const missing = await writePackage(join(work, 'missing'));
    await rm(join(missing, 'report', '说明.md'));
    expect((await refused(missing)).params).toMatchObject({ file: 'report/说明.md' });
    const extra = await writePackage(join(work, 'extra'), { extraFiles: [{ path: 'data/secret.csv', content: 'x\n' }] });
    const error = await refused(extra);
    expect(error.code).toBe('import.undeclared-file');
    expect(error.params.file).toBe('data/secret.csv');
  });

  it('refuses a symbolic link inside a package folder', async () => {
    const dir = await writePackage(join(work, 'pkg'));
    await symlink('/etc/passwd', join(dir, 'data', 'link.csv'));
    const error = await refused(dir);
    expect(error.code).toBe('import.unsafe-path');
    expect(error.params.file).toBe('data/link.csv');
  });

  it('refuses zip slip, absolute paths, links and case-folded duplicates in a zip', async () => {
    const manifest = { name: 'candidate.json', content: '{}' };
    const slip = await writeZip(join(work, 'slip.zip'), [manifest, { name: 'aa/evil.txt', rawName: '../evil.txt', content: 'x' }]);
    expect((await refused(slip)).code).toBe('import.unsafe-path');
    const absolute = await writeZip(join(work, 'abs.zip'), [manifest, { name: 'xetc/passwd', rawName: '/etc/passwd', content: 'x' }]);
    expect((await refused(absolute)).code).toBe('import.unsafe-path');
    const link = await writeZip(join(work, 'link.zip'), [manifest, { name: 'data/link', content: '/etc/passwd', mode: 0o120777 }]);
    const linkError = await refused(link);
    expect(linkError.code).toBe('import.unsafe-path');
    expect(linkError.params.file).toBe('data/link');
    const dup = await writeZip(join(work, 'dup.zip'), [manifest, { name: 'Data/a.csv', content: '1' }, { name: 'data/a.csv', content: '2' }]);
    expect((await refused(dup)).params.file).toBe('data/a.csv');
    const backslash = await writeZip(join(work, 'bs.zip'), [manifest, { name: 'data/a.csv', rawName: 'data\\a.csv', content: '1' }]);
    expect((await refused(backslash)).code).toBe('import.unsafe-path');
  });

  it('refuses a zip bomb by compression ratio, and packages over the entry and size limits', async () => {
    const bomb = await writeZip(join(work, 'bomb.zip'), [{ name: 'candidate.json', content: '{}' }, { name: 'data/zeros.csv', content: '0'.repeat(2_000_000) }]);
    expect((await refused(bomb)).code).toBe('import.compression-ratio');
    const dir = await writePackage(join(work, 'pkg'));
    expect((await refused(dir, { ...DEFAULT_LIMITS, maxEntries: 2 })).code).toBe('import.too-many-entries');
    expect((await refused(dir, { ...DEFAULT_LIMITS, maxTotalBytes: 100 })).code).toBe('import.too-large');
  });

  it('refuses a damaged zip with a clear error', async () => {
    const file = join(work, 'broken.zip');
    await writeFile(file, 'PK\u0003\u0004 this is not really a zip');
    expect((await refused(file)).code).toBe('import.zip-invalid');
  });

  it('refuses a package without candidate.json, and paths that are not packages', async () => {
    const dir = await writePackage(join(work, 'pkg'));
    await rm(join(dir, 'candidate.json'));
    expect((await refused(dir)).code).toBe('import.manifest-missing');
    expect((await refused(join(work, 'nope'))).code).toBe('import.not-found');
    await writeFile(join(work, 'x.txt'), 'x');
    expect((await refused(join(work, 'x.txt'))).code).toBe('import.not-a-package');
  });

  it('refuses a manifest that is not UTF-8, not JSON, or has a duplicate key, naming line and column', async () => {
    const gbk = await writePackage(join(work, 'gbk'), { manifestText: new Uint8Array([0x7b, 0x22, 0xd6, 0xd0, 0x22, 0x3a, 0x31, 0x7d]) });
    expect((await refused(gbk)).code).toBe('import.manifest-encoding');
    const syntax = await writePackage(join(work, 'syntax'), { manifestText: '{\n  "format": "export-candidate",\n}\n' });
    const syntaxError = await refused(syntax);
    expect(syntaxError.code).toBe('import.manifest-json');
    expect(syntaxError.params.line).toBe(3);
    const text = JSON.stringify({ ...BASE_MANIFEST, files: await describeFiles(DEFAULT_FILES) }, null, 2).replace(
      '"revision": 1,',
      '"revision": 1,\n  "revision": 2,',
    );
    const dup = await writePackage(join(work, 'dup'), { manifestText: text });
    const dupError = await refused(dup);
    expect(dupError.code).toBe('import.manifest-json');
    expect(dupError.params.problem).toBe('duplicate key "revision"');
  });

  it('refuses an invalid manifest field, naming its path', async () => {
    const badDate = await writePackage(join(work, 'date'), {
      manifest: { authorization: { ...BASE_MANIFEST.authorization, validTo: '2027-02-30' } },
    });
    const error = await refused(badDate);
    expect(error.code).toBe('import.manifest-invalid');
    expect(error.params.field).toBe('authorization.validTo');
    const described = await describeFiles(DEFAULT_FILES);
    described[1]!.path = '../report.md';
    const unsafe = await writePackage(join(work, 'unsafe'), { manifest: { files: described } });
    expect((await refused(unsafe)).params.field).toBe('files[1].path');
    const newer = await writePackage(join(work, 'newer'), { manifest: { formatVersion: 2 } });
    const newerError = await refused(newer);
    expect(newerError.params.field).toBe('formatVersion');
    expect(newerError.message).toMatch(/newer than this workstation supports/);
  });

  it('refuses a table it cannot read — bad encoding, malformed JSON, a broken workbook — and changes nothing', async () => {
    const data = (path: string, content: string | Uint8Array, mediaType: string) => [{ path, content, role: 'data', mediaType }, DEFAULT_FILES[1]!];
    // Bytes that are neither UTF-8 nor GB18030 (0xFF never starts a GB18030 character).
    const badBytes = Buffer.concat([Buffer.from('credit_code,district,score_band\n'), Buffer.from([0xff, 0xfe, 0x41, 0x0a])]);
    const cases: [string, string | Uint8Array, string, RegExp][] = [
      ['data/scores.csv', badBytes, 'text/csv', /UTF-8/],
      ['data/scores.json', '[{"credit_code": "91330106MA2H3XK19J", "district": }]', 'application/json', /data\/scores\.json/],
      ['data/scores.xlsx', 'PK not really a workbook', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', /data\/scores\.xlsx/],
    ];
    for (const [i, [path, content, mediaType, message]] of cases.entries()) {
      const dir = await writePackage(join(work, `unreadable-${i}`), { files: data(path, content, mediaType) });
      const error = await refused(dir);
      expect(error.code, path).toBe('import.unreadable-table');
      expect(error.params.file).toBe(path);
      expect(error.message).toMatch(message);
    }
    // Quote trouble is not a refusal: the table is read (the scan reports the problem rows).
    const quoted = `credit_code,district,score_band\n"91330106MA2H3XK19J,西湖区,A\n91330102MA27YKFL3K,上城区,B\n`;
    const dir = await writePackage(join(work, 'quote'), { files: data('data/scores.csv', quoted, 'text/csv') });
    expect((await importPackage(store, dir, { key: KEY })).meta.integrity).toHaveLength(2);
  });

  it('refuses the same revision twice, and a different package under an existing revision', async () => {
    const dir = await writePackage(join(work, 'pkg'));
    await importPackage(store, dir, { key: KEY });
    expect((await refused(dir)).code).toBe('import.duplicate');
    const changed = await writePackage(join(work, 'changed'), { manifest: { submittedAt: '2026-11-21T09:30:00+08:00' } });
    expect((await refused(changed)).code).toBe('import.revision-conflict');
  });

  it('copies the package before verifying it, so a package folder changed afterwards does not affect the store', async () => {
    const dir = join(work, 'copy');
    await cp(EXAMPLE, dir, { recursive: true });
    await importPackage(store, dir, { key: KEY });
    await writeFile(join(dir, 'data', 'enterprise_scores.csv'), 'tampered');
    const stored = await store.read('EC-2026-000123', 1);
    expect((await storedPlain(join(stored!.dir, 'files', 'data', 'enterprise_scores.csv'))).toString('utf8').startsWith('tampered')).toBe(false);
  });
});
