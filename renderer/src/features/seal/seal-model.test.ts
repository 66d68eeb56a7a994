// The seal workflow's display and form rules: a request's three steps, the request form
// (reason, 1–100 copies), a denial needs a reason, and the sealed PDF decoded from base64.
import { describe, expect, it } from 'vitest';
import type { SealRequestItem } from '../../../../shared/ipc/schemas/seal';
import { base64ToBytes, checkSealApproval, checkSealRequest, downloadName, looksLikePdf, sealSteps } from './seal-model';

const who = (id: string) => ({ id, name: `${id}（样例）` });

function request(patch: Partial<SealRequestItem> = {}): SealRequestItem {
  return {
    id: 'R1',
    decision: 'D1',
    document: { name: '出域审核意见书.pdf', digest: `sm3:${'d'.repeat(64)}` },
    reason: '出域审核意见书用印',
    copies: 2,
    requestedBy: who('reviewer'),
    createdAt: '2026-11-27T10:00:00Z',
    approval: null,
    application: null,
    status: 'requested',
    ...patch,
  };
}

const approval = (outcome: 'approve' | 'deny') => ({ id: 'A1', outcome, comment: outcome === 'deny' ? '事由不充分' : '', by: who('approver'), createdAt: '2026-11-27T11:00:00Z' });

describe('sealSteps', () => {
  it('waits for the approval after the request', () => {
    expect(sealSteps(request()).map((s) => s.state)).toEqual(['done', 'current', 'pending']);
  });

  it('waits for the custodian after an approval', () => {
    const steps = sealSteps(request({ approval: approval('approve'), status: 'approved' }));
    expect(steps.map((s) => s.state)).toEqual(['done', 'done', 'current']);
    expect(steps[1]).toMatchObject({ by: who('approver'), outcome: 'approve' });
  });

  it('ends at a denial, with its reason', () => {
    const steps = sealSteps(request({ approval: approval('deny'), status: 'denied' }));
    expect(steps.map((s) => s.state)).toEqual(['done', 'refused', 'skipped']);
    expect(steps[1]).toMatchObject({ comment: '事由不充分' });
  });

  it('shows the ledger number once applied', () => {
    const application = { id: 'P1', ledgerNo: 'YY-2026-0001', appliedAt: '2026-11-27T12:00:00Z', by: who('custodian'), document: { name: '出域审核意见书.pdf', digest: `sm3:${'e'.repeat(64)}`, bytes: 40_000 } };
    const steps = sealSteps(request({ approval: approval('approve'), application, status: 'applied' }));
    expect(steps.map((s) => s.state)).toEqual(['done', 'done', 'done']);
    expect(steps[2]).toMatchObject({ ledgerNo: 'YY-2026-0001', by: who('custodian'), at: '2026-11-27T12:00:00Z' });
  });
});

describe('checkSealRequest', () => {
  it('takes a reason and a whole number of copies from 1 to 100', () => {
    expect(checkSealRequest(' 出域审核意见书用印 ', '3')).toEqual({ ok: true, reason: '出域审核意见书用印', copies: 3 });
    expect(checkSealRequest('用印', ' 100 ')).toEqual({ ok: true, reason: '用印', copies: 100 });
  });

  it('names each problem', () => {
    expect(checkSealRequest(' 印 ', '0')).toEqual({ ok: false, problems: [{ field: 'reason', problem: 'too-short' }, { field: 'copies', problem: 'invalid' }] });
    for (const copies of ['', '101', '1.5', '-1', '2e1', 'abc']) expect(checkSealRequest('出域用印', copies).ok).toBe(false);
    expect(checkSealRequest('x'.repeat(2001), '1')).toEqual({ ok: false, problems: [{ field: 'reason', problem: 'too-long' }] });
  });
});

describe('checkSealApproval', () => {
  it('lets an approval go without a comment, never a denial', () => {
    expect(checkSealApproval('approve', '  ')).toEqual({ ok: true, comment: '' });
    expect(checkSealApproval('deny', '  ')).toEqual({ ok: false, problem: 'required' });
    expect(checkSealApproval('deny', ' 事由不充分 ')).toEqual({ ok: true, comment: '事由不充分' });
    expect(checkSealApproval('approve', 'x'.repeat(2001))).toEqual({ ok: false, problem: 'too-long' });
  });
});

describe('the sealed PDF', () => {
  it('decodes base64 and recognises a PDF', () => {
    const bytes = base64ToBytes(btoa('%PDF-1.7\n%âãÏÓ\n'));
    expect(looksLikePdf(bytes)).toBe(true);
    expect(looksLikePdf(base64ToBytes(btoa('<html>')))).toBe(false);
    expect(looksLikePdf(new Uint8Array())).toBe(false);
  });

  it('refuses what is not base64', () => {
    expect(() => base64ToBytes('not base64!')).toThrow(TypeError);
    expect(() => base64ToBytes('abc')).toThrow(TypeError);
  });

  it('saves under a name without paths or control characters', () => {
    expect(downloadName('出域审核意见书-EC-2026-001002-r1.pdf', 'x.pdf')).toBe('出域审核意见书-EC-2026-001002-r1.pdf');
    expect(downloadName('../../etc/passwd', 'x.pdf')).toBe('.._.._etc_passwd');
    expect(downloadName('a\u0000b\nc.pdf', 'x.pdf')).toBe('a_b_c.pdf');
    expect(downloadName('  ', 'x.pdf')).toBe('x.pdf');
    expect(downloadName('..', 'x.pdf')).toBe('x.pdf');
  });
});
