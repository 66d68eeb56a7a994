/**
 * The journal of signed records in the main process (DESIGN.md principle 3): every envelope
 * this workstation signs is one line of canonical JSON in `journal/records.jsonl`, written and
 * fsync'ed before the append resolves, so the UI reports success only for what is on disk.
 * Each record's `device.seq` is allocated at append time under one lock and only counts once
 * its line is durable: a failed signing or a crash before the write leaves no gap. On open
 * the journal is read back strictly; a torn last line (crash mid-write) is cut off and kept
 * aside, a damaged line before it stops the journal with its line number.
 */
import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { monotonicFactory } from 'ulid';
import { completeRecord, type RecordDraft } from '../../../shared/records/draft';
import { envelopeLine, parseEnvelope, signRecord } from '../../../shared/records/envelope';
import type { PrivateKeyHandle } from '../../../shared/records/crypto-types';
import { DeviceId, type Envelope, type SignedRecord } from '../../../shared/records/schemas';
import { ServiceError } from '../../../shared/ipc/result';
import type { Logger } from '../log';
import { appendAt, completeLength, ensureFile, readLines, truncateTornTail } from './journal-file';
import { isoWithOffset } from './local-time';

export type JournalEntry = { line: number; envelope: Envelope };

export type Journal = {
  readonly file: string;
  readonly deviceId: string;
  /** The last sequence number on disk for a device (this one by default); 0 when it has none. */
  lastSeq(deviceId?: string): number;
  /**
   * Completes `draft` with a new ULID, this device's next seq and `createdAt`, signs it with
   * `signer`, appends it and fsyncs; resolves with the envelope once it is durable. A draft
   * that fails its schema or a signer that throws uses up nothing.
   */
  appendNew<R extends SignedRecord>(draft: RecordDraft<R>, signer: PrivateKeyHandle): Promise<Envelope<R>>;
  /** Appends an envelope signed elsewhere; its `device.seq` must be the next for its device and its id new. */
  append(envelope: Envelope): Promise<JournalEntry>;
  /** Streams every entry, oldest first, parsed strictly; waits for appends in flight. */
  read(): AsyncGenerator<JournalEntry>;
};

export type JournalOptions = {
  /** The workspace; the journal lives in `<dataDir>/journal/records.jsonl`. */
  dataDir: string;
  /** This workstation's device id. */
  deviceId: string;
  log: Logger;
  now?: () => Date;
  /** Record ids; a monotonic ULID factory by default. */
  newId?: () => string;
};

export async function openJournal(options: JournalOptions): Promise<Journal> {
  const { dataDir, deviceId, log } = options;
  if (!DeviceId.safeParse(deviceId).success) throw new TypeError(`not a usable device id: ${JSON.stringify(deviceId)}`);
  const now = options.now ?? (() => new Date());
  const newId = options.newId ?? monotonicFactory();
  const dir = join(dataDir, 'journal');
  const file = join(dir, 'records.jsonl');
  await mkdir(dir, { recursive: true });
  await ensureFile(file);

  let size = (await stat(file)).size;
  const complete = await completeLength(file, size);
  if (complete < size) {
    const kept = await truncateTornTail(file, complete, size, now().toISOString());
    log.warn('Journal ended with an incomplete line left by an interrupted write; cut it off. That record was never reported as saved and its sequence number will be used again.', {
      file,
      tornBytes: size - complete,
      keptAs: kept,
    });
    size = complete;
  }

  const lastSeqs = new Map<string, number>();
  const ids = new Set<string>();
  let lineCount = 0;
  for await (const entry of entries(file, size)) {
    admit(entry.envelope, entry.line);
    lineCount = entry.line;
  }

  /** Checks that `envelope` continues its device's sequence and is new; names the line when it is on disk already. */
  function admissionProblem(envelope: Envelope): { code: string; message: string } | null {
    const { id, device } = envelope.record;
    const expected = (lastSeqs.get(device.id) ?? 0) + 1;
    if (device.seq !== expected) {
      return {
        code: device.seq < expected ? 'journal.duplicate-seq' : 'journal.seq-gap',
        message: `device ${device.id} seq ${device.seq} where ${expected} comes next (${device.seq < expected ? 'already used' : 'a gap'})`,
      };
    }
    if (ids.has(id)) return { code: 'journal.duplicate-id', message: `record id ${id} is already in the journal` };
    return null;
  }

  function admit(envelope: Envelope, line: number): void {
    const problem = admissionProblem(envelope);
    if (problem) {
      throw new ServiceError(
        problem.code,
        `The journal ${file} is damaged at line ${line}: ${problem.message}. The workstation will not add to it; keep the file for the auditor and contact your administrator.`,
        { file, line },
      );
    }
    lastSeqs.set(envelope.record.device.id, envelope.record.device.seq);
    ids.add(envelope.record.id);
  }

  let broken: Error | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  /** Runs `task` after every earlier one: the lock under which seqs are allocated and lines written. */
  const locked = <T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.then(task);
    queue = next.catch(() => undefined);
    return next;
  };

  const write = async (envelope: Envelope): Promise<JournalEntry> => {
    if (broken) throw new ServiceError('journal.broken', `The journal ${file} could not be repaired after a failed write (${broken.message}); restart the workstation.`, { file });
    const checked = parseEnvelope(envelopeLine(envelope));
    if (!checked.ok) throw new ServiceError('journal.invalid-record', `Refusing to journal an invalid envelope: ${checked.reason}`, { reason: checked.code });
    const problem = admissionProblem(envelope);
    if (problem) throw new ServiceError(problem.code, `Refusing to journal the record: ${problem.message}.`, { file });
    const bytes = Buffer.from(`${envelopeLine(envelope)}\n`, 'utf8');
    try {
      await appendAt(file, size, bytes);
    } catch (error) {
      if (error instanceof AggregateError) broken = error;
      log.error('Journal append failed; nothing was recorded', { file, error: error instanceof Error ? error : new Error(String(error)) });
      throw new ServiceError('journal.write-failed', `The record could not be written to the journal ${file}; nothing was saved. Check the disk and try again.`, { file });
    }
    size += bytes.length;
    admit(envelope, lineCount + 1);
    lineCount += 1;
    return { line: lineCount, envelope };
  };

  return {
    file,
    deviceId,
    lastSeq: (device = deviceId) => lastSeqs.get(device) ?? 0,
    appendNew<R extends SignedRecord>(draft: RecordDraft<R>, signer: PrivateKeyHandle) {
      return locked(async () => {
        const record = completeRecord<R>(draft, {
          id: newId(),
          device: { id: deviceId, seq: (lastSeqs.get(deviceId) ?? 0) + 1 },
          createdAt: isoWithOffset(now()),
        });
        const envelope = signRecord(record, signer);
        await write(envelope);
        return envelope;
      });
    },
    append(envelope) {
      return locked(() => write(envelope));
    },
    async *read() {
      const end = await locked(() => Promise.resolve(size));
      yield* entries(file, end);
    },
  };
}

/** Parses every complete line up to `end`; a line that does not parse stops with its number. */
async function* entries(file: string, end: number): AsyncGenerator<JournalEntry> {
  for await (const { line, bytes } of readLines(file, end)) {
    const parsed = parseEnvelope(bytes);
    if (!parsed.ok) {
      throw new ServiceError(
        'journal.corrupt',
        `The journal ${file} is damaged at line ${line}: ${parsed.reason}. The workstation will not add to it; keep the file for the auditor and contact your administrator.`,
        { file, line },
      );
    }
    yield { line, envelope: parsed.envelope };
  }
}
