// `review decide` and `review verify` as an auditor uses them: a decision signed on the example
// package verifies with the signer's key and fails, saying why, once any byte of it changes; an
// approval with a blocking finding is refused; a journal verifies from the authority key alone;
// a sealed PDF verifies against its seal-application record until the PDF is changed; an audit
// log export verifies until a line is edited.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sm3Digest } from '../../shared/crypto/digest';
import { generateKeyPair, type PrivateKeyHandle } from '../../shared/crypto/signing';
import { completeRecord } from '../../shared/records/draft';
import { envelopeLine, signRecord } from '../../shared/records/envelope';
import type { SignedRecord } from '../../shared/records/schemas';
import { sampleCredential, sampleDecision, sampleSeal, sampleSealApplication } from '../../shared/records/testing/samples';
import { openAuditLog } from '../services/audit/audit-log';
import { renderOpinionPdf } from '../services/sealed-pdf';
import { sealPicture } from '../../shared/seal/seal-picture';
import { sampleOpinionInput } from '../services/sealed-pdf/testing';
import { createScanPool } from '../services/scan/worker-pool';
import { buildScanWorker } from '../services/testing/test-platform';
import { decide } from './decide';
import { keygen } from './keygen';
import { verify } from './verify';

const EXAMPLES = resolve(__dirname, '../../../shared/examples');
let work: string;
let worker: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'cli-decide-'));
  worker = buildScanWorker(work);
  await cp(join(EXAMPLES, 'candidate-basic'), join(work, 'candidate'), { recursive: true });
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

function io(env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { env, out: (l: string) => out.push(l), err: (l: string) => err.push(l), pool: () => createScanPool(worker, 2) } };
}

const PASS = { KEY_PASS: 'a cli key passphrase' };

async function decideExample(outFile: string, extra: string[] = [], outcome = 'approve') {
  const manifest = JSON.parse(await readFile(join(work, 'candidate', 'candidate.json'), 'utf8')) as { scenario: { id: string } };
  const run = io(PASS);
  const code = await decide(
    [join(work, 'candidate'), '--policy', join(EXAMPLES, 'policy-basic.json'), '--outcome', outcome, '--scenario', manifest.scenario.id, '--reviewer', 'u-rev-01', '--name', '张明', '--key', join(work, 'key', 'private.pem'), '--passphrase-env', 'KEY_PASS', '--out', outFile, ...extra],
    run.io,
  );
  return { code, ...run };
}

async function verifyWith(args: string[]) {
  const run = io();
  const code = await verify(args, run.io);
  return { code, ...run };
}

/** A record completed by hand and signed, as another device would. */
function signed(record: SignedRecord, key: PrivateKeyHandle): string {
  return envelopeLine(signRecord(record, key));
}

describe('review decide', () => {
  it('signs a decision that verifies with the signer key, and refuses tampering, naming why', async () => {
    const keyRun = io(PASS);
    expect(await keygen(['--alg', 'sm2', '--out', join(work, 'key'), '--passphrase-env', 'KEY_PASS'], { ...keyRun.io, scryptLog2N: 15 })).toBe(0);
    const file = join(work, 'decision.json');
    const run = await decideExample(file, ['--at', '2026-11-27', '--comment', '同意出域。']);
    expect(run.err).toEqual([]);
    expect(run.code).toBe(0);
    expect((await verifyWith([file, '--pub', join(work, 'key', 'public.pem')])).code).toBe(0);
    // Refused to overwrite; no key given to verify with: unusable (2).
    expect((await decideExample(file, ['--at', '2026-11-27'])).code).toBe(2);
    const noKey = await verifyWith([file]);
    expect(noKey.code).toBe(2);
    expect(noKey.err[0]).toMatch(/signed by key sm2:[0-9a-f]{16}, which was not given/);

    const text = await readFile(file, 'utf8');
    const pub = join(work, 'key', 'public.pem');
    for (const [label, changed] of [
      ['comment', text.replace('同意出域。', '同意出域！')],
      ['candidate digest', text.replace(/"digest":"sm3:([0-9a-f])/, (_m, c: string) => `"digest":"sm3:${c === '0' ? '1' : '0'}`)],
      ['a duplicate key', text.replace('{"record":{', '{"record":{"outcome":"reject",')],
      ['an extra field', text.replace('{"record":{', '{"record":{"extra":1,')],
    ] as const) {
      const tampered = join(work, `tampered-${label.replace(/ /g, '-')}.json`);
      await writeFile(tampered, changed);
      const result = await verifyWith([tampered, '--pub', pub]);
      expect(result.code, label).toBe(1);
      expect(result.err.join('\n'), label).toMatch(/^invalid: /);
    }
  }, 120_000);

  it('refuses an approval while a blocking finding stands, and needs a comment to reject', async () => {
    // Two years on, the authorization has expired: authz.expired blocks.
    const late = await decideExample(join(work, 'late.json'), ['--at', '2029-06-01']);
    expect(late.code).toBe(1);
    expect(late.err.join('\n')).toMatch(/approval is impossible while \d+ blocking finding/);
    const noComment = await decideExample(join(work, 'reject.json'), ['--at', '2029-06-01'], 'reject');
    expect(noComment.code).toBe(2);
    expect(noComment.err.join('\n')).toMatch(/comment/);
  }, 120_000);
});

describe('review verify', () => {
  it('verifies a journal from the authority key alone: its credentials vouch for the signers', async () => {
    const authority = generateKeyPair('SM2-SM3');
    const reviewer = generateKeyPair('SM2-SM3');
    const issuer = { id: 'authority', name: '主管部门（样例）', keyId: authority.publicKey.keyId };
    const credential = sampleCredential({ publicKey: reviewer.publicKey.pem, signer: issuer });
    const decisionLine = signed(
      completeRecord(
        {
          ...sampleDecision({ reviewer: { id: credential.subject.id, name: credential.subject.name, keyId: reviewer.publicKey.keyId } }),
        },
        { id: '01JD8Z3K5Q7W2X9Y4V6T1R0P8N', device: { id: 'ws-test', seq: 2 }, createdAt: '2026-11-27T10:00:00+08:00' },
      ),
      reviewer.privateKey,
    );
    const journal = join(work, 'journal.jsonl');
    await writeFile(journal, `${signed(credential, authority.privateKey)}\n${decisionLine}\n`);
    await writeFile(join(work, 'authority.pem'), authority.publicKey.pem);
    const ok = await verifyWith([journal, '--trust', join(work, 'authority.pem')]);
    expect(ok.err).toEqual([]);
    expect(ok.code).toBe(0);
    expect(ok.out).toHaveLength(2);
  });

  it('verifies a seal definition with the authority key, and refuses it once its picture changes', async () => {
    const authority = generateKeyPair('SM2-SM3');
    const svg = sealPicture({ name: '浙江省公共数据授权运营合同专用章（样例）' }).svg;
    const seal = sampleSeal({
      picture: { type: 'SVG', data: Buffer.from(svg).toString('base64'), widthMm: 42, heightMm: 42 },
      signer: { id: 'authority', name: '主管部门（样例）', keyId: authority.publicKey.keyId },
    });
    await writeFile(join(work, 'seal.json'), signed(seal, authority.privateKey));
    await writeFile(join(work, 'seal-authority.pem'), authority.publicKey.pem);
    expect((await verifyWith([join(work, 'seal.json'), '--trust', join(work, 'seal-authority.pem')])).code).toBe(0);
    // The star drawn a little differently: still a well-formed picture, no longer the signed one.
    const redrawn = Buffer.from(svg.replace('<polygon', '<polygon data-x="1"')).toString('base64');
    const text = (await readFile(join(work, 'seal.json'), 'utf8')).replace(Buffer.from(svg).toString('base64'), redrawn);
    await writeFile(join(work, 'seal-changed.json'), text);
    const bad = await verifyWith([join(work, 'seal-changed.json'), '--trust', join(work, 'seal-authority.pem')]);
    expect(bad.code).toBe(1);
    expect(bad.err.join('\n')).toMatch(/^invalid: .*signature/m);
  });

  it('verifies a sealed PDF against its seal application until a byte of the PDF changes', async () => {
    const custodian = generateKeyPair('SM2-SM3');
    const pdf = await renderOpinionPdf(sampleOpinionInput());
    const digest = await sm3Digest(pdf);
    const application = sampleSealApplication({
      document: { name: '出域审核意见书.pdf', digest, bytes: pdf.length },
      signer: { id: 'u-seal-01', name: '印章管理员（样例）', keyId: custodian.publicKey.keyId },
    });
    const record = { ...application, tbsSign: { ...application.tbsSign, dataHash: digest, propertyInfo: `application/pdf; bytes=${pdf.length}` } };
    await writeFile(join(work, 'sealed.pdf'), pdf);
    await writeFile(join(work, 'application.json'), signed(record, custodian.privateKey));
    await writeFile(join(work, 'custodian.pem'), custodian.publicKey.pem);
    const args = [join(work, 'sealed.pdf'), join(work, 'application.json'), '--pub', join(work, 'custodian.pem')];
    const ok = await verifyWith(args);
    expect(ok.err).toEqual([]);
    expect(ok.code).toBe(0);
    const changed = Buffer.from(pdf);
    const middle = Math.floor(changed.length / 2);
    changed[middle] = changed[middle]! ^ 0x01;
    await writeFile(join(work, 'sealed.pdf'), changed);
    const bad = await verifyWith(args);
    expect(bad.code).toBe(1);
    expect(bad.err.join('\n')).toMatch(/the PDF's SM3 is sm3:[0-9a-f]{64}, but the seal application signed/);
    expect((await verifyWith([join(work, 'sealed.pdf')])).code).toBe(2);
  }, 60_000);

  it('verifies an audit log export and names the line that was edited', async () => {
    const dataDir = join(work, 'audit-data');
    const log = await openAuditLog(dataDir);
    for (const action of ['open', 'decide', 'seal'] as const) await log.append({ actor: 'demo-reviewer-a', action, target: 'EC-2026-001001@1' });
    const exported = join(work, 'audit.jsonl');
    await cp(join(dataDir, 'audit', 'audit.jsonl'), exported);
    expect((await verifyWith([exported])).code).toBe(0);
    const lines = (await readFile(exported, 'utf8')).split('\n');
    lines[1] = lines[1]!.replace('"decide"', '"open"');
    await writeFile(exported, lines.join('\n'));
    const bad = await verifyWith([exported]);
    expect(bad.code).toBe(1);
    expect(bad.err.join('\n')).toMatch(/line 2/);
  });
});
