/**
 * Signing and verifying the envelopes of FORMATS.md §4: `{record, signature}` where the
 * signature covers the UTF-8 of JCS(record). Verification trusts nothing in the text: the JSON
 * is parsed strictly (duplicate keys refused), every field is checked against its schema, the
 * key must be one the caller trusts and match the signature's algorithm and the record's
 * signer, and only then is the signature checked. Each refusal names the field.
 */
import type { z } from 'zod';
import { canonicalize, canonicalSm3 } from '../formats/canonical';
import { parseStrictJson, StrictJsonError } from '../formats/strict-json';
import { decodeBase64, encodeBase64 } from './base64';
import { SM2_USER_ID } from './common';
import type { PrivateKeyHandle, ResolveKey, VerifyFn } from './crypto-types';
import { Envelope, SignedRecord, recordSigner, type Signature } from './schemas';

export type EnvelopeFailureCode =
  | 'encoding'
  | 'json'
  | 'schema'
  | 'unexpected-field'
  | 'user-id'
  | 'signature-encoding'
  | 'unknown-key'
  | 'key-mismatch'
  | 'alg-mismatch'
  | 'signer-mismatch'
  | 'bad-signature';

export type EnvelopeFailure = { ok: false; code: EnvelopeFailureCode; reason: string };
export type VerifiedEnvelope<R extends SignedRecord = SignedRecord> = { ok: true; envelope: Envelope<R>; record: R };
export type ParsedEnvelope = { ok: true; envelope: Envelope };

/** The bytes a signature covers: the UTF-8 of JCS(record). */
export function signedBytes(record: unknown): Uint8Array {
  return new TextEncoder().encode(canonicalize(record));
}

/**
 * Signs a record: checks it against its schema, checks the signer's key is the one the
 * record names (reviewer, expert, author or signer), and returns the envelope. Throws a
 * TypeError naming the problem rather than signing a record a verifier would refuse.
 */
export function signRecord<R extends SignedRecord>(record: R, signer: PrivateKeyHandle): Envelope<R> {
  const parsed = SignedRecord.safeParse(record);
  if (!parsed.success) throw new TypeError(`refusing to sign an invalid record: ${describeIssues(parsed.error, 'record')}`);
  const named = recordSigner(parsed.data);
  if (named.keyId !== signer.keyId) {
    throw new TypeError(`refusing to sign: the record names key ${named.keyId} for ${named.id}, but the signing key is ${signer.keyId}`);
  }
  const text = canonicalize(record);
  // The envelope carries exactly what was signed (no `undefined` members, no prototypes).
  const clean = JSON.parse(text) as R;
  const value = encodeBase64(signer.sign(new TextEncoder().encode(text)));
  const signature: Signature =
    signer.alg === 'SM2-SM3' ? { alg: signer.alg, keyId: signer.keyId, userId: SM2_USER_ID, value } : { alg: signer.alg, keyId: signer.keyId, value };
  const sigCheck = Envelope.shape.signature.safeParse(signature);
  if (!sigCheck.success) throw new TypeError(`the signer produced an unusable signature: ${describeIssues(sigCheck.error, 'signature')}`);
  return { record: clean, signature };
}

/**
 * Parses an envelope's text strictly and checks it against the schemas, without checking the
 * signature (the journal uses this to read back what it wrote; verification builds on it).
 */
export function parseEnvelope(text: string | Uint8Array): ParsedEnvelope | EnvelopeFailure {
  let json: string;
  if (typeof text === 'string') {
    json = text;
  } else {
    try {
      json = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(text);
    } catch {
      return { ok: false, code: 'encoding', reason: 'the envelope is not valid UTF-8' };
    }
  }
  if (json.startsWith('\uFEFF')) return { ok: false, code: 'json', reason: 'the envelope starts with a byte order mark; signed JSON is plain UTF-8 without one' };
  let raw: unknown;
  try {
    raw = parseStrictJson(json);
  } catch (error) {
    if (error instanceof StrictJsonError) return { ok: false, code: 'json', reason: `not valid JSON at line ${error.line}, column ${error.column}: ${error.message}` };
    return { ok: false, code: 'json', reason: 'not valid JSON' };
  }
  const parsed = Envelope.safeParse(raw);
  if (!parsed.success) return { ok: false, code: codeFor(parsed.error), reason: describeIssues(parsed.error) };
  // Keep the raw record: the signature covers what was written, and it is what we return.
  return { ok: true, envelope: raw as Envelope };
}

/**
 * Verifies an envelope: strict JSON, schema, trusted key, algorithm, signer and signature.
 * `resolveKey` returns the trusted public key for a key id (or null); `verify` is
 * shared/crypto/signing.ts's verifySignature or anything of its shape.
 */
export function verifyEnvelope(text: string | Uint8Array, resolveKey: ResolveKey, verify: VerifyFn): VerifiedEnvelope | EnvelopeFailure {
  const parsed = parseEnvelope(text);
  if (!parsed.ok) return parsed;
  const { envelope } = parsed;
  const { signature, record } = envelope;
  const key = resolveKey(signature.keyId);
  if (key === null) {
    return { ok: false, code: 'unknown-key', reason: `signature.keyId: ${signature.keyId} is not a key this verifier trusts (no credential or authority key has that id)` };
  }
  if (key.keyId !== signature.keyId) {
    return { ok: false, code: 'key-mismatch', reason: `signature.keyId: the envelope names ${signature.keyId} but the key found is ${key.keyId}` };
  }
  if (key.alg !== signature.alg) {
    return { ok: false, code: 'alg-mismatch', reason: `signature.alg: the envelope says ${signature.alg} but key ${key.keyId} is an ${key.alg} key` };
  }
  const signer = recordSigner(record);
  if (signer.keyId !== signature.keyId) {
    return {
      ok: false,
      code: 'signer-mismatch',
      reason: `record.${signerField(record)}.keyId: the record names key ${signer.keyId} for ${signer.id}, but it is signed with ${signature.keyId}`,
    };
  }
  let message: Uint8Array;
  try {
    message = signedBytes(record);
  } catch {
    return { ok: false, code: 'schema', reason: 'record: cannot be put in RFC 8785 canonical form, so no signature can cover it' };
  }
  let valid: boolean;
  try {
    valid = verify(key, message, decodeBase64(signature.value));
  } catch {
    valid = false;
  }
  if (!valid) {
    return {
      ok: false,
      code: 'bad-signature',
      reason: `signature.value: the signature does not match the record; a field of the record or the signature was changed after signing, or it was made with another key than ${signature.keyId}`,
    };
  }
  return { ok: true, envelope, record };
}

/** `sm3:<hex>` of JCS(envelope): how other records and the ledger refer to a signed record. */
export function recordDigest(envelope: Envelope): Promise<string> {
  return canonicalSm3(envelope);
}

/** The envelope as one line of canonical JSON (JCS), as the journal and bundles store it. */
export function envelopeLine(envelope: Envelope): string {
  return canonicalize(envelope);
}

function signerField(record: SignedRecord): string {
  switch (record.format) {
    case 'review-decision':
      return 'reviewer';
    case 'expert-opinion':
      return 'expert';
    case 'annotation':
      return 'author';
    case 'seal-request':
    case 'seal-approval':
    case 'seal-application':
    case 'reveal':
    case 'revocation':
    case 'audit-checkpoint':
    case 'seal':
    case 'credential':
      return 'signer';
  }
}

function codeFor(error: z.ZodError): EnvelopeFailureCode {
  const first = error.issues[0];
  if (!first) return 'schema';
  if (first.code === 'unrecognized_keys') return 'unexpected-field';
  const path = first.path.join('.');
  if (path === 'signature.userId') return 'user-id';
  if (path === 'signature.value') return 'signature-encoding';
  return 'schema';
}

/** "record.findings.block: …; signature.userId: …" — at most five issues, each naming its field. */
export function describeIssues(error: z.ZodError, prefix?: string): string {
  const parts = error.issues.slice(0, 5).map((issue) => {
    const path = formatPath(prefix ? [prefix, ...issue.path] : issue.path);
    if (issue.code === 'unrecognized_keys') {
      const keys = issue.keys.map((k) => `"${k}"`).join(', ');
      return `${path || 'envelope'}: unexpected field${issue.keys.length > 1 ? 's' : ''} ${keys}; a signed record carries only the fields of its format`;
    }
    return `${path || 'envelope'}: ${issue.message}`;
  });
  const more = error.issues.length - parts.length;
  return parts.join('; ') + (more > 0 ? `; and ${more} more` : '');
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}
