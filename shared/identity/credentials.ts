/**
 * Reviewer credentials (FORMATS.md §4): verifying that a credential was issued by the
 * authority (its envelope signed by the authority's key), that it is valid on a given day,
 * and which credential stands behind the signer of a record. Pure: keys, verifier and PEM
 * parser come in as parameters.
 */
import { isRealDate } from '../formats/common';
import type { PublicKey, ResolveKey, VerifyFn } from '../records/crypto-types';
import { verifyEnvelope, type EnvelopeFailureCode } from '../records/envelope';
import { recordSigner, type Credential, type Envelope, type SignedRecord } from '../records/schemas';
import { ALLOWED, refuse, type Actor, type Permission } from './permission';

/** Valid on `date` (YYYY-MM-DD) when validFrom ≤ date ≤ validTo, both days included. */
export function credentialValidAt(credential: Pick<Credential, 'validFrom' | 'validTo'>, date: string): Permission {
  if (!isRealDate(date)) throw new TypeError(`expected a date as YYYY-MM-DD, got ${JSON.stringify(date)}`);
  if (date < credential.validFrom) {
    return refuse(`The credential is not valid yet: it starts on ${credential.validFrom}.`, `该凭证尚未生效：自 ${credential.validFrom} 起有效。`);
  }
  if (date > credential.validTo) {
    return refuse(`The credential expired on ${credential.validTo}; ask the authority for a new one.`, `该凭证已于 ${credential.validTo} 过期，请向主管部门申领新凭证。`);
  }
  return ALLOWED;
}

export type VerifiedCredential = { ok: true; envelope: Envelope<Credential>; credential: Credential; publicKey: PublicKey; actor: Actor };
export type CredentialFailureCode = EnvelopeFailureCode | 'not-a-credential' | 'bad-public-key' | 'not-yet-valid' | 'expired';
export type CredentialFailure = { ok: false; code: CredentialFailureCode; reason: string; reasonZh: string };

export type CredentialTrust = {
  /** The authority's key(s): only a credential signed by one of them is accepted. */
  authority: PublicKey | readonly PublicKey[];
  verify: VerifyFn;
  /** shared/crypto/signing.ts's parsePublicKeyPem: throws on a key it cannot use. */
  parsePublicKey: (pem: string) => PublicKey;
  /** The day to check validity on, YYYY-MM-DD. */
  at: string;
};

const ENVELOPE_ZH: Record<EnvelopeFailureCode, string> = {
  encoding: '凭证文件不是有效的 UTF-8 文本',
  json: '凭证文件不是有效的 JSON（或含有重复的键）',
  schema: '凭证内容不符合格式要求',
  'unexpected-field': '凭证含有格式之外的字段',
  'user-id': '凭证签名的用户标识（userId）不符合要求',
  'signature-encoding': '凭证签名值的编码无效',
  'unknown-key': '凭证不是由主管部门的密钥签发的',
  'key-mismatch': '凭证签名的密钥标识与密钥不符',
  'alg-mismatch': '凭证签名算法与密钥不符',
  'signer-mismatch': '凭证中的签发者与签名密钥不符',
  'bad-signature': '凭证签名无效：内容在签发后被改动，或签名来自其他密钥',
};

/**
 * Verifies a credential envelope: signed by the authority, well-formed, its public key usable
 * and the credential valid on `trust.at`. The reason names the field; reasonZh says the same for the UI.
 */
export function verifyCredential(text: string | Uint8Array, trust: CredentialTrust): VerifiedCredential | CredentialFailure {
  const authorities = Array.isArray(trust.authority) ? (trust.authority as readonly PublicKey[]) : [trust.authority as PublicKey];
  const resolve: ResolveKey = (keyId) => authorities.find((key) => key.keyId === keyId) ?? null;
  const result = verifyEnvelope(text, resolve, trust.verify);
  if (!result.ok) {
    const reason = result.code === 'unknown-key' ? `${result.reason}; a credential must be issued by the authority` : result.reason;
    return { ok: false, code: result.code, reason: `Credential refused: ${reason}.`, reasonZh: `${ENVELOPE_ZH[result.code]}。` };
  }
  if (result.record.format !== 'credential') {
    return {
      ok: false,
      code: 'not-a-credential',
      reason: `record.format: this is a ${result.record.format} record, not a credential.`,
      reasonZh: `这不是凭证，而是 ${result.record.format} 记录。`,
    };
  }
  const credential = result.record;
  let publicKey: PublicKey;
  try {
    publicKey = trust.parsePublicKey(credential.publicKey);
  } catch (error) {
    const detail = error instanceof Error ? error.message : 'unreadable';
    return { ok: false, code: 'bad-public-key', reason: `record.publicKey: the subject's public key cannot be used (${detail}).`, reasonZh: '凭证中的公钥无法使用。' };
  }
  const valid = credentialValidAt(credential, trust.at);
  if (!valid.allowed) return { ok: false, code: trust.at < credential.validFrom ? 'not-yet-valid' : 'expired', reason: valid.reason, reasonZh: valid.reasonZh };
  return { ok: true, envelope: result.envelope as Envelope<Credential>, credential, publicKey, actor: actorOf(credential) };
}

/** The actor a credential names. */
export function actorOf(credential: Credential): Actor {
  return { id: credential.subject.id, name: credential.subject.name, roles: [...credential.subject.roles] };
}

/** A key resolver over verified credentials: what verifyEnvelope needs to check reviewers' records. */
export function credentialKeys(credentials: readonly VerifiedCredential[]): ResolveKey {
  const byKeyId = new Map(credentials.map((c) => [c.publicKey.keyId, c.publicKey]));
  return (keyId) => byKeyId.get(keyId) ?? null;
}

/**
 * The credential behind a record's signer: the one whose key signed it (same key id) and whose
 * subject is the person the record names. Refused when there is none, or when the key belongs
 * to someone else (a record cannot claim another person's name).
 */
export function signerCredential(record: SignedRecord, credentials: readonly VerifiedCredential[]): { ok: true; credential: VerifiedCredential } | { ok: false; reason: string; reasonZh: string } {
  const signer = recordSigner(record);
  const withKey = credentials.filter((c) => c.publicKey.keyId === signer.keyId);
  const match = withKey.find((c) => c.credential.subject.id === signer.id);
  if (match) return { ok: true, credential: match };
  if (withKey.length > 0) {
    const holder = withKey[0]!.credential.subject;
    return {
      ok: false,
      reason: `The record names ${signer.id} as its signer, but key ${signer.keyId} belongs to ${holder.id}.`,
      reasonZh: `记录署名为 ${signer.id}，但密钥 ${signer.keyId} 属于 ${holder.id}。`,
    };
  }
  return {
    ok: false,
    reason: `No valid credential holds key ${signer.keyId}, which signed this record for ${signer.id}.`,
    reasonZh: `没有任何有效凭证持有签署此记录的密钥 ${signer.keyId}（署名 ${signer.id}）。`,
  };
}
