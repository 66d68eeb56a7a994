/**
 * Schemas of the `store:*` channels: whether the workspace's data key (which encrypts the
 * candidate payloads at rest) is unlocked, and the two requests that carry a passphrase —
 * the only messages in the contract that ever do. Passphrases are never logged or kept.
 */
import { z } from 'zod';

/** The longest passphrase accepted over IPC (scrypt takes any length; this bounds the request). */
export const MAX_PASSPHRASE_LENGTH = 1024;

/** An error as the result envelope carries it (code, English message, parameters). */
const Problem = z.strictObject({
  code: z.string().min(1),
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

/**
 * Where the workspace key stands. `unlocked`: the candidate store can be read and written.
 * `locked`: a key exists and must be unlocked (a passphrase, or the OS keychain when it comes
 * back). `needs-passphrase`: no key yet and no OS keychain, so the user must choose a
 * workspace passphrase before anything can be imported.
 */
export const StoreStatus = z.strictObject({
  state: z.enum(['unlocked', 'locked', 'needs-passphrase']),
  /** How the key is protected; null while there is no key, or its file cannot be read. */
  protection: z.enum(['secret-store', 'passphrase']).nullable(),
  /** After repeated wrong passphrases: seconds until the next attempt is accepted. */
  retryAfterSeconds: z.number().int().min(1).nullable(),
  /** Why the workspace could not be opened without the user (keychain unavailable, key file damaged), or null. */
  problem: Problem.nullable(),
  /** The shortest new passphrase accepted, in characters. */
  minPassphraseCharacters: z.number().int().min(1),
});
export type StoreStatus = z.output<typeof StoreStatus>;

/** Unlock with a passphrase; without one, a key kept in the OS keychain is tried again. */
export const StoreUnlockRequest = z.strictObject({
  passphrase: z.string().min(1).max(MAX_PASSPHRASE_LENGTH).optional(),
});

/** Choose the workspace passphrase (only while the state is `needs-passphrase`). */
export const StoreCreateRequest = z.strictObject({
  passphrase: z.string().min(1).max(MAX_PASSPHRASE_LENGTH),
});
