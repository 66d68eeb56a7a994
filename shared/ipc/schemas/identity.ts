/**
 * Schemas of the identity channels: who is signing on this workstation (a user holding a
 * credential issued by the authority, with roles), whether their key is unlocked, and the demo
 * workspace's first run, which creates a demo authority and one user per role.
 */
import { z } from 'zod';
import { CREDENTIAL_ROLES } from '../../formats/policy';

export const Role = z.enum(CREDENTIAL_ROLES);
export type Role = z.output<typeof Role>;

/** A user known to this workstation: their credential's subject and key. */
export const UserSummary = z.strictObject({
  id: z.string(),
  name: z.string(),
  roles: z.array(Role),
  keyId: z.string(),
  alg: z.enum(['SM2-SM3', 'Ed25519']),
  validFrom: z.string(),
  validTo: z.string(),
});
export type UserSummary = z.output<typeof UserSummary>;

export const IdentityStatus = z.strictObject({
  /** No authority and no user yet: the first run has not happened. */
  setUp: z.boolean(),
  /** The users and authority are the demo ones (（样例）), not issued by a real authority. */
  demo: z.boolean(),
  authority: z.strictObject({ name: z.string(), keyId: z.string() }).nullable(),
  users: z.array(UserSummary),
  /** The user signing now, and whether their key is unlocked (it locks itself after the idle time). */
  current: z.strictObject({ user: UserSummary, unlocked: z.boolean(), lockAt: z.string().nullable() }).nullable(),
});
export type IdentityStatus = z.output<typeof IdentityStatus>;

export const SetupDemoRequest = z.strictObject({
  /** Encrypts every demo user's private key (PKCS#8, scrypt + AES-256-GCM); at least 12 characters. */
  passphrase: z.string().min(12).max(1024),
});

export const SwitchUserRequest = z.strictObject({
  userId: z.string().min(1).max(64),
  passphrase: z.string().min(1).max(1024),
});
