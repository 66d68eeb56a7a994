/**
 * The export candidate manifest (`candidate.json`, FORMATS.md §1) as a zod schema. Parsing
 * an `unknown` through it yields a typed manifest or issues that name the field path.
 */
import { z } from 'zod';
import { CreditCode, IsoDate, IsoDateTime, SafePath, Sha256Digest, Sm3Digest, formatHeader } from './common';

export const PRODUCT_KINDS = ['data-package', 'data-model', 'data-interface', 'data-service', 'data-report', 'business-service'] as const;
export const FILE_ROLES = ['data', 'report', 'model-card', 'api-spec', 'supporting'] as const;
export const DATA_CLASSES = ['public', 'personal', 'sensitive-personal', 'trade-secret', 'confidential-business', 'derived'] as const;
export const AUTH_LEVELS = ['province', 'city', 'county'] as const;

export const TABLE_MEDIA_TYPES = [
  'text/csv',
  'text/tab-separated-values',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/json',
  'application/x-ndjson',
] as const;

/** Every transform of FORMATS.md §1; parameterised ones are checked by shape. */
const TRANSFORM_PATTERN =
  /^(none|mask:\d{1,2},\d{1,2}|mask-name|generalize:[a-z0-9-]{1,40}|suppress|hmac-sm3|hmac-sha256|hash-sm3|hash-sha256|hash-md5|encrypt-sm4|tokenize|aggregate|noise)$/;

export const Transform = z
  .string()
  .regex(TRANSFORM_PATTERN, 'expected a transform of FORMATS.md §1 (none, mask:<head>,<tail>, mask-name, generalize:<how>, suppress, hmac-sm3, …)');

export const Field = z.object({
  name: z.string().min(1).max(200),
  dataset: z.string().min(1).max(100),
  type: z.string().min(1).max(40),
  class: z.enum(DATA_CLASSES),
  grade: z.number().int().min(1).max(4),
  transform: Transform,
});

export const Table = z.object({
  kind: z.enum(['microdata', 'aggregate']),
  sheet: z.string().min(1).max(200).optional(),
  quasiIdentifiers: z.array(z.string()).default([]),
  sensitive: z.array(z.string()).default([]),
  countColumn: z.string().nullable().default(null),
  magnitude: z
    .object({ totalColumn: z.string(), largestColumns: z.array(z.string()).min(1) })
    .nullable()
    .default(null),
  fields: z.array(Field).min(1),
});

export const CandidateFile = z.object({
  path: SafePath,
  role: z.enum(FILE_ROLES),
  mediaType: z.string().min(3).max(200),
  bytes: z.number().int().min(0),
  sha256: Sha256Digest,
  sm3: Sm3Digest,
  table: Table.optional(),
});

export const Source = z.object({
  datasetId: z.string().min(1).max(100),
  name: z.string().min(1).max(200),
  provider: z.string().min(1).max(200),
  level: z.enum(AUTH_LEVELS),
  backflow: z.boolean(),
  social: z.boolean(),
  approvalRef: z.string().min(1).max(200).nullable(),
});

export const ProcessingMethod = z.object({
  field: z.string().min(1),
  name: z.string().min(1),
  keyed: z.boolean(),
  reversible: z.boolean(),
});

export const Candidate = formatHeader('export-candidate', 1)
  .extend({
    id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'expected an id of letters, digits, ".", "_" or "-" (at most 64)'),
    revision: z.number().int().min(1),
    previousRevisionDigest: Sm3Digest.optional(),
    submittedAt: IsoDateTime,
    product: z.object({
      name: z.string().min(1).max(200),
      kind: z.enum(PRODUCT_KINDS),
      description: z.string().max(5000).default(''),
      rawPackage: z.boolean(),
    }),
    operator: z.object({ name: z.string().min(1).max(200), creditCode: CreditCode, contact: z.string().max(200).default('') }),
    authorization: z.object({
      agreementId: z.string().min(1).max(100),
      level: z.enum(AUTH_LEVELS),
      region: z.string().regex(/^\d{6}$/, 'expected a 6-digit administrative region code'),
      validFrom: IsoDate,
      validTo: IsoDate,
    }),
    scenario: z.object({ id: z.string().min(1).max(100), name: z.string().min(1).max(200), purpose: z.string().max(2000).default('') }),
    recipient: z.object({ name: z.string().min(1).max(200), creditCode: CreditCode }),
    sources: z.array(Source),
    processing: z.object({ methods: z.array(ProcessingMethod), trainedOnDesensitizedSample: z.boolean().optional() }),
    files: z.array(CandidateFile).min(1, 'a candidate lists at least one payload file'),
  })
  .superRefine((c, ctx) => {
    if (c.revision === 1 && c.previousRevisionDigest !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['previousRevisionDigest'], message: 'revision 1 has no previous revision' });
    }
    if (c.revision > 1 && c.previousRevisionDigest === undefined) {
      ctx.addIssue({ code: 'custom', path: ['previousRevisionDigest'], message: `revision ${c.revision} must name the digest of revision ${c.revision - 1}` });
    }
    if (c.authorization.validFrom > c.authorization.validTo) {
      ctx.addIssue({ code: 'custom', path: ['authorization', 'validTo'], message: 'the authorization ends before it starts' });
    }
    const seen = new Map<string, number>();
    c.files.forEach((file, index) => {
      const key = file.path.normalize('NFC').toLowerCase();
      const first = seen.get(key);
      if (first !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['files', index, 'path'], message: `duplicates files[${first}].path` });
      } else {
        seen.set(key, index);
      }
      if (file.role === 'data' && !file.table) {
        ctx.addIssue({ code: 'custom', path: ['files', index, 'table'], message: 'a data file must describe its table' });
      }
    });
  });

export type Candidate = z.output<typeof Candidate>;
export type CandidateFile = z.output<typeof CandidateFile>;
export type Field = z.output<typeof Field>;
export type ProductKind = (typeof PRODUCT_KINDS)[number];
