// The whole signed review of issue 5 through the IPC handlers, on a demo workspace: the demo
// first run; reviewer A approves a grade-3 candidate and is told a second review is required;
// reviewer B sees the first decision blinded and approves; the seal is requested, approved and
// applied by three people; the sealed PDF matches its application record and is refused once
// changed; the ledger has one line; the audit log has every step; every record verifies.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePublicKeyPem, verifySignature } from '../../../shared/crypto/signing';
import { sm3Digest } from '../../../shared/crypto/digest';
import { createDispatcher } from '../../../shared/ipc/dispatch';
import type { DecisionView } from '../../../shared/ipc/schemas/decisions';
import type { IdentityStatus } from '../../../shared/ipc/schemas/identity';
import type { SealView } from '../../../shared/ipc/schemas/seal';
import { credentialKeys, verifyCredential } from '../../../shared/identity/credentials';
import { verifyEnvelope } from '../../../shared/records/envelope';
import { createServices, type Services } from '../index';
import { buildScanWorker, testPlatform } from '../testing/test-platform';
import { chinaDay } from '../../../shared/formats/china-day';

const WORKSPACE = 'a workspace passphrase 口令';
const KEYS = 'demo signing keys 演示口令';
const ref = { id: 'EC-2026-001001', revision: 1 };

let work: string;
let services: Services;
let call: <T>(channel: string, request: unknown) => Promise<T>;
let fail: (channel: string, request: unknown) => Promise<{ code: string; message: string }>;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'signing-flow-'));
  services = await createServices(testPlatform(work, { scanWorkerScript: buildScanWorker(work) }));
  const dispatch = createDispatcher(services.handlers, (channel, error) => {
    throw new Error(`internal error in ${channel}: ${String(error)}`);
  });
  call = async <T,>(channel: string, request: unknown) => {
    const result = await dispatch(channel, request);
    if (!result.ok) throw new Error(`${channel}: ${result.error.code}: ${result.error.message}`);
    return result.value as T;
  };
  fail = async (channel, request) => {
    const result = await dispatch(channel, request);
    if (result.ok) throw new Error(`${channel} succeeded where it must fail`);
    return result.error;
  };
  await call('store:create', { passphrase: WORKSPACE });
  await services.seedDemoWhenUnlocked();
  await until(async () => (await call<unknown[]>('candidates:list', {})).length > 10, 'the demo import');
  await call('scan:start', ref);
  await until(async () => (await call<{ state: string }>('scan:status', ref)).state === 'done', 'the scan');
}, 240_000);

afterAll(async () => {
  await services.close();
  await rm(work, { recursive: true, force: true });
});

/** Waits (up to two minutes) until `done()` holds. */
async function until(done: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const as = (userId: string) => call<IdentityStatus>('identity:switch', { userId, passphrase: KEYS });

describe('a signed review from first decision to sealed document', () => {
  it('runs end to end with blinding, separation of duties and verifiable records', async () => {
    expect((await call<IdentityStatus>('identity:status', {})).setUp).toBe(false);
    expect(await fail('decision:sign', { ...ref, role: 'reviewer', outcome: 'approve', scenarioId: 'x', recipient: { name: 'x', creditCode: 'x' }, conditions: [], comment: '', findingsDigest: `sm3:${'0'.repeat(64)}` })).toMatchObject({
      code: 'identity.no-user',
    });
    const setUp = await call<IdentityStatus>('identity:setup-demo', { passphrase: KEYS });
    expect(setUp).toMatchObject({ setUp: true, demo: true });
    expect(setUp.users.map((u) => u.id)).toEqual(['demo-reviewer-a', 'demo-reviewer-b', 'demo-expert', 'demo-seal-approver', 'demo-seal-custodian', 'demo-auditor']);
    expect(await fail('identity:setup-demo', { passphrase: KEYS })).toMatchObject({ code: 'identity.already-set-up' });

    // A wrong passphrase is refused (and audited by the key store).
    expect((await fail('identity:switch', { userId: 'demo-reviewer-a', passphrase: 'not the passphrase' })).code).toBe('keys.wrong-passphrase');

    // Reviewer A: a grade-3 candidate needs a second review; the expert cannot decide.
    await as('demo-expert');
    expect((await call<DecisionView>('decision:view', ref)).can.decide).toMatchObject({ allowed: false });
    await as('demo-reviewer-a');
    const before = await call<DecisionView>('decision:view', ref);
    expect(before).toMatchObject({ state: 'none', secondReviewRequired: true, can: { decide: { allowed: true } } });
    expect(before.maxGrade).toBeGreaterThanOrEqual(3);
    expect(before.findings?.block).toBe(0);
    const form = {
      ...ref,
      scenarioId: before.scenario.id,
      recipient: before.recipient,
      conditions: [],
      findingsDigest: before.findings!.digest,
    };
    expect(await fail('decision:sign', { ...form, role: 'reviewer', outcome: 'approve', comment: '', scenarioId: 'SC-OTHER' })).toMatchObject({ code: 'decision.mismatch' });
    expect(await fail('decision:sign', { ...form, role: 'reviewer', outcome: 'approve', comment: '', findingsDigest: `sm3:${'1'.repeat(64)}` })).toMatchObject({ code: 'decision.findings-changed' });
    const first = await call<DecisionView>('decision:sign', { ...form, role: 'reviewer', outcome: 'approve', comment: '字段均已按政策脱敏，同意出域。' });
    expect(first.state).toBe('first-signed-awaiting-second');
    expect(first.decisions).toHaveLength(1);
    expect(first.can.secondReview.allowed).toBe(false);

    // Reviewer B sees who decided and when, not what; then signs an independent approval.
    await as('demo-reviewer-b');
    const blind = await call<DecisionView>('decision:view', ref);
    expect(blind.decisions[0]).toMatchObject({ blinded: true, outcome: null, comment: null, reviewer: { id: 'demo-reviewer-a' } });
    expect(blind.can.secondReview.allowed).toBe(true);
    const second = await call<DecisionView>('decision:sign', { ...form, role: 'second-reviewer', outcome: 'approve', comment: '复核同意。' });
    expect(second.state).toBe('final-approved');
    expect(second.decisions.map((d) => d.blinded)).toEqual([false, false]);
    expect(second.decisions[0]!.outcome).toBe('approve');

    // The seal: requested by A, approved by the approver, applied by the custodian.
    await as('demo-seal-custodian');
    expect((await call<SealView>('seal:view', ref)).can.request.allowed).toBe(false);
    await as('demo-reviewer-a');
    const canRequest = await call<SealView>('seal:view', ref);
    expect(canRequest).toMatchObject({ sealRequired: true, can: { request: { allowed: true } } });
    expect(canRequest.seal?.svg).toContain('<svg');
    const requested = await call<SealView>('seal:request', { ...ref, reason: '出具出域审核意见书', copies: 2 });
    const request = requested.requests[0]!;
    expect(request.status).toBe('requested');
    expect((await call<SealView>('seal:view', ref)).can.approve).toMatchObject({ allowed: false });
    await as('demo-seal-approver');
    await call<SealView>('seal:approve', { ...ref, request: request.id, outcome: 'approve', comment: '同意用印' });
    await as('demo-seal-custodian');
    const applied = await call<SealView>('seal:apply', { ...ref, request: request.id });
    const application = applied.requests[0]!.application!;
    expect(applied.requests[0]!.status).toBe('applied');
    expect(application.ledgerNo).toMatch(/^\d{4}-0001$/);

    // The sealed PDF is the one the application signed.
    const doc = await call<{ name: string; pdfBase64: string }>('seal:document', { ...ref, application: application.id });
    const pdf = Buffer.from(doc.pdfBase64, 'base64');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(await sm3Digest(pdf)).toBe(application.document.digest);

    const ledger = await call<{ rows: { ledgerNo: string; requestedBy: { id: string }; approvedBy: { id: string }; appliedBy: { id: string } }[] }>('seal:ledger', {});
    expect(ledger.rows).toHaveLength(1);
    expect(ledger.rows[0]).toMatchObject({ ledgerNo: application.ledgerNo, requestedBy: { id: 'demo-reviewer-a' }, approvedBy: { id: 'demo-seal-approver' }, appliedBy: { id: 'demo-seal-custodian' } });
    const csv = await call<{ csv: string }>('seal:ledger-csv', {});
    expect(csv.csv.startsWith('\uFEFF用印登记号,')).toBe(true);
    expect(csv.csv.trim().split('\r\n')).toHaveLength(2);

    // Every step is in the audit log.
    const audit = await call<{ events: { action: string; actor: string }[]; chainValid: boolean }>('audit:recent', { limit: 500 });
    expect(audit.chainValid).toBe(true);
    const steps = audit.events.map((e) => `${e.action}:${e.actor}`);
    for (const step of ['decide:demo-reviewer-a', 'decide:demo-reviewer-b', 'seal:demo-reviewer-a', 'seal:demo-seal-approver', 'seal:demo-seal-custodian', 'unlock:demo-reviewer-b']) {
      expect(steps, step).toContain(step);
    }

    // Every record in the journal verifies against the demo authority's credentials.
    const authority = JSON.parse(await readFile(join(work, 'data', 'identity', 'authority.json'), 'utf8')) as { publicKeyPem: string };
    const authorityKey = parsePublicKeyPem(authority.publicKeyPem);
    const lines = (await readFile(join(work, 'data', 'journal', 'records.jsonl'), 'utf8')).trim().split('\n');
    const credentials = lines
      .map((line) => verifyCredential(line, { authority: authorityKey, verify: verifySignature, parsePublicKey: parsePublicKeyPem, at: chinaDay() }))
      .filter((c) => c.ok);
    expect(credentials).toHaveLength(6);
    const resolve = credentialKeys(credentials);
    const formats = lines.map((line) => {
      const verified = verifyEnvelope(line, (keyId) => (keyId === authorityKey.keyId ? authorityKey : resolve(keyId)), verifySignature);
      expect(verified.ok, line.slice(0, 120)).toBe(true);
      return verified.ok ? verified.record.format : null;
    });
    expect(formats.filter((f) => f === 'review-decision')).toHaveLength(2);
    expect(formats.slice(-3)).toEqual(['seal-request', 'seal-approval', 'seal-application']);

    // The outbox copy: this device's records in gap-free seq order, each its journal line.
    const since = await call<{ deviceId: string; records: { seq: number; envelope: string }[]; hasMore: boolean }>('records:since', { afterSeq: 0, limit: 500 });
    expect(since.records.map((r) => r.seq)).toEqual(lines.map((_, i) => i + 1));
    expect(since.records.map((r) => r.envelope)).toEqual(lines);
    const page = await call<{ records: { seq: number }[]; hasMore: boolean }>('records:since', { afterSeq: 3, limit: 2 });
    expect(page).toMatchObject({ records: [{ seq: 4 }, { seq: 5 }], hasMore: true });

    // A sealed document changed afterwards is refused, naming why.
    const stored = join(work, 'data', 'sealed', `${application.ledgerNo}.pdf`);
    await writeFile(stored, Buffer.concat([pdf, Buffer.from('\n% appended\n')]));
    expect(await fail('seal:document', { ...ref, application: application.id })).toMatchObject({ code: 'seal.document-tampered' });
  }, 240_000);
});
