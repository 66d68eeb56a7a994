// A signed envelope verifies exactly when nothing in it changed: every field of the record is
// covered, key order and whitespace are not (JCS), and the JSON, schema, key, algorithm and
// signer are checked before the signature, each refusal naming the field.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { canonicalize } from '../formats/canonical';
import { sm3Digest } from '../crypto/digest';
import { generateKeyPair, verifySignature } from '../crypto/signing';
import type { PrivateKeyHandle, PublicKey, SignatureAlg, VerifyFn } from './crypto-types';
import { envelopeLine, parseEnvelope, recordDigest, signRecord, verifyEnvelope } from './envelope';
import { SignedRecord, type Envelope, type SignedRecord as Rec } from './schemas';
import {
  SAMPLE_PEOPLE,
  sampleAnnotation,
  sampleCredential,
  sampleDecision,
  sampleSeal,
  sampleSealApplication,
  sampleSecondDecision,
} from './testing/samples';

// The real signing module (SM2-with-SM3 and Ed25519); the envelope code receives it by injection.
type KeyPair = { publicKey: PublicKey; privateKey: PrivateKeyHandle };
const makeKeyPair = (alg: SignatureAlg): KeyPair => generateKeyPair(alg);
const verify: VerifyFn = verifySignature;

let ed: KeyPair;
let sm2: KeyPair;
let other: KeyPair;
const trust = (...keys: KeyPair[]) => (keyId: string) => keys.find((k) => k.publicKey.keyId === keyId)?.publicKey ?? null;

beforeAll(() => {
  [ed, sm2, other] = [makeKeyPair('Ed25519'), makeKeyPair('SM2-SM3'), makeKeyPair('Ed25519')];
});

const asReviewer = (pair: KeyPair) => ({ ...SAMPLE_PEOPLE.reviewerA, keyId: pair.privateKey.keyId });
const signedDecision = (over: Parameters<typeof sampleDecision>[0] = {}, pair = ed) => signRecord(sampleDecision({ reviewer: asReviewer(pair), ...over }), pair.privateKey);

/** Every leaf of a JSON value with its path. */
function leaves(value: unknown, path: (string | number)[] = []): { path: (string | number)[]; value: unknown }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...path, i]));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  return [{ path, value }];
}

/** A small change that usually keeps the value well-formed, so the signature is what catches it. */
function mutate(value: unknown): unknown {
  if (typeof value === 'number') return value + 1;
  if (typeof value === 'boolean') return !value;
  if (typeof value !== 'string' || value === '') return 'x';
  const last = value.at(-1)!;
  const swap =
    /[0-9]/.test(last) ? String((Number(last) + 1) % 10)
    : /[a-f]/.test(last) ? (last === 'a' ? 'b' : 'a')
    : /[A-Z]/.test(last) ? (last === 'A' ? 'B' : 'A')
    : /[a-z]/.test(last) ? (last === 'x' ? 'y' : 'x')
    : last === '。' ? '！'
    : '。';
  return value.slice(0, -1) + swap;
}

function setAt(root: unknown, path: (string | number)[], value: unknown): void {
  let node = root as Record<string | number, unknown>;
  for (const part of path.slice(0, -1)) node = node[part] as Record<string | number, unknown>;
  node[path.at(-1)!] = value;
}

/** The same JSON with every object's keys in reverse order. */
function reorder(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reorder);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reorder(v)]));
  return value;
}

describe('signRecord', () => {
  it('signs the UTF-8 of JCS(record); Ed25519 carries no userId, SM2 the default one', () => {
    const envelope = signedDecision();
    expect(envelope.signature).toEqual({ alg: 'Ed25519', keyId: ed.publicKey.keyId, value: expect.any(String) as string });
    const bytes = new TextEncoder().encode(canonicalize(envelope.record));
    expect(verify(ed.publicKey, bytes, Buffer.from(envelope.signature.value, 'base64'))).toBe(true);
    expect(signedDecision({}, sm2).signature).toMatchObject({ alg: 'SM2-SM3', keyId: sm2.publicKey.keyId, userId: '1234567812345678' });
  });

  it('refuses an invalid record and a key other than the one the record names', () => {
    expect(() => signRecord(sampleDecision({ reviewer: asReviewer(ed), outcome: 'reject' }), ed.privateKey)).toThrow(/record.comment: a comment is required for "reject"/);
    expect(() => signRecord(sampleDecision({ reviewer: asReviewer(other) }), ed.privateKey)).toThrow(/names key .* but the signing key is/);
  });

  it('drops undefined members so the envelope holds exactly what was signed', () => {
    const envelope = signedDecision({ countersigns: undefined });
    expect('countersigns' in envelope.record).toBe(false);
    expect(verifyEnvelope(JSON.stringify(envelope), trust(ed), verify).ok).toBe(true);
  });
});

describe('verifyEnvelope', () => {
  it('accepts an untouched envelope of every kind, from text or bytes, and returns the record', () => {
    const records: Rec[] = [
      sampleDecision({ reviewer: asReviewer(ed) }),
      sampleSecondDecision(sampleDecision(), { reviewer: { ...SAMPLE_PEOPLE.reviewerB, keyId: ed.publicKey.keyId }, outcome: 'reject', comment: '不同意' }),
      sampleAnnotation({ author: { ...SAMPLE_PEOPLE.expert, keyId: ed.publicKey.keyId } }),
      sampleSealApplication({ signer: { ...SAMPLE_PEOPLE.custodian, keyId: ed.publicKey.keyId } }),
      sampleSeal({ signer: { ...SAMPLE_PEOPLE.authority, keyId: sm2.publicKey.keyId } }),
      sampleCredential({ signer: { ...SAMPLE_PEOPLE.authority, keyId: sm2.publicKey.keyId } }),
    ];
    for (const record of records) {
      const pair = record.format === 'seal' || record.format === 'credential' ? sm2 : ed;
      const envelope = signRecord(record, pair.privateKey);
      const text = JSON.stringify(envelope);
      const result = verifyEnvelope(text, trust(ed, sm2), verify);
      expect(result, record.format).toEqual({ ok: true, envelope, record: envelope.record });
      expect(verifyEnvelope(new TextEncoder().encode(text), trust(ed, sm2), verify).ok).toBe(true);
    }
  });

  it('still verifies with keys reordered and whitespace added (JCS)', () => {
    const envelope = signedDecision({ outcome: 'approve-with-conditions', conditions: ['仅用于普惠金融信用评估', '不得再次转让'] });
    expect(verifyEnvelope(JSON.stringify(reorder(envelope), null, 2), trust(ed), verify).ok).toBe(true);
    expect(verifyEnvelope(`\n  ${JSON.stringify(reorder(envelope), null, '\t')}  \n`, trust(ed), verify).ok).toBe(true);
  });

  it('refuses a change to any field of the record, naming why', () => {
    for (const pair of [ed, sm2]) {
      const envelope = signedDecision(
        {
          outcome: 'approve-with-conditions',
          conditions: ['仅用于普惠金融信用评估'],
          comment: '同意。',
          findings: { digest: `sm3:${'c'.repeat(64)}`, block: 0, warn: 2, acknowledged: [{ rule: 'sdc.small-cell', justification: '已合并' }] },
        },
        pair,
      );
      const all = leaves(envelope.record);
      expect(all.length).toBeGreaterThan(25);
      let caughtBySignature = 0;
      for (const leaf of all) {
        const copy = structuredClone(envelope) as Envelope;
        setAt(copy.record, leaf.path, mutate(leaf.value));
        const result = verifyEnvelope(JSON.stringify(copy), trust(ed, sm2), verify);
        const where = leaf.path.join('.');
        expect(result.ok, `changing record.${where} must be refused`).toBe(false);
        if (result.ok) continue;
        expect(result.reason, where).toMatch(/^(record|signature)[.\w[\]]*: /);
        if (SignedRecord.safeParse(copy.record).success) {
          // A well-formed change: only the signature (or the signer's key id) can catch it.
          expect(['bad-signature', 'signer-mismatch', 'unknown-key'], where).toContain(result.code);
          caughtBySignature += 1;
        }
      }
      expect(caughtBySignature).toBeGreaterThan(all.length / 2);
    }
  });

  it('refuses a changed signature value, a signature from another key and a swapped record', () => {
    const envelope = signedDecision();
    const bytes = Buffer.from(envelope.signature.value, 'base64');
    bytes[10]! ^= 0x01;
    const flipped = { ...envelope, signature: { ...envelope.signature, value: bytes.toString('base64') } };
    expect(verifyEnvelope(JSON.stringify(flipped), trust(ed), verify)).toMatchObject({ ok: false, code: 'bad-signature', reason: /^signature.value: the signature does not match/ });

    const forged = { ...envelope, signature: { ...envelope.signature, value: Buffer.from(other.privateKey.sign(new TextEncoder().encode(canonicalize(envelope.record)))).toString('base64') } };
    expect(verifyEnvelope(JSON.stringify(forged), trust(ed), verify)).toMatchObject({ ok: false, code: 'bad-signature' });

    const swapped = { record: signedDecision({ outcome: 'reject', comment: '不予出域' }).record, signature: envelope.signature };
    expect(verifyEnvelope(JSON.stringify(swapped), trust(ed), verify)).toMatchObject({ ok: false, code: 'bad-signature' });
  });

  it('refuses duplicate keys, naming the line and column', () => {
    const text = JSON.stringify(signedDecision(), null, 2).replace('"outcome": "approve",', '"outcome": "reject",\n    "outcome": "approve",');
    const result = verifyEnvelope(text, trust(ed), verify);
    expect(result).toMatchObject({ ok: false, code: 'json' });
    expect(!result.ok && result.reason).toMatch(/^not valid JSON at line \d+, column \d+: duplicate key "outcome"/);
  });

  it('refuses an extra field anywhere: in the record, the signature or the envelope', () => {
    const envelope = signedDecision();
    const cases: [string, unknown][] = [
      ['record', { ...envelope, record: { ...envelope.record, note: 'x' } }],
      ['record.reviewer', { ...envelope, record: { ...envelope.record, reviewer: { ...envelope.record.reviewer, title: '处长' } } }],
      ['signature', { ...envelope, signature: { ...envelope.signature, hashAlg: 'sm3' } }],
      ['envelope', { ...envelope, timestamp: '2026-11-27' }],
    ];
    for (const [where, value] of cases) {
      const result = verifyEnvelope(JSON.stringify(value), trust(ed), verify);
      expect(result, where).toMatchObject({ ok: false, code: 'unexpected-field' });
      expect(!result.ok && result.reason).toMatch(new RegExp(`^${where.replace('.', '\\.')}: unexpected field`));
    }
  });

  it('refuses an unknown key id and a resolver that returns a different key', () => {
    const envelope = signedDecision();
    expect(verifyEnvelope(JSON.stringify(envelope), trust(sm2), verify)).toMatchObject({ ok: false, code: 'unknown-key', reason: /^signature.keyId: ed25519:/ });
    expect(verifyEnvelope(JSON.stringify(envelope), () => other.publicKey, verify)).toMatchObject({ ok: false, code: 'key-mismatch' });
  });

  it('refuses a key of another algorithm and an alg that does not fit the key id', () => {
    const envelope = signedDecision();
    const sameIdOtherAlg = () => ({ ...sm2.publicKey, keyId: ed.publicKey.keyId });
    expect(verifyEnvelope(JSON.stringify(envelope), sameIdOtherAlg, verify)).toMatchObject({ ok: false, code: 'alg-mismatch', reason: /^signature.alg: / });
    const relabelled = { ...envelope, signature: { ...envelope.signature, alg: 'SM2-SM3', userId: '1234567812345678' } };
    expect(verifyEnvelope(JSON.stringify(relabelled), trust(ed), verify)).toMatchObject({ ok: false, code: 'schema', reason: /signature.keyId: is not a SM2-SM3 key id/ });
  });

  it('applies the SM2 userId rule', () => {
    const envelope = signedDecision({}, sm2);
    const { userId: _userId, ...withoutUserId } = envelope.signature;
    expect(verifyEnvelope(JSON.stringify({ ...envelope, signature: withoutUserId }), trust(sm2), verify)).toMatchObject({
      ok: false,
      code: 'user-id',
      reason: /^signature.userId: is required for SM2-SM3/,
    });
    const otherId = { ...envelope, signature: { ...envelope.signature, userId: 'ALICE123' } };
    expect(verifyEnvelope(JSON.stringify(otherId), trust(sm2), verify)).toMatchObject({ ok: false, code: 'user-id' });
    const edWithId = signedDecision();
    expect(verifyEnvelope(JSON.stringify({ ...edWithId, signature: { ...edWithId.signature, userId: '1234567812345678' } }), trust(ed), verify)).toMatchObject({
      ok: false,
      code: 'user-id',
      reason: /must be absent for Ed25519/,
    });
  });

  it('refuses a non-canonical base64 signature value', () => {
    const envelope = signedDecision();
    for (const value of [envelope.signature.value.replace(/=+$/, ''), `${envelope.signature.value.slice(0, 40)}\n${envelope.signature.value.slice(40)}`, envelope.signature.value.replace(/\+/g, '-').replace(/\//g, '_')]) {
      if (value === envelope.signature.value) continue;
      const result = verifyEnvelope(JSON.stringify({ ...envelope, signature: { ...envelope.signature, value } }), trust(ed), verify);
      expect(result).toMatchObject({ ok: false, code: 'signature-encoding', reason: /^signature.value: / });
    }
  });

  it('refuses a record signed by a key other than the one it names', () => {
    const record = sampleDecision({ reviewer: asReviewer(other) });
    const value = Buffer.from(ed.privateKey.sign(new TextEncoder().encode(canonicalize(record)))).toString('base64');
    const envelope = { record, signature: { alg: 'Ed25519', keyId: ed.publicKey.keyId, value } };
    expect(verifyEnvelope(JSON.stringify(envelope), trust(ed, other), verify)).toMatchObject({ ok: false, code: 'signer-mismatch', reason: /^record.reviewer.keyId: / });
  });

  it('refuses bytes that are not UTF-8, a byte order mark, non-JSON and a verifier that throws', () => {
    const envelope = signedDecision();
    expect(verifyEnvelope(new Uint8Array([0x7b, 0xff, 0x7d]), trust(ed), verify)).toMatchObject({ ok: false, code: 'encoding' });
    expect(verifyEnvelope(`\uFEFF${JSON.stringify(envelope)}`, trust(ed), verify)).toMatchObject({ ok: false, code: 'json', reason: /byte order mark/ });
    expect(verifyEnvelope('{"record":', trust(ed), verify)).toMatchObject({ ok: false, code: 'json', reason: /^not valid JSON at line 1/ });
    expect(verifyEnvelope('[]', trust(ed), verify)).toMatchObject({ ok: false, code: 'schema' });
    const loneSurrogate = JSON.stringify(signedDecision({ comment: '同意' })).replace('"comment":"同意"', '"comment":"\\ud800"');
    expect(verifyEnvelope(loneSurrogate, trust(ed), verify)).toMatchObject({ ok: false, code: 'schema', reason: /record.comment: contains an unpaired surrogate/ });
    const throwing: VerifyFn = () => {
      throw new Error('bad point');
    };
    expect(verifyEnvelope(JSON.stringify(envelope), trust(ed), throwing)).toMatchObject({ ok: false, code: 'bad-signature' });
  });
});

describe('recordDigest, envelopeLine and parseEnvelope', () => {
  it('digests JCS(envelope) with sm3, independent of key order', async () => {
    const envelope = signedDecision();
    const digest = await recordDigest(envelope);
    expect(digest).toBe(await sm3Digest(new TextEncoder().encode(canonicalize(envelope))));
    expect(await recordDigest(reorder(envelope) as Envelope)).toBe(digest);
    expect(await recordDigest(signedDecision())).not.toBe(digest);
  });

  it('writes one line that parses back to the same envelope', () => {
    const envelope = signedDecision({ comment: '第一行\n第二行' });
    const line = envelopeLine(envelope);
    expect(line).not.toContain('\n');
    expect(parseEnvelope(line)).toEqual({ ok: true, envelope });
  });
});

// FORMATS.md §4: a third party with OpenSSL and the public key verifies a record with
// `openssl pkeyutl -verify -pubin -inkey pub.pem -rawin -in record.jcs -sigfile sig.der -digest sm3 -pkeyopt distid:1234567812345678`.
const opensslSm2 = (() => {
  const probe = spawnSync('openssl', ['genpkey', '-algorithm', 'sm2'], { encoding: 'buffer' });
  return !probe.error && probe.status === 0;
})();

describe.skipIf(!opensslSm2)(`envelopes with OpenSSL${opensslSm2 ? '' : ' (skipped: no openssl with SM2 on PATH)'}`, () => {
  it('an SM2 envelope verifies with the command of FORMATS.md §4 over JCS(record), and a changed record does not', () => {
    const work = mkdtempSync(join(tmpdir(), 'envelope-openssl-'));
    try {
      const envelope = signedDecision({ outcome: 'approve-with-conditions', conditions: ['仅用于普惠金融信用评估'], comment: '同意' }, sm2);
      const pub = join(work, 'pub.pem');
      const sig = join(work, 'sig.der');
      writeFileSync(pub, sm2.publicKey.pem);
      writeFileSync(sig, Buffer.from(envelope.signature.value, 'base64'));
      const check = (record: unknown) => {
        const jcs = join(work, 'record.jcs');
        writeFileSync(jcs, canonicalize(record));
        const args = ['pkeyutl', '-verify', '-pubin', '-inkey', pub, '-rawin', '-in', jcs, '-sigfile', sig, '-digest', 'sm3', '-pkeyopt', 'distid:1234567812345678'];
        return spawnSync('openssl', args, { encoding: 'utf8' });
      };
      expect(check(envelope.record).stdout.trim()).toBe('Signature Verified Successfully');
      expect(check({ ...envelope.record, outcome: 'approve' }).status).not.toBe(0);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
