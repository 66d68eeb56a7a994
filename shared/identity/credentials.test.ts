// A credential counts only when the authority signed it, on the days it is valid, and a
// record's signer is accepted only with the credential that holds the key that signed it.
import { beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPair, parsePublicKeyPem, verifySignature, type PrivateKeyHandle, type PublicKey } from '../crypto/signing';
import { signRecord } from '../records/envelope';
import type { Credential } from '../records/schemas';
import { SAMPLE_PEOPLE, sampleCredential, sampleDecision, sampleExpertOpinion } from '../records/testing/samples';
import { actorOf, credentialKeys, credentialValidAt, signerCredential, verifyCredential, type VerifiedCredential } from './credentials';

let authority: { publicKey: PublicKey; privateKey: PrivateKeyHandle };
let impostor: { publicKey: PublicKey; privateKey: PrivateKeyHandle };
let reviewerKey: { publicKey: PublicKey; privateKey: PrivateKeyHandle };

beforeAll(() => {
  authority = generateKeyPair('SM2-SM3');
  impostor = generateKeyPair('SM2-SM3');
  reviewerKey = generateKeyPair('Ed25519');
});

const issue = (over: Partial<Credential> = {}, by = authority) =>
  JSON.stringify(
    signRecord(
      sampleCredential({
        subject: { id: 'reviewer-a', name: '王审核', roles: ['reviewer', 'second-reviewer'] },
        publicKey: reviewerKey.publicKey.pem,
        signer: { ...SAMPLE_PEOPLE.authority, keyId: by.publicKey.keyId },
        ...over,
      }),
      by.privateKey,
    ),
  );
const trust = (at = '2026-11-27') => ({ authority: authority.publicKey, verify: verifySignature, parsePublicKey: parsePublicKeyPem, at });

describe('credentialValidAt', () => {
  const period = { validFrom: '2026-01-01', validTo: '2026-12-31' };
  it('includes both ends of the period', () => {
    expect(credentialValidAt(period, '2026-01-01')).toEqual({ allowed: true });
    expect(credentialValidAt(period, '2026-12-31')).toEqual({ allowed: true });
  });
  it('refuses before and after, saying when', () => {
    expect(credentialValidAt(period, '2025-12-31')).toMatchObject({ allowed: false, reason: /not valid yet: it starts on 2026-01-01/, reasonZh: /尚未生效/ });
    expect(credentialValidAt(period, '2027-01-01')).toMatchObject({ allowed: false, reason: /expired on 2026-12-31/, reasonZh: /已于 2026-12-31 过期/ });
  });
  it('refuses a date that is not one', () => {
    expect(() => credentialValidAt(period, '2026-02-30')).toThrow(/expected a date/);
  });
});

describe('verifyCredential', () => {
  it('accepts a credential the authority signed, with its key and actor', () => {
    const result = verifyCredential(issue(), trust());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.actor).toEqual({ id: 'reviewer-a', name: '王审核', roles: ['reviewer', 'second-reviewer'] });
    expect(result.publicKey.keyId).toBe(reviewerKey.publicKey.keyId);
    expect(actorOf(result.credential)).toEqual(result.actor);
  });

  it('accepts any of several authority keys', () => {
    expect(verifyCredential(issue({}, impostor), { ...trust(), authority: [authority.publicKey, impostor.publicKey] }).ok).toBe(true);
  });

  it('refuses a credential signed by anyone else, saying it must come from the authority', () => {
    expect(verifyCredential(issue({}, impostor), trust())).toMatchObject({ ok: false, code: 'unknown-key', reason: /must be issued by the authority/, reasonZh: /不是由主管部门的密钥签发/ });
  });

  it('refuses a credential whose roles or period were changed after issue', () => {
    const text = issue();
    expect(verifyCredential(text.replace('"second-reviewer"', '"seal-custodian"'), trust())).toMatchObject({ ok: false, code: 'bad-signature' });
    expect(verifyCredential(text.replace('"validTo":"2026-12-31"', '"validTo":"2029-12-31"'), trust())).toMatchObject({ ok: false, code: 'bad-signature' });
  });

  it('refuses outside the validity period', () => {
    expect(verifyCredential(issue(), trust('2027-01-01'))).toMatchObject({ ok: false, code: 'expired' });
    expect(verifyCredential(issue(), trust('2025-06-01'))).toMatchObject({ ok: false, code: 'not-yet-valid' });
  });

  it('refuses another record kind and an unusable public key', () => {
    const decision = JSON.stringify(signRecord(sampleDecision({ reviewer: { ...SAMPLE_PEOPLE.reviewerA, keyId: authority.publicKey.keyId } }), authority.privateKey));
    expect(verifyCredential(decision, trust())).toMatchObject({ ok: false, code: 'not-a-credential', reason: /review-decision record, not a credential/ });
    const badPem = '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n';
    expect(verifyCredential(issue({ publicKey: badPem }), trust())).toMatchObject({ ok: false, code: 'bad-public-key', reason: /^record.publicKey: / });
  });
});

describe('signerCredential and credentialKeys', () => {
  let credential: VerifiedCredential;
  beforeAll(() => {
    const result = verifyCredential(issue(), trust());
    if (!result.ok) throw new Error(result.reason);
    credential = result;
  });

  it('finds the credential that holds the signing key and names the same person', () => {
    const record = sampleDecision({ reviewer: { ...SAMPLE_PEOPLE.reviewerA, keyId: reviewerKey.publicKey.keyId } });
    expect(signerCredential(record, [credential])).toEqual({ ok: true, credential });
    expect(credentialKeys([credential])(reviewerKey.publicKey.keyId)).toBe(credential.publicKey);
    expect(credentialKeys([credential])('ed25519:0000000000000000')).toBeNull();
  });

  it('refuses a record that claims another person’s name with that key, or a key no credential holds', () => {
    const claim = sampleExpertOpinion({ expert: { ...SAMPLE_PEOPLE.expert, keyId: reviewerKey.publicKey.keyId } });
    expect(signerCredential(claim, [credential])).toMatchObject({ ok: false, reason: /names expert-e as its signer, but key .* belongs to reviewer-a/ });
    expect(signerCredential(sampleDecision(), [credential])).toMatchObject({ ok: false, reason: /No valid credential holds key/ });
  });
});
