/**
 * Building blocks of the signed records of FORMATS.md §4: record ids (ULIDs), device
 * sequence numbers, key ids, people, references to candidates and policies, and the header
 * every record carries. Every object is strict: a verifier must not silently accept a field
 * nobody signed off on.
 */
import { z } from 'zod';
import { IsoDateTime, Sm3Digest, formatHeader } from '../formats/common';
import type { SignatureAlg } from './crypto-types';

/** The only user ID FORMATS.md allows for SM2 signatures (the GM/T 0009 default). */
export const SM2_USER_ID = '1234567812345678';

/** The `keyId` prefix of each algorithm: `sm2:` or `ed25519:` then 16 hex of sm3(SPKI DER). */
export const KEY_ID_PREFIX: Record<SignatureAlg, string> = { 'SM2-SM3': 'sm2', Ed25519: 'ed25519' };

/** A ULID in its canonical form: 26 Crockford base32 characters, upper case, time ≤ 2^48-1. */
export const RecordId = z.string().regex(/^[0-7][0-9A-HJKMNP-TV-Z]{25}$/, 'expected a ULID: 26 Crockford base32 characters in upper case (no I, L, O, U)');

/** `sm2:<16 hex>` or `ed25519:<16 hex>`, the first 16 hex digits of sm3 over the SPKI DER. */
export const KeyId = z.string().regex(/^(sm2|ed25519):[0-9a-f]{16}$/, 'expected a key id "sm2:<16 lowercase hex>" or "ed25519:<16 lowercase hex>"');

const Identifier = (what: string) =>
  z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/, `expected ${what}: letters, digits, ".", "_", "@" or "-", at most 64, starting with a letter or digit`);

/** A user id as the authority issues it in credentials (e.g. `reviewer-01`). */
export const UserId = Identifier('a user id');
/** A workstation's device id. */
export const DeviceId = Identifier('a device id');

// eslint-disable-next-line no-control-regex -- control characters are what we refuse
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex -- as above, line breaks included
const CONTROL_OR_BREAK = /[\u0000-\u001f\u007f]/;

/** A UTF-16 surrogate without its pair: no Unicode text, and RFC 8785 cannot canonicalize it. */
const LONE_SURROGATE = /\p{Cs}/u;

/** Free text up to `max` characters: line breaks and tabs allowed, other control characters not. */
export function Text(max: number) {
  return z
    .string()
    .max(max, { error: `at most ${max} characters` })
    .refine((s) => !CONTROL.test(s), 'contains a control character')
    .refine((s) => !LONE_SURROGATE.test(s), 'contains an unpaired surrogate (not Unicode text)');
}

/** Text that must say something (not empty, not only whitespace). */
export function RequiredText(max: number) {
  return Text(max).refine((s) => s.trim().length > 0, 'must not be empty');
}

/** A single-line label such as a person's or a document's name. */
export function Label(max: number) {
  return z
    .string()
    .min(1, 'must not be empty')
    .max(max, { error: `at most ${max} characters` })
    .refine((s) => !CONTROL_OR_BREAK.test(s), 'contains a control character or a line break')
    .refine((s) => !LONE_SURROGATE.test(s), 'contains an unpaired surrogate (not Unicode text)')
    .refine((s) => s.trim() === s, 'has leading or trailing whitespace');
}

/** `device: {id, seq}`: seq runs 1, 2, 3… without gaps per device (the journal allocates it). */
export const DeviceRef = z.strictObject({
  id: DeviceId,
  seq: z.number().int('expected a whole number').min(1, 'sequence numbers start at 1').max(Number.MAX_SAFE_INTEGER),
});

/** Who signed: their user id, name and the id of the key they signed with. */
export const Person = z.strictObject({ id: UserId, name: Label(100), keyId: KeyId });

/** Pins one revision of one export candidate by its digest (FORMATS.md §1). */
export const CandidateRef = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'expected a candidate id of letters, digits, ".", "_" or "-" (at most 64)'),
  revision: z.number().int().min(1),
  digest: Sm3Digest,
});

/** Pins one version of one export policy by its digest. */
export const PolicyRef = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'expected a policy id of letters, digits, ".", "_" or "-" (at most 64)'),
  version: z.number().int().min(1),
  digest: Sm3Digest,
});

/** The fields every record starts with: format, formatVersion 1, id, device and createdAt. */
export function recordHeader<F extends string>(format: F) {
  return {
    ...formatHeader(format, 1).shape,
    format: z.literal(format, { error: `expected format "${format}"` }),
    id: RecordId,
    device: DeviceRef,
    /** Informational only: records are never ordered by it. */
    createdAt: IsoDateTime,
  };
}

export type RecordId = z.output<typeof RecordId>;
export type DeviceRef = z.output<typeof DeviceRef>;
export type Person = z.output<typeof Person>;
export type CandidateRef = z.output<typeof CandidateRef>;
export type PolicyRef = z.output<typeof PolicyRef>;
