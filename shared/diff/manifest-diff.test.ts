// The manifest diff: fields by path, arrays of objects keyed by their natural key (an inserted
// file or field is one change, not a shift of every later entry), and the file statuses.
import { describe, expect, it } from 'vitest';
import { Candidate } from '../formats/candidate';
import { compareFiles, fileKind } from './files';
import { diffManifests, flattenManifest } from './manifest-diff';

const hex = (c: string) => c.repeat(64);
const field = (name: string, transform = 'none', klass = 'public') => ({ name, dataset: 'ZJ-SCJG-0012', type: 'string', class: klass, grade: 1, transform });

function manifest(overrides: Record<string, unknown> = {}): Candidate {
  return Candidate.parse({
    format: 'export-candidate',
    formatVersion: 1,
    id: 'EC-TEST-000001',
    revision: 1,
    submittedAt: '2026-11-20T09:30:00+08:00',
    product: { name: '测试数据包', kind: 'data-package', rawPackage: false },
    operator: { name: '测试运营单位', creditCode: '91330106MA2H3XK19J' },
    authorization: { agreementId: 'ZJ-SQYY-2025-007', level: 'province', region: '330000', validFrom: '2025-01-01', validTo: '2027-12-31' },
    scenario: { id: 'SC-FIN-CREDIT', name: '普惠金融信用评估' },
    recipient: { name: '测试接收方', creditCode: '91330000704201234X' },
    sources: [{ datasetId: 'ZJ-SCJG-0012', name: '企业登记信息', provider: '省市场监管局', level: 'province', backflow: false, social: false, approvalRef: null }],
    processing: { methods: [{ field: 'phone', name: '掩码', keyed: false, reversible: false }] },
    files: [
      {
        path: 'data/x.csv',
        role: 'data',
        mediaType: 'text/csv',
        bytes: 10,
        sha256: `sha256:${hex('a')}`,
        sm3: `sm3:${hex('b')}`,
        table: { kind: 'microdata', quasiIdentifiers: ['district'], fields: [field('credit_code'), field('phone', 'mask:3,4', 'personal')] },
      },
      { path: 'report/说明.md', role: 'report', mediaType: 'text/markdown', bytes: 5, sha256: `sha256:${hex('c')}`, sm3: `sm3:${hex('d')}` },
    ],
    ...overrides,
  });
}

describe('flattenManifest', () => {
  it('names fields by path, keying files by path, fields by name, sources by dataset and methods by field', () => {
    const flat = flattenManifest(manifest());
    expect(flat.get('authorization.validTo')).toBe('2027-12-31');
    expect(flat.get('files[data/x.csv].sha256')).toBe(`sha256:${hex('a')}`);
    expect(flat.get('files[data/x.csv].table.fields[phone].transform')).toBe('mask:3,4');
    expect(flat.get('files[data/x.csv].bytes')).toBe('10');
    expect(flat.get('sources[ZJ-SCJG-0012].backflow')).toBe('false');
    expect(flat.get('sources[ZJ-SCJG-0012].approvalRef')).toBe('null');
    expect(flat.get('processing.methods[phone].reversible')).toBe('false');
    // Lists of plain values read whole.
    expect(flat.get('files[data/x.csv].table.quasiIdentifiers')).toBe('["district"]');
  });

  it('tells repeated natural keys apart by occurrence', () => {
    const flat = flattenManifest({ methods: [{ field: 'phone', name: 'a' }, { field: 'phone', name: 'b' }] });
    expect(flat.get('methods[phone].name')).toBe('a');
    expect(flat.get('methods[phone#2].name')).toBe('b');
  });
});

describe('diffManifests', () => {
  it('lists changed, added and removed fields; an inserted file does not shift the others', () => {
    const before = manifest();
    const after = manifest({
      revision: 2,
      previousRevisionDigest: `sm3:${hex('e')}`,
      authorization: { agreementId: 'ZJ-SQYY-2025-007', level: 'province', region: '330000', validFrom: '2025-01-01', validTo: '2026-12-31' },
      files: [
        { path: 'data/new.csv', role: 'data', mediaType: 'text/csv', bytes: 3, sha256: `sha256:${hex('1')}`, sm3: `sm3:${hex('2')}`, table: { kind: 'microdata', fields: [field('a')] } },
        { ...before.files[0]!, sha256: `sha256:${hex('f')}`, table: { ...before.files[0]!.table!, fields: [field('credit_code'), field('phone', 'hmac-sm3', 'personal')] } },
        before.files[1]!,
      ],
    });
    const changes = diffManifests(before, after);
    const byField = new Map(changes.map((c) => [c.field, c]));
    expect(byField.get('revision')).toEqual({ field: 'revision', before: '1', after: '2' });
    expect(byField.get('previousRevisionDigest')).toEqual({ field: 'previousRevisionDigest', before: null, after: `sm3:${hex('e')}` });
    expect(byField.get('authorization.validTo')).toEqual({ field: 'authorization.validTo', before: '2027-12-31', after: '2026-12-31' });
    expect(byField.get('files[data/x.csv].sha256')?.after).toBe(`sha256:${hex('f')}`);
    expect(byField.get('files[data/x.csv].table.fields[phone].transform')).toEqual({
      field: 'files[data/x.csv].table.fields[phone].transform',
      before: 'mask:3,4',
      after: 'hmac-sm3',
    });
    expect(byField.get('files[data/new.csv].path')).toEqual({ field: 'files[data/new.csv].path', before: null, after: 'data/new.csv' });
    // The report kept its place by path: nothing of it changed.
    expect(changes.some((c) => c.field.startsWith('files[report/说明.md]'))).toBe(false);
    expect(changes.some((c) => c.field.startsWith('files[data/x.csv].table.fields[credit_code]'))).toBe(false);
  });

  it('lists the fields only revision N−1 had, with after null', () => {
    const before = manifest();
    const after = manifest({ files: [before.files[0]!], sources: [] });
    const changes = diffManifests(before, after);
    expect(changes).toContainEqual({ field: 'files[report/说明.md].path', before: 'report/说明.md', after: null });
    expect(changes).toContainEqual({ field: 'sources[ZJ-SCJG-0012].name', before: '企业登记信息', after: null });
  });

  it('finds nothing between a manifest and itself', () => {
    expect(diffManifests(manifest(), manifest())).toEqual([]);
  });
});

describe('compareFiles', () => {
  it('gives each file its status and kind, removed files last', () => {
    const before = manifest();
    const after = manifest({
      files: [
        { ...before.files[0]!, sm3: `sm3:${hex('9')}` },
        { path: 'model/card.pdf', role: 'model-card', mediaType: 'application/pdf', bytes: 1, sha256: `sha256:${hex('3')}`, sm3: `sm3:${hex('4')}` },
      ],
    });
    expect(compareFiles(before, after).map((f) => [f.path, f.status, f.kind])).toEqual([
      ['data/x.csv', 'changed', 'table'],
      ['model/card.pdf', 'added', 'binary'],
      ['report/说明.md', 'removed', 'text'],
    ]);
    expect(compareFiles(before, before).every((f) => f.status === 'same')).toBe(true);
    expect(fileKind({ ...before.files[1]!, mediaType: 'application/json' })).toBe('text');
  });
});
