/**
 * The audit log's hash chain (FORMATS.md §5): each event is `{seq, prev, at, actor, action,
 * target, detail, hash}` with `hash = sm3(JCS(event without hash))` and `prev` the previous
 * event's hash (`sm3:000…0` for the first). Building and verifying the chain is pure, so the
 * app, the CLI (`review verify`) and an auditor's tooling all use the same code.
 */
import { z } from 'zod';
import { canonicalize } from '../formats/canonical';
import { parseStrictJson, StrictJsonError } from '../formats/strict-json';
import { sm3Digest } from '../crypto/digest';

export const GENESIS_HASH = `sm3:${'0'.repeat(64)}`;

export const AUDIT_ACTIONS = [
  'open',
  'import',
  'reveal',
  'decide',
  'sign',
  'seal',
  'annotate',
  'sync',
  'bundle-export',
  'bundle-import',
  'unlock',
  'lock',
  'login-failed',
  'scan',
  'acknowledge',
] as const;

const JsonValue: z.ZodType = z.lazy(() => z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(JsonValue), z.record(z.string(), JsonValue)]));

export const AuditEvent = z.strictObject({
  seq: z.number().int().min(1),
  prev: z.string().regex(/^sm3:[0-9a-f]{64}$/),
  at: z.string(),
  actor: z.string().min(1),
  action: z.enum(AUDIT_ACTIONS),
  target: z.string(),
  detail: z.record(z.string(), JsonValue),
  hash: z.string().regex(/^sm3:[0-9a-f]{64}$/),
});
export type AuditEvent = z.output<typeof AuditEvent>;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
export type AuditEntry = Omit<AuditEvent, 'hash'>;

/** The hash of an event: sm3 over JCS of every field but `hash`. */
export async function hashEvent(entry: AuditEntry): Promise<string> {
  const { seq, prev, at, actor, action, target, detail } = entry;
  return sm3Digest(new TextEncoder().encode(canonicalize({ seq, prev, at, actor, action, target, detail })));
}

export type ChainCheck = { ok: true; events: number; head: string } | { ok: false; line: number; reason: string };

/**
 * Verifies a whole log (JSON lines): each line parses strictly (no duplicate keys), sequence
 * numbers run 1, 2, 3… without gaps, each `prev` is the previous hash and each `hash` is right.
 */
export async function verifyChain(text: string): Promise<ChainCheck> {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  let prev = GENESIS_HASH;
  for (let i = 0; i < lines.length; i++) {
    const line = i + 1;
    let raw: unknown;
    try {
      raw = parseStrictJson(lines[i]!);
    } catch (error) {
      return { ok: false, line, reason: error instanceof StrictJsonError ? `not valid JSON: ${error.message}` : 'not valid JSON' };
    }
    const parsed = AuditEvent.safeParse(raw);
    if (!parsed.success) return { ok: false, line, reason: `not an audit event: ${parsed.error.issues[0]?.message ?? 'invalid'}` };
    const event = parsed.data;
    if (event.seq !== line) return { ok: false, line, reason: `expected seq ${line}, found ${event.seq}` };
    if (event.prev !== prev) return { ok: false, line, reason: 'prev does not match the previous event: an event was removed, inserted or changed' };
    if ((await hashEvent(event)) !== event.hash) return { ok: false, line, reason: 'hash does not match the event: the event was changed' };
    prev = event.hash;
  }
  return { ok: true, events: lines.length, head: prev };
}
