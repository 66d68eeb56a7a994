// Declarations vs detections: the mismatches a reviewer must see (personal detections in a
// column declared public, undeclared personal columns, other mask forms and clear values than
// declared, digests that are not, unkeyed hashes declared irreversible) and none for a column
// whose observations agree with its declaration.
import { describe, expect, it } from 'vitest';
import type { ColumnProfile } from '../../../../shared/profile/column-profile';
import { profile as baseProfile } from '../../../../shared/rules/policy/testing';
import { declarationRows, filterDeclarationRows, maskShapes, mismatchesOf, topDetections } from './declarations-model';

/** A column profile with nothing detected (and not near-unique), changed by `patch`. */
function profile(patch: Partial<ColumnProfile> = {}): ColumnProfile {
  return baseProfile('c', (p) => Object.assign(p, { digest: { ...p.digest, nearUnique: false } }, patch));
}

const mobile = (share: number) => ({ detector: 'cn-mobile' as const, count: Math.round(share * 100), share, personal: true, rows: [1] });
const form = (head: number, tail: number, count: number, length = 11) => ({ head, tail, maskChar: '*', length, original: 'cn-mobile' as const, count });

describe('mismatchesOf', () => {
  it('flags a column declared public where a personal detector fired (serious from 50%)', () => {
    const [m] = mismatchesOf({ class: 'public', grade: 1, transform: 'none' }, null, profile({ detected: [mobile(0.98)] }));
    expect(m).toEqual({ kind: 'personal-detected', severity: 'danger', params: { detector: 'cn-mobile', share: 0.98, count: 98, class: 'public' } });
    expect(mismatchesOf({ class: 'derived', grade: 1, transform: 'none' }, null, profile({ detected: [mobile(0.2)] }))[0]?.severity).toBe('warning');
    expect(mismatchesOf({ class: 'public', grade: 1, transform: 'none' }, null, profile({ detected: [mobile(0.005)] }))).toEqual([]);
    expect(mismatchesOf({ class: 'personal', grade: 3, transform: 'none' }, null, profile({ detected: [mobile(1)] }))).toEqual([]);
  });

  it('flags an undeclared column holding personal data', () => {
    expect(mismatchesOf(null, null, profile({ detected: [mobile(0.6)] }))[0]?.kind).toBe('undeclared-personal');
  });

  it('flags mask forms other than the declared one and clear values', () => {
    const p = profile({
      maskForms: [form(3, 4, 80), form(6, 4, 15)],
      maskConformance: { transform: 'mask:3,4', conforming: 80, nonconforming: 15, revealsMore: 15, clear: 5, nonconformingRows: [2], clearRows: [3] },
      inconsistentMasking: true,
    });
    const found = mismatchesOf({ class: 'personal', grade: 3, transform: 'mask:3,4' }, null, p);
    expect(found).toEqual([
      { kind: 'mask-form', severity: 'danger', params: { declared: '3+4', observed: '6+4', count: 15 } },
      { kind: 'clear-values', severity: 'danger', params: { declared: '3+4', count: 5 } },
    ]);
    // A form that keeps less than declared is a warning, not a leak.
    expect(mismatchesOf({ class: 'personal', grade: 3, transform: 'mask:3,4' }, null, profile({ maskForms: [form(3, 4, 9), form(2, 2, 1)] }))[0]?.severity).toBe('warning');
  });

  it('merges forms that differ only in length, so masked names of several lengths are one form', () => {
    expect(maskShapes([form(1, 0, 53, 3), form(3, 4, 9), form(1, 0, 21, 2)])).toEqual([
      { head: 1, tail: 0, maskChar: '*', count: 74 },
      { head: 3, tail: 4, maskChar: '*', count: 9 },
    ]);
    const names = profile({ maskForms: [form(1, 0, 53, 3), form(1, 0, 21, 2), form(1, 0, 4, 4)], inconsistentMasking: true });
    expect(mismatchesOf({ class: 'personal', grade: 3, transform: 'mask-name' }, null, names)).toEqual([]);
    const mixed = profile({ maskForms: [form(3, 4, 50), form(0, 4, 50)], inconsistentMasking: true });
    expect(mismatchesOf({ class: 'personal', grade: 3, transform: 'hmac-sm3' }, null, mixed).map((m) => [m.kind, m.params.forms])).toContainEqual(['inconsistent-mask', 2]);
  });

  it('agrees with a column masked as declared', () => {
    const p = profile({
      detected: [{ detector: 'masked', count: 100, share: 1, personal: true, rows: [1] }],
      maskForms: [form(3, 4, 100)],
      maskConformance: { transform: 'mask:3,4', conforming: 100, nonconforming: 0, revealsMore: 0, clear: 0, nonconformingRows: [], clearRows: [] },
    });
    expect(mismatchesOf({ class: 'personal', grade: 3, transform: 'mask:3,4' }, null, p)).toEqual([]);
  });

  it('checks declared digests: not digests, another algorithm, unkeyed and declared irreversible', () => {
    const digest = (share: number, algorithms: ('md5' | 'sha256' | 'sm3')[], nearUnique: boolean) => ({ count: Math.round(share * 100), share, algorithms, shapes: [], nearUnique });
    const md5 = { class: 'personal', grade: 3, transform: 'hash-md5' };
    expect(mismatchesOf(md5, { field: 'c', name: 'MD5', keyed: false, reversible: false }, profile({ digest: digest(1, ['md5'], true) })).map((m) => m.kind)).toEqual(['unkeyed-hash']);
    expect(mismatchesOf(md5, { field: 'c', name: 'MD5', keyed: true, reversible: false }, profile({ digest: digest(1, ['md5'], false) })).map((m) => m.kind)).toEqual(['keyed-unkeyed']);
    expect(mismatchesOf({ ...md5, transform: 'hmac-sm3' }, null, profile({ digest: digest(0.4, ['sm3'], false) })).map((m) => m.kind)).toEqual(['digest-missing']);
    expect(mismatchesOf({ ...md5, transform: 'hmac-sm3' }, null, profile({ digest: digest(1, ['md5'], false) })).map((m) => m.kind)).toEqual(['digest-algorithm']);
    expect(mismatchesOf({ ...md5, transform: 'hmac-sm3' }, null, profile({ digest: digest(1, ['sha256', 'sm3'], true) }))).toEqual([]);
  });

  it('reports precision loss, and nothing without a profile', () => {
    expect(mismatchesOf(null, null, profile({ precisionLoss: { count: 3, rows: [1, 2, 3] } })).map((m) => m.kind)).toEqual(['precision-loss']);
    expect(mismatchesOf({ class: 'public', grade: 1, transform: 'none' }, null, null)).toEqual([]);
  });
});

describe('declarationRows', () => {
  it('joins columns, profiles and processing methods in table order, and filters to mismatches', () => {
    const rows = declarationRows(
      [
        { name: 'code', declared: { class: 'public', grade: 1, transform: 'none' }, required: ['none'] },
        { name: 'phone', declared: { class: 'public', grade: 1, transform: 'none' }, required: [] },
      ],
      new Map([['phone', profile({ name: 'phone', detected: [mobile(0.98)] })]]),
      [{ field: 'phone', name: '不处理', keyed: false, reversible: true }],
    );
    expect(rows.map((r) => [r.column, r.profile?.name ?? null, r.method?.reversible ?? null, r.mismatches.length])).toEqual([
      ['code', null, null, 0],
      ['phone', 'phone', true, 1],
    ]);
    expect(filterDeclarationRows(rows, true).map((r) => r.column)).toEqual(['phone']);
    expect(topDetections(rows[1]!.profile, 0)).toEqual({ shown: [], more: 1 });
  });
});
