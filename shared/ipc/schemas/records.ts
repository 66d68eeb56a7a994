/**
 * Schemas of the records channel: the signed records this workstation journaled (its own
 * device's, in `seq` order) for the renderer's outbox — what sync will push to the central
 * system. Each envelope is the journal's line (JCS), so what is pushed is byte for byte what
 * was signed and fsynced.
 */
import { z } from 'zod';

export const RecordsSinceRequest = z.strictObject({
  /** The last `device.seq` the outbox holds; 0 for none. */
  afterSeq: z.number().int().min(0),
  limit: z.number().int().min(1).max(500),
});

export const JournaledRecord = z.strictObject({
  id: z.string(),
  seq: z.number().int().min(1),
  format: z.string(),
  createdAt: z.string(),
  /** The envelope as journaled: one line of canonical JSON. */
  envelope: z.string(),
});
export type JournaledRecord = z.output<typeof JournaledRecord>;

export const RecordsSince = z.strictObject({
  deviceId: z.string(),
  records: z.array(JournaledRecord),
  /** More records follow the last one returned. */
  hasMore: z.boolean(),
});
export type RecordsSince = z.output<typeof RecordsSince>;
