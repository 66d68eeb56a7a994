/**
 * The append-only audit log in the main process (FORMATS.md §5): one hash-chained JSON line
 * per event in `audit/audit.jsonl`. An append is written and fsync'ed before it resolves, so
 * whoever awaits it (a reveal, a decision) acts only once the event is on disk. Appends are
 * serialised; on open the existing chain is verified and a broken log refuses to grow.
 */
import { open, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { hashEvent, verifyChain, type AuditAction, type AuditEvent } from '../../../shared/audit/chain';
import { ServiceError } from '../../../shared/ipc/result';

export type AuditInput = { actor: string; action: AuditAction; target: string; detail?: Record<string, unknown> };

export type AuditLog = {
  append(input: AuditInput): Promise<AuditEvent>;
  /** Every event, oldest first. */
  read(): Promise<AuditEvent[]>;
  /** Re-verifies the whole chain on disk. */
  verify(): Promise<boolean>;
  readonly file: string;
};

export async function openAuditLog(dataDir: string, now: () => Date = () => new Date()): Promise<AuditLog> {
  const dir = join(dataDir, 'audit');
  const file = join(dir, 'audit.jsonl');
  await mkdir(dir, { recursive: true });
  let text = '';
  try {
    text = await readFile(file, 'utf8');
  } catch {
    // No log yet: the chain starts at genesis.
  }
  const check = await verifyChain(text);
  if (!check.ok) {
    throw new ServiceError(
      'audit.chain-broken',
      `The audit log ${file} is damaged at line ${check.line}: ${check.reason}. The workstation will not add to a broken log; keep the file for the auditor and contact your administrator.`,
      { file, line: check.line },
    );
  }
  let seq = check.events;
  let head = check.head;
  let queue: Promise<unknown> = Promise.resolve();

  const appendOne = async (input: AuditInput): Promise<AuditEvent> => {
    const entry = {
      seq: seq + 1,
      prev: head,
      at: now().toISOString(),
      actor: input.actor,
      action: input.action,
      target: input.target,
      detail: JSON.parse(JSON.stringify(input.detail ?? {})) as AuditEvent['detail'],
    };
    const event: AuditEvent = { ...entry, hash: await hashEvent(entry) };
    const handle = await open(file, 'a');
    try {
      await handle.write(`${JSON.stringify(event)}\n`);
      await handle.sync();
    } finally {
      await handle.close();
    }
    seq = event.seq;
    head = event.hash;
    return event;
  };

  return {
    file,
    append(input) {
      const next = queue.then(() => appendOne(input));
      queue = next.catch(() => undefined);
      return next;
    },
    async verify() {
      await queue;
      return (await verifyChain(await readFile(file, 'utf8').catch(() => ''))).ok;
    },
    async read() {
      await queue;
      const content = await readFile(file, 'utf8').catch(() => '');
      return content
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as AuditEvent);
    },
  };
}

