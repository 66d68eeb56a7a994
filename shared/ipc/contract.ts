/**
 * The one IPC contract: every channel (`domain:verb`) with its request and response
 * schema, and every event a subscription can receive. The preload bridge, the main-process
 * registrar and the browser-host bridge are all generated from these two tables; nothing
 * else defines a channel.
 */
import { z } from 'zod';
import { CandidateDetail, CandidateSummary, ImportProgress, ImportResult } from './schemas/candidates';
import { AppInfo, Settings, SettingsPatch } from './schemas/app';
import { ColumnProfile } from '../profile/column-profile';
import { AuditEvent } from '../audit/chain';
import { CandidateRef, MaskedRows, MaskedText, PreviewOverview, RevealRequest, RevealResult, ScanProgress, TableRef } from './schemas/preview';
import { StoreCreateRequest, StoreStatus, StoreUnlockRequest } from './schemas/store';
import { AcknowledgeRequest, ConformanceRequest, ConformanceRows, ConformanceSummary, FindingsView, RevisionDiff, ScopeDiff } from './schemas/review';
import { IdentityStatus, SetupDemoRequest, SwitchUserRequest } from './schemas/identity';
import { DecisionView, RevokeRequest, SignDecisionRequest } from './schemas/decisions';
import { RecordsSince, RecordsSinceRequest } from './schemas/records';
import { LedgerRow, SealApplyRequest, SealApproveRequest, SealDocument, SealDocumentRequest, SealRequestRequest, SealView } from './schemas/seal';

const Empty = z.strictObject({});

const CandidateKey = z.strictObject({
  id: z.string().min(1).max(64),
  revision: z.number().int().min(1).max(100_000),
});

export const channels = {
  'app:info': { request: Empty, response: AppInfo },
  'settings:get': { request: Empty, response: Settings },
  'settings:update': { request: SettingsPatch, response: Settings },
  /** Whether the workspace key (which encrypts the candidate store) is unlocked. */
  'store:status': { request: Empty, response: StoreStatus },
  /** Unlocks the workspace; wrong passphrases are audited and rate-limited. The passphrase is never logged or kept. */
  'store:unlock': { request: StoreUnlockRequest, response: StoreStatus },
  /** Sets the workspace passphrase when there is no key and no OS keychain; the workspace is then unlocked. */
  'store:create': { request: StoreCreateRequest, response: StoreStatus },
  'candidates:list': { request: Empty, response: z.array(CandidateSummary) },
  'candidates:get': { request: CandidateKey, response: CandidateDetail },
  /** Asks main to show the platform's open dialog; `null` when the user cancelled. */
  'candidates:choose-package': {
    request: z.strictObject({ kind: z.enum(['folder', 'zip']) }),
    response: z.strictObject({ path: z.string().nullable() }),
  },
  'candidates:import': {
    request: z.strictObject({ path: z.string().trim().min(1).max(4096) }),
    response: ImportResult,
  },
  'scan:start': { request: CandidateRef, response: ScanProgress },
  'scan:cancel': { request: CandidateRef, response: ScanProgress },
  'scan:status': { request: CandidateRef, response: ScanProgress },
  'preview:overview': { request: CandidateRef, response: PreviewOverview },
  /** Masked rows `from … from+count-1` of a table (at most 500 at a time). */
  'preview:rows': {
    request: TableRef.extend({ from: z.number().int().min(1), count: z.number().int().min(1).max(500) }),
    response: MaskedRows,
  },
  /** A scanned table's column profiles (counts and row numbers, no values) and when its scan finished. */
  'preview:profiles': { request: TableRef, response: z.strictObject({ profiles: z.array(ColumnProfile), scannedAt: z.string() }) },
  'preview:text': { request: CandidateRef.extend({ file: z.string().min(1).max(1024) }), response: MaskedText },
  /** Original values of some cells, for this view only; audited before they are returned. */
  'preview:reveal': { request: RevealRequest, response: RevealResult },
  /** The findings of a scanned revision (FORMATS.md §3) with their keys and acknowledgements. */
  'findings:get': { request: CandidateRef, response: FindingsView },
  /** Acknowledges a non-blocking finding with a justification (audited); a blocking one is refused. */
  'findings:acknowledge': { request: AcknowledgeRequest, response: FindingsView },
  /** The candidate's fields beside the policy's authorized fields. */
  'review:scope': { request: CandidateRef, response: ScopeDiff },
  /** Per-column conformance counts of a table against the policy's required transforms. */
  'review:conformance-summary': { request: TableRef, response: ConformanceSummary },
  /** A column's values beside the form the policy requires, masked, from a row on. */
  'review:conformance': { request: ConformanceRequest, response: ConformanceRows },
  /** Revision N−1 beside N: the manifest field by field, tables by key, texts line by line (masked). */
  'review:revision-diff': { request: CandidateRef, response: RevisionDiff },
  /** Who signs on this workstation: the users holding credentials, the current one, whether their key is unlocked. */
  'identity:status': { request: Empty, response: IdentityStatus },
  /** First run of the demo workspace: a demo authority, one credential per role and the demo seal (all marked 样例). */
  'identity:setup-demo': { request: SetupDemoRequest, response: IdentityStatus },
  /** Switches to a user and unlocks their key; wrong passphrases are audited and rate-limited. */
  'identity:switch': { request: SwitchUserRequest, response: IdentityStatus },
  /** Locks the current user's key (it also locks itself after the idle time). */
  'identity:lock': { request: Empty, response: IdentityStatus },
  /** The decision form's prefill, what a decision would pin, the decisions so far (blinded where due) and what the current user may do. */
  'decision:view': { request: CandidateRef, response: DecisionView },
  /** Signs a decision in main and appends it to the journal (fsync) before answering. */
  'decision:sign': { request: SignDecisionRequest, response: DecisionView },
  /** Signs a revocation withdrawing an approval. */
  'decision:revoke': { request: RevokeRequest, response: DecisionView },
  /** The seal, the candidate's seal requests with their approvals and applications, and what the current user may do. */
  'seal:view': { request: CandidateRef, response: SealView },
  /** Requests the seal for the decision document (出域审核意见书) of the candidate's final decision. */
  'seal:request': { request: SealRequestRequest, response: SealView },
  /** A seal approver approves or denies a request. */
  'seal:approve': { request: SealApproveRequest, response: SealView },
  /** The seal custodian applies the seal: the sealed PDF, its application record and the next ledger number. */
  'seal:apply': { request: SealApplyRequest, response: SealView },
  /** The sealed PDF of an application. */
  'seal:document': { request: SealDocumentRequest, response: SealDocument },
  /** The seal-use ledger (用印登记), oldest first. */
  'seal:ledger': { request: Empty, response: z.strictObject({ rows: z.array(LedgerRow) }) },
  /** The ledger as CSV (UTF-8 with BOM, so spreadsheet programs read the Chinese). */
  'seal:ledger-csv': { request: Empty, response: z.strictObject({ fileName: z.string(), csv: z.string() }) },
  /** This workstation's signed records after a `device.seq`, as journaled (for the outbox sync pushes from). */
  'records:since': { request: RecordsSinceRequest, response: RecordsSince },
  /** The latest audit events (they hold cell positions and reasons, never revealed values) and whether the chain verifies. */
  'audit:recent': {
    request: z.strictObject({ limit: z.number().int().min(1).max(500) }),
    response: z.strictObject({ events: z.array(AuditEvent), total: z.number().int(), chainValid: z.boolean() }),
  },
  'shell:open-external': {
    request: z.strictObject({ url: z.string().max(2048) }),
    response: z.strictObject({ opened: z.boolean() }),
  },
} as const;

export const events = {
  'candidates:import-progress': ImportProgress,
  'candidates:changed': z.strictObject({ reason: z.enum(['import', 'demo']) }),
  'settings:changed': Settings,
  'store:changed': StoreStatus,
  'scan:progress': ScanProgress,
  /** Findings of a revision changed (a scan finished, a finding was acknowledged). */
  'findings:changed': CandidateRef,
  /** The current user or their lock changed (a switch, a lock, the idle lock). */
  'identity:changed': IdentityStatus,
  /** Decisions or seal records of a revision changed. */
  'decision:changed': CandidateRef,
} as const;

export type ChannelDef = { request: z.ZodType; response: z.ZodType };
export type Channels = typeof channels;
export type Events = typeof events;
export type ChannelName = keyof Channels;
export type EventName = keyof Events;
export type RequestOf<C extends ChannelName> = z.input<Channels[C]['request']>;
export type ParsedRequestOf<C extends ChannelName> = z.output<Channels[C]['request']>;
export type ResponseOf<C extends ChannelName> = z.output<Channels[C]['response']>;
export type EventPayloadOf<E extends EventName> = z.output<Events[E]>;

export const channelNames = Object.keys(channels) as ChannelName[];
export const eventNames = Object.keys(events) as EventName[];

export function isChannelName(name: string): name is ChannelName {
  return Object.hasOwn(channels, name);
}

export function isEventName(name: string): name is EventName {
  return Object.hasOwn(events, name);
}
