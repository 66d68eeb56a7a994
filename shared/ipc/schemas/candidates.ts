/** Schemas of the candidate channels: the queue summary, the overview, and import progress. */
import { z } from 'zod';
import { Candidate, PRODUCT_KINDS } from '../../formats/candidate';
import { Sm3Digest } from '../../formats/common';

export const CandidateSummary = z.strictObject({
  id: z.string(),
  revision: z.number().int(),
  digest: Sm3Digest,
  productName: z.string(),
  kind: z.enum(PRODUCT_KINDS),
  operatorName: z.string(),
  scenarioId: z.string(),
  scenarioName: z.string(),
  recipientName: z.string(),
  submittedAt: z.string(),
  importedAt: z.string(),
  validFrom: z.string(),
  validTo: z.string(),
  fileCount: z.number().int(),
  totalBytes: z.number().int(),
  rawPackage: z.boolean(),
  backflowSources: z.number().int(),
  socialSources: z.number().int(),
});
export type CandidateSummary = z.output<typeof CandidateSummary>;

export const FileIntegrity = z.strictObject({
  path: z.string(),
  bytes: z.number().int(),
  /** Both digests were recomputed while copying into the store and matched the manifest. */
  sha256: z.enum(['verified']),
  sm3: z.enum(['verified']),
  verifiedAt: z.string(),
});

export const CandidateDetail = z.strictObject({
  summary: CandidateSummary,
  manifest: Candidate,
  integrity: z.array(FileIntegrity),
  source: z.strictObject({ kind: z.enum(['folder', 'zip']), name: z.string() }),
});
export type CandidateDetail = z.output<typeof CandidateDetail>;

export const ImportResult = z.strictObject({ summary: CandidateSummary });
export type ImportResult = z.output<typeof ImportResult>;

export const ImportProgress = z.strictObject({
  source: z.string(),
  phase: z.enum(['reading', 'verifying', 'storing', 'done', 'failed']),
  file: z.string().optional(),
  bytesDone: z.number().int(),
  bytesTotal: z.number().int(),
});
export type ImportProgress = z.output<typeof ImportProgress>;
