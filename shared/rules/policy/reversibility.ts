/**
 * The raw-data and reversibility rules of RULES.md (§1(1), §5(5)): no raw package, no reversible
 * method or transform (SM4 encryption, tokenization, anything declared `reversible`), no unkeyed
 * hash of an enumerable identifier, and a warning for a column that looks like a digest without
 * a keyed transform declared. Pure: manifest, policy and column profiles in, findings out.
 * Actually recovering digest inputs (`reversible.recovered`) is the scan's job, not this one.
 */
import type { DetectorId } from '../../detect/types';
import type { Candidate, Field } from '../../formats/candidate';
import { makeFinding, sortFindings, type Finding } from '../../formats/findings';
import type { Policy } from '../../formats/policy';
import { tryParseTransform } from '../../mask/transform';
import type { ColumnProfile } from '../../profile/column-profile';
import { CLEAR_IDENTIFIERS } from '../intake-pii';
import { declaredFields, profileOf, scannedTables, tableLabel, tableLocation, type DeclaredField, type PolicyEvaluationOptions } from './options';
import { authorizedEntry, normaliseTransform } from './scope';

/** Grade from which a personal field in clear makes a row-level file a raw data package. */
export const RAW_GRADE = 3;
/** Share of non-null cells that must be digests before a column "looks like a digest". */
export const DIGEST_SHARE = 0.9;

const PERSONAL_CLASSES: ReadonlySet<Field['class']> = new Set(['personal', 'sensitive-personal']);
/** Detectors whose values come from a small, structured space: a dictionary of them is feasible. */
const ENUMERABLE_DETECTORS: ReadonlySet<DetectorId> = new Set([...CLEAR_IDENTIFIERS, 'uscc', 'cn-landline']);
/** Words of a method name that mean it can be undone by whoever holds the key or the table. */
const REVERSIBLE_WORDS = new Set(['encrypt', 'encrypted', 'encryption', 'sm4', 'sm2', 'aes', 'des', '3des', 'tripledes', 'rsa', 'fpe', 'tokenize', 'tokenise', 'tokenization', 'tokenisation', 'tokenized', 'base64', 'reversible']);
const REVERSIBLE_HAN = /加密|令牌|可逆|编码/;

type Kind = { kind: string; test: (tokens: ReadonlySet<string>, text: string) => boolean };

const some = (tokens: ReadonlySet<string>, words: readonly string[]) => words.some((w) => tokens.has(w));

/** Identifier kinds recognised from a field's name or type (`legal_rep_phone`, `idCardNo`, `身份证号`). */
const IDENTIFIER_KINDS: readonly Kind[] = [
  { kind: 'phone number', test: (t, s) => some(t, ['phone', 'mobile', 'tel', 'telephone', 'cellphone', 'msisdn', 'mobilephone']) || /手机|电话/.test(s) },
  { kind: 'resident ID number', test: (t, s) => some(t, ['idcard', 'idno', 'idnumber', 'sfz', 'sfzh', 'sfzhm', 'identity']) || (t.has('id') && some(t, ['card', 'no', 'number', 'num'])) || /身份证|证件号/.test(s) },
  { kind: 'bank card number', test: (t, s) => some(t, ['bankcard', 'cardno', 'iban']) || (t.has('card') && some(t, ['bank', 'no', 'number', 'num'])) || /银行卡|卡号/.test(s) },
  { kind: 'passport or permit number', test: (t, s) => some(t, ['passport', 'permit']) || /护照|通行证/.test(s) },
  { kind: 'vehicle plate', test: (t, s) => some(t, ['plate', 'plateno']) || /车牌/.test(s) },
  { kind: 'credit code', test: (t, s) => t.has('uscc') || (t.has('credit') && t.has('code')) || /信用代码/.test(s) },
  { kind: 'email address', test: (t, s) => some(t, ['email', 'mail']) || /邮箱/.test(s) },
  { kind: 'identifier', test: (t, s) => some(t, ['id', 'uid', 'uuid', 'no', 'num', 'number', 'code', 'key']) || /编号|号码|代码/.test(s) },
];

/** `legalRepPhone` / `legal-rep phone` → legal, rep, phone. */
function tokensOf(text: string): Set<string> {
  return new Set(
    text
      .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean),
  );
}

/** The identifier kind a name or type suggests, or null. */
export function identifierKind(text: string): string | null {
  const tokens = tokensOf(text);
  return IDENTIFIER_KINDS.find((k) => k.test(tokens, text))?.kind ?? null;
}

/**
 * Why a field's values are enumerable identifiers (a dictionary of all inputs is feasible), or
 * null: its name or type says so, the scan found identifiers in it, or its digests are
 * near-unique over personal information (one digest per person).
 */
export function enumerableReason(field: Pick<Field, 'name' | 'type' | 'class'>, profile: ColumnProfile | undefined): string | null {
  const byName = identifierKind(field.name);
  if (byName) return `its name says it is a ${byName}`;
  const byType = identifierKind(field.type);
  if (byType) return `its type "${field.type}" says it is a ${byType}`;
  if (profile) {
    const hits = profile.detected.filter((d) => d.count > 0 && ENUMERABLE_DETECTORS.has(d.detector)).map((d) => d.detector);
    if (hits.length > 0) return `the scan found ${hits.join(', ')} values in it`;
    if (PERSONAL_CLASSES.has(field.class) && profile.digest.nearUnique && profile.digest.share >= DIGEST_SHARE) {
      return `it is ${field.class} information and its digests are near-unique, one per person, as digests of an identifier are`;
    }
  }
  return null;
}

/** The hash a method name stands for when it is an unkeyed digest (`MD5`, `SHA-256`, `hash-sm3`), or null. */
function unkeyedHashName(name: string): string | null {
  const compact = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  const m = /^(?:hash)?(md5|sha1|sha256|sha512|sm3)$/.exec(compact);
  return m ? m[1]! : null;
}

/**
 * Whether a declared field can be undone: its transform is `encrypt-sm4` or `tokenize`, or a
 * processing method of the field is reversible — what `reversible.declared` fires on.
 */
export function fieldReversible(manifest: Candidate, field: { name: string; transform: string }): boolean {
  const parsed = tryParseTransform(normaliseTransform(field.transform) ?? field.transform);
  if (parsed?.kind === 'encrypt-sm4' || parsed?.kind === 'tokenize') return true;
  return manifest.processing.methods.some((m) => m.field === field.name && reversibleMethodReason(m) !== null);
}

/** Why a processing method is reversible, or null. */
function reversibleMethodReason(method: Candidate['processing']['methods'][number]): string | null {
  if (method.reversible) return 'it is declared reversible';
  const transform = normaliseTransform(method.name.replace(/[\s_]+/g, '-'));
  const words = tokensOf(method.name);
  if (transform === 'encrypt-sm4' || transform === 'tokenize' || [...words].some((w) => REVERSIBLE_WORDS.has(w)) || REVERSIBLE_HAN.test(method.name)) {
    return `"${method.name}" can be undone by whoever holds the key or the token table`;
  }
  return null;
}

/** Evaluates `export.raw-package` and `reversible.declared`, `.unkeyed-hash`, `.digest-undeclared`. */
export function evaluateReversibility(manifest: Candidate, policy: Policy, options: Omit<PolicyEvaluationOptions, 'asOf'> = {}): Finding[] {
  const tables = scannedTables(manifest, options.profiles);
  const findings: Finding[] = [...rawPackage(manifest, policy)];
  /** `file\0sheet\0column` of columns a reversible finding already covers. */
  const covered = new Set<string>();
  const key = (file: string, sheet: string | undefined, column: string) => `${file}\u0000${sheet ?? ''}\u0000${column}`;
  const hashedFields = new Set<string>();

  for (const d of declaredFields(manifest)) {
    const { field } = d;
    const sheet = d.file.table?.sheet;
    const where = { ...tableLocation(d.file.path, sheet), column: field.name, field: `${d.path}.transform` };
    const label = `Field "${field.name}" of ${tableLabel(d.file.path, sheet)}`;
    const parsed = tryParseTransform(normaliseTransform(field.transform) ?? field.transform);
    const allows = policyAllows(policy, d);
    if (parsed?.kind === 'encrypt-sm4' || parsed?.kind === 'tokenize') {
      const how = parsed.kind === 'encrypt-sm4' ? 'SM4 encryption is undone by whoever holds the key' : 'tokens are undone by whoever holds the token table';
      findings.push(makeFinding('reversible.declared', `${label} is declared "${field.transform}": ${how}, so the raw values can be restored (§5(5)); ${allows}.`, where));
      covered.add(key(d.file.path, sheet, field.name));
      continue;
    }
    if (parsed?.kind === 'hash') {
      const reason = enumerableReason(field, profileOf(tables, d));
      if (reason) {
        findings.push(
          makeFinding(
            'reversible.unkeyed-hash',
            `${label} is declared "${field.transform}", an unkeyed hash, and ${reason}: hashing every possible value recovers the inputs (§5(5)); use a keyed hmac-sm3 or hmac-sha256 — ${allows}.`,
            where,
          ),
        );
        covered.add(key(d.file.path, sheet, field.name));
        hashedFields.add(field.name);
      }
    }
  }

  manifest.processing.methods.forEach((method, index) => {
    const at = `processing.methods[${index}]`;
    const reversible = reversibleMethodReason(method);
    if (reversible) {
      findings.push(
        makeFinding('reversible.declared', `Processing method "${method.name}" for field "${method.field}" is reversible: ${reversible}, so the raw values can be restored (§5(5)). Only irreversible methods (keyed HMAC, masking, generalization, aggregation) may leave.`, {
          field: method.reversible ? `${at}.reversible` : `${at}.name`,
        }),
      );
      return;
    }
    const hash = unkeyedHashName(method.name);
    if (!hash || method.keyed || hashedFields.has(method.field)) return;
    const fields = declaredFields(manifest).filter((d) => d.field.name === method.field);
    const reason =
      fields.map((d) => enumerableReason(d.field, profileOf(tables, d))).find((r) => r !== null) ??
      (identifierKind(method.field) ? `its name says it is a ${identifierKind(method.field)!}` : null);
    if (!reason) return;
    findings.push(
      makeFinding('reversible.unkeyed-hash', `Processing method "${method.name}" hashes field "${method.field}" without a key, and ${reason}: hashing every possible value recovers the inputs (§5(5)); use a keyed HMAC-SM3.`, {
        field: `${at}.keyed`,
      }),
    );
  });

  for (const table of tables) {
    if (table.fileIndex === undefined) continue;
    for (const profile of table.entry.profiles) {
      const { digest } = profile;
      if (!digest.nearUnique || digest.count === 0 || digest.share < DIGEST_SHARE) continue;
      if (covered.has(key(table.entry.file, table.sheet, profile.name))) continue;
      const declared = table.fields.find((d) => d.field.name === profile.name);
      const transform = declared?.field.transform;
      if (transform !== undefined && tryParseTransform(normaliseTransform(transform) ?? transform)?.kind === 'hmac') continue;
      const algorithms = digest.algorithms.length > 0 ? ` (${digest.algorithms.join('/')} length)` : '';
      const what = transform === undefined ? 'is not declared in candidate.json' : `is declared "${transform}"`;
      findings.push(
        makeFinding(
          'reversible.digest-undeclared',
          `Column "${profile.name}" of ${tableLabel(table.entry.file, table.sheet)} looks like a digest${algorithms} — ${Math.round(digest.share * 100)}% of cells, near-unique — but ${what}, not a keyed hmac-sm3 or hmac-sha256; an unkeyed digest of an identifier can be reversed. Declare how it was made.`,
          { ...tableLocation(table.entry.file, table.sheet), column: profile.name, ...(declared ? { field: `${declared.path}.transform` } : {}) },
          { count: digest.count },
        ),
      );
    }
  }
  return sortFindings(findings);
}

/** What the policy accepts for a field, for messages. */
function policyAllows(policy: Policy, d: DeclaredField): string {
  const entry = authorizedEntry(policy, d.field.dataset, d.field.name);
  return entry ? `the policy accepts ${entry.requiredTransform.map((t) => `"${t}"`).join(' or ')}` : 'the policy does not authorize the field';
}

function rawPackage(manifest: Candidate, policy: Policy): Finding[] {
  const findings: Finding[] = [];
  if (manifest.product.rawPackage) {
    findings.push(
      makeFinding('export.raw-package', `The product "${manifest.product.name}" is declared a raw data package (product.rawPackage is true); raw data may not leave the domain (§1(1), §5(5)).`, {
        field: 'product.rawPackage',
      }),
    );
  }
  for (const d of declaredFields(manifest)) {
    const { field } = d;
    const table = d.file.table;
    if (d.file.role !== 'data' || table?.kind !== 'microdata') continue;
    if (!PERSONAL_CLASSES.has(field.class) || field.grade < RAW_GRADE || normaliseTransform(field.transform) !== 'none') continue;
    findings.push(
      makeFinding(
        'export.raw-package',
        `Field "${field.name}" of ${tableLabel(d.file.path, table.sheet)} is grade-${field.grade} ${field.class} information at row level with transform "none": the file exports raw personal records (§5(5)); ${policyAllows(policy, d)}.`,
        { ...tableLocation(d.file.path, table.sheet), column: field.name, field: `${d.path}.transform` },
      ),
    );
  }
  return findings;
}
