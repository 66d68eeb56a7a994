/**
 * Who signs on this workstation (issue 5): the authority whose credentials it trusts, the users
 * holding those credentials, the current user and whether their key is unlocked. Credentials
 * and the seal definition are signed records in the journal; the trust anchor is the
 * authority's public key in `<dataDir>/identity/authority.json`. The demo workspace's first run
 * creates a demo authority (样例), one user per role and the demo seal, every key encrypted
 * under the passphrase the user chooses. Unlocking, locking and wrong passphrases are the key
 * store's (audited, rate-limited, idle lock).
 */
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { CredentialRole } from '../../../shared/formats/policy';
import { parsePublicKeyPem, verifySignature, type PublicKey } from '../../../shared/crypto/signing';
import { verifyCredential, type VerifiedCredential } from '../../../shared/identity/credentials';
import type { Actor } from '../../../shared/identity/permission';
import type { IdentityStatus, UserSummary } from '../../../shared/ipc/schemas/identity';
import { ServiceError } from '../../../shared/ipc/result';
import { verifyEnvelope } from '../../../shared/records/envelope';
import type { Credential, Envelope, SealDefinition } from '../../../shared/records/schemas';
import { sealPicture } from '../../../shared/seal/seal-picture';
import type { AuditLog } from '../audit/audit-log';
import type { Journal } from '../journal/journal';
import type { KeyStore } from '../keys/key-store';
import type { Platform } from '../ports';
import { chinaDay } from '../../../shared/formats/china-day';

/** The demo authority and seal: every name says 样例 so nobody takes them for real ones. */
export const DEMO_AUTHORITY = { id: 'demo-authority', name: '浙江省数据局（样例）' } as const;
export const DEMO_SEAL = { esID: 'ZJ-DEMO-SEAL-0001', name: '浙江省公共数据授权运营合同专用章（样例）', code: '3300000000001' } as const;
export const DEMO_USERS: readonly { id: string; name: string; roles: CredentialRole[] }[] = [
  { id: 'demo-reviewer-a', name: '审核员甲（样例）', roles: ['reviewer'] },
  { id: 'demo-reviewer-b', name: '审核员乙（样例）', roles: ['reviewer', 'second-reviewer'] },
  { id: 'demo-expert', name: '专家丙（样例）', roles: ['expert'] },
  { id: 'demo-seal-approver', name: '用印审批人丁（样例）', roles: ['seal-approver'] },
  { id: 'demo-seal-custodian', name: '印章管理员戊（样例）', roles: ['seal-custodian'] },
  { id: 'demo-auditor', name: '审计员己（样例）', roles: ['auditor'] },
];
/** How long demo credentials and the demo seal are valid, in years from the first run. */
const DEMO_VALID_YEARS = 3;

const AuthorityFile = z.strictObject({ name: z.string().min(1), id: z.string().min(1), publicKeyPem: z.string().min(1), demo: z.boolean() });

/** A user this workstation can sign as: their verified credential, ready for the role rules. */
export type Signer = { actor: Actor; user: UserSummary; keyId: string; sign: (message: Uint8Array) => Uint8Array };

export type IdentityService = {
  status(): Promise<IdentityStatus>;
  setupDemo(passphrase: string): Promise<IdentityStatus>;
  switchUser(userId: string, passphrase: string): Promise<IdentityStatus>;
  lock(): Promise<IdentityStatus>;
  /** The current user with an unlocked key (`identity.locked` / `identity.no-user` otherwise). */
  signer(): Promise<Signer>;
  /** The current user (locked or not), or null. */
  currentActor(): Promise<Actor | null>;
  /** Every trusted credential (verified against the authority on `at`, YYYY-MM-DD). */
  credentials(at?: string): Promise<VerifiedCredential[]>;
  /** The authority's public key, or null before the first run. */
  authority(): Promise<PublicKey | null>;
  /** The seal definition (verified), or null. */
  seal(): Promise<{ envelope: Envelope<SealDefinition>; record: SealDefinition; svg: string } | null>;
};

export type IdentityDeps = {
  platform: Pick<Platform, 'dataDir' | 'emit' | 'log'>;
  journal: Journal;
  keys: KeyStore;
  audit: AuditLog;
  now?: () => Date;
};

export async function openIdentityService(deps: IdentityDeps): Promise<IdentityService> {
  const { platform, journal, keys, audit } = deps;
  const now = deps.now ?? (() => new Date());
  const dir = join(platform.dataDir, 'identity');
  await mkdir(dir, { recursive: true });
  const authorityPath = join(dir, 'authority.json');
  const currentPath = join(dir, 'current.json');
  const today = () => chinaDay(now());

  const readAuthority = async (): Promise<z.output<typeof AuthorityFile> | null> => {
    let text: string;
    try {
      text = await readFile(authorityPath, 'utf8');
    } catch {
      return null;
    }
    const parsed = AuthorityFile.safeParse(JSON.parse(text));
    if (!parsed.success) throw new ServiceError('identity.damaged', `The trusted authority file ${authorityPath} is damaged; restore it from a backup.`, { file: authorityPath });
    return parsed.data;
  };

  let currentUserId: string | null = null;
  try {
    currentUserId = (JSON.parse(await readFile(currentPath, 'utf8')) as { userId?: string }).userId ?? null;
  } catch {
    currentUserId = null;
  }

  const authority = async (): Promise<PublicKey | null> => {
    const file = await readAuthority();
    return file ? parsePublicKeyPem(file.publicKeyPem) : null;
  };

  /**
   * What was verified from the journal, kept while the journal file and the trusted authority
   * stay as they were: every view and signature asks who is who, and reading and verifying the
   * whole journal each time would be the same work over and over.
   */
  const memo = new Map<string, { state: string; value: unknown }>();
  const remembered = async <T>(name: string, key: PublicKey, work: () => Promise<T>, at = ''): Promise<T> => {
    const info = await stat(journal.file);
    const state = `${info.size}:${info.mtimeMs}:${key.keyId}:${at}`;
    const known = memo.get(name);
    if (known?.state === state) return known.value as T;
    const value = await work();
    memo.set(name, { state, value });
    return value;
  };

  const credentials = async (at = today()): Promise<VerifiedCredential[]> => {
    const key = await authority();
    if (!key) return [];
    return remembered('credentials', key, () => readCredentials(key, at), at);
  };

  const readCredentials = async (key: PublicKey, at: string): Promise<VerifiedCredential[]> => {
    const found = new Map<string, VerifiedCredential>();
    for await (const { envelope } of journal.read()) {
      if (envelope.record.format !== 'credential') continue;
      const verified = verifyCredential(JSON.stringify(envelope), { authority: key, verify: verifySignature, parsePublicKey: parsePublicKeyPem, at });
      // The latest valid credential of a subject counts.
      if (verified.ok) found.set(verified.credential.subject.id, verified);
    }
    return [...found.values()];
  };

  const summary = (c: VerifiedCredential): UserSummary => ({
    id: c.credential.subject.id,
    name: c.credential.subject.name,
    roles: [...c.credential.subject.roles],
    keyId: c.publicKey.keyId,
    alg: c.publicKey.alg,
    validFrom: c.credential.validFrom,
    validTo: c.credential.validTo,
  });

  const status = async (): Promise<IdentityStatus> => {
    const file = await readAuthority();
    const users = await credentials();
    const current = users.find((u) => u.credential.subject.id === currentUserId) ?? null;
    let lockAt: string | null = null;
    let unlocked = false;
    if (current) {
      const info = (await keys.list()).find((k) => k.keyId === current.publicKey.keyId);
      unlocked = info?.unlocked ?? false;
      lockAt = unlocked && info?.idleLockAt ? new Date(info.idleLockAt).toISOString() : null;
    }
    return {
      setUp: file !== null,
      demo: file?.demo ?? false,
      authority: file ? { name: file.name, keyId: parsePublicKeyPem(file.publicKeyPem).keyId } : null,
      users: users.map(summary),
      current: current ? { user: summary(current), unlocked, lockAt } : null,
    };
  };

  const changed = async () => {
    platform.emit('identity:changed', await status());
  };

  const setCurrent = async (userId: string | null) => {
    currentUserId = userId;
    const tmp = `${currentPath}.tmp`;
    await writeFile(tmp, JSON.stringify({ userId }));
    await rename(tmp, currentPath);
  };

  let settingUp = false;
  const setupDemo = async (passphrase: string): Promise<IdentityStatus> => {
    if ((await readAuthority()) !== null || settingUp) throw new ServiceError('identity.already-set-up', 'This workstation already has its authority and users.');
    settingUp = true;
    try {
      // Every key is encrypted under the passphrase with scrypt, which runs off the main thread:
      // the authority's and the users' keys are made at once.
      const [authorityKey, ...created] = await Promise.all([keys.create('SM2-SM3', passphrase), ...DEMO_USERS.map(() => keys.create('SM2-SM3', passphrase))]);
      await keys.unlock(authorityKey.keyId, passphrase, DEMO_AUTHORITY.id);
      const authoritySigner = keys.signer(authorityKey.keyId);
      const issuer = { id: DEMO_AUTHORITY.id, name: DEMO_AUTHORITY.name, keyId: authorityKey.keyId };
      const validFrom = today();
      const validTo = addYears(validFrom, DEMO_VALID_YEARS);
      const userKeys = new Map<string, PublicKey>(DEMO_USERS.map((user, i) => [user.id, created[i]!]));
      try {
        for (const user of DEMO_USERS) {
          const key = userKeys.get(user.id)!;
          await journal.appendNew<Credential>(
            {
              format: 'credential',
              formatVersion: 1,
              subject: { id: user.id, name: user.name, roles: user.roles },
              publicKey: key.pem,
              validFrom,
              validTo,
              signer: issuer,
            },
            authoritySigner,
          );
        }
        const custodian = DEMO_USERS.find((u) => u.roles.includes('seal-custodian'))!;
        const picture = sealPicture({ name: DEMO_SEAL.name, code: DEMO_SEAL.code });
        await journal.appendNew<SealDefinition>(
          {
            format: 'seal',
            formatVersion: 1,
            esID: DEMO_SEAL.esID,
            name: DEMO_SEAL.name,
            type: 'contract',
            owner: DEMO_AUTHORITY.name,
            custodians: [custodian.id],
            picture: { type: 'SVG', data: Buffer.from(picture.svg, 'utf8').toString('base64'), widthMm: 42, heightMm: 42 },
            validStart: validFrom,
            validEnd: validTo,
            signerKeyIds: [userKeys.get(custodian.id)!.keyId],
            signer: issuer,
          },
          authoritySigner,
        );
      } finally {
        await keys.lock(authorityKey.keyId, DEMO_AUTHORITY.id);
      }
      // The trust anchor last: until it exists the workstation is not set up, and a retry starts over.
      const tmp = `${authorityPath}.tmp`;
      await writeFile(tmp, JSON.stringify({ id: DEMO_AUTHORITY.id, name: DEMO_AUTHORITY.name, publicKeyPem: authorityKey.pem, demo: true }, null, 2));
      await rename(tmp, authorityPath);
      await audit.append({ actor: DEMO_AUTHORITY.id, action: 'sign', target: 'identity', detail: { what: 'demo authority, credentials and seal', users: DEMO_USERS.map((u) => u.id), authorityKeyId: authorityKey.keyId } });
    } finally {
      settingUp = false;
    }
    await changed();
    return status();
  };

  const switchUser = async (userId: string, passphrase: string): Promise<IdentityStatus> => {
    const users = await credentials();
    const target = users.find((u) => u.credential.subject.id === userId);
    if (!target) throw new ServiceError('identity.unknown-user', `There is no valid credential for the user "${userId}" on this workstation.`, { userId });
    // Throws keys.wrong-passphrase / keys.rate-limited (audited by the key store).
    await keys.unlock(target.publicKey.keyId, passphrase, userId);
    const previous = users.find((u) => u.credential.subject.id === currentUserId);
    if (previous && previous.publicKey.keyId !== target.publicKey.keyId) await keys.lock(previous.publicKey.keyId, previous.credential.subject.id);
    await setCurrent(userId);
    await changed();
    return status();
  };

  const lock = async (): Promise<IdentityStatus> => {
    const users = await credentials();
    const current = users.find((u) => u.credential.subject.id === currentUserId);
    if (current) await keys.lock(current.publicKey.keyId, current.credential.subject.id);
    await changed();
    return status();
  };

  const currentActor = async (): Promise<Actor | null> => {
    const current = (await credentials()).find((u) => u.credential.subject.id === currentUserId);
    return current ? current.actor : null;
  };

  const signer = async (): Promise<Signer> => {
    const current = (await credentials()).find((u) => u.credential.subject.id === currentUserId);
    if (!current) throw new ServiceError('identity.no-user', 'Choose who you are (a user with a credential) before signing.');
    const keyId = current.publicKey.keyId;
    if (!keys.isUnlocked(keyId)) throw new ServiceError('identity.locked', `The key of ${current.credential.subject.name} is locked; unlock it with the passphrase.`, { userId: current.credential.subject.id });
    return { actor: current.actor, user: summary(current), keyId, sign: (message) => keys.sign(keyId, message) };
  };

  const seal = async () => {
    const key = await authority();
    if (!key) return null;
    return remembered('seal', key, () => readSeal(key));
  };

  const readSeal = async (key: PublicKey) => {
    let found: { envelope: Envelope<SealDefinition>; record: SealDefinition; svg: string } | null = null;
    for await (const { envelope } of journal.read()) {
      if (envelope.record.format !== 'seal') continue;
      const verified = verifyEnvelope(JSON.stringify(envelope), (keyId) => (keyId === key.keyId ? key : null), verifySignature);
      if (!verified.ok || verified.record.format !== 'seal') continue;
      const record = verified.record;
      found = { envelope: envelope as Envelope<SealDefinition>, record, svg: record.picture.type === 'SVG' ? Buffer.from(record.picture.data, 'base64').toString('utf8') : '' };
    }
    return found;
  };

  return { status, setupDemo, switchUser, lock, signer, currentActor, credentials, authority, seal };
}

function addYears(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  // 29 February becomes 28 February in a year that has none.
  const end = new Date(Date.UTC(y + years, m - 1, d === 29 && m === 2 ? 28 : d));
  return end.toISOString().slice(0, 10);
}
