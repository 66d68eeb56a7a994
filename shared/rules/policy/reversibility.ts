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
import { DATA_CLASS_NAMES_ZH, detectorNameZh, joinZh, tableLabelZh } from '../messages-zh';
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

/** The identifier kinds of `IDENTIFIER_KINDS` in Chinese, for `messageZh`. */
const IDENTIFIER_KINDS_ZH: Readonly<Record<string, string>> = {
  'phone number': '电话号码',
  'resident ID number': '居民身份证号',
  'bank card number': '银行卡号',
  'passport or permit number': '护照或通行证号',
  'vehicle plate': '车牌号',
  'credit code': '统一社会信用代码',
  'email address': '电子邮箱',
  identifier: '标识符',
};

/** A message part in English and in Chinese. */
type Bilingual = { en: string; zh: string };

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
  return enumerableReasons(field, profile)?.en ?? null;
}

/** `enumerableReason` in English and Chinese. */
function enumerableReasons(field: Pick<Field, 'name' | 'type' | 'class'>, profile: ColumnProfile | undefined): Bilingual | null {
  const byName = identifierKind(field.name);
  if (byName) return namedKind(byName);
  const byType = identifierKind(field.type);
  if (byType) return { en: `its type "${field.type}" says it is a ${byType}`, zh: `其类型“${field.type}”表明它是${IDENTIFIER_KINDS_ZH[byType] ?? byType}` };
  if (profile) {
    const hits = profile.detected.filter((d) => d.count > 0 && ENUMERABLE_DETECTORS.has(d.detector)).map((d) => d.detector);
    if (hits.length > 0) return { en: `the scan found ${hits.join(', ')} values in it`, zh: `扫描在其中发现了${joinZh(hits.map(detectorNameZh))}` };
    if (PERSONAL_CLASSES.has(field.class) && profile.digest.nearUnique && profile.digest.share >= DIGEST_SHARE) {
      return {
        en: `it is ${field.class} information and its digests are near-unique, one per person, as digests of an identifier are`,
        zh: `它属于${DATA_CLASS_NAMES_ZH[field.class]}，且摘要值几乎各不相同、一人一值，与对标识符计算的摘要相同`,
      };
    }
  }
  return null;
}

/** "its name says it is a phone number", in English and Chinese. */
function namedKind(kind: string): Bilingual {
  return { en: `its name says it is a ${kind}`, zh: `其名称表明它是${IDENTIFIER_KINDS_ZH[kind] ?? kind}` };
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

/** Why a processing method is reversible, in English and Chinese, or null. */
function reversibleMethodReason(method: Candidate['processing']['methods'][number]): Bilingual | null {
  if (method.reversible) return { en: 'it is declared reversible', zh: '其已声明为可逆' };
  const transform = normaliseTransform(method.name.replace(/[\s_]+/g, '-'));
  const words = tokensOf(method.name);
  if (transform === 'encrypt-sm4' || transform === 'tokenize' || [...words].some((w) => REVERSIBLE_WORDS.has(w)) || REVERSIBLE_HAN.test(method.name)) {
    return { en: `"${method.name}" can be undone by whoever holds the key or the token table`, zh: `持有密钥或令牌对照表者即可还原“${method.name}”的结果` };
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
    const labelZh = `${tableLabelZh(d.file.path, sheet)}的字段“${field.name}”`;
    const parsed = tryParseTransform(normaliseTransform(field.transform) ?? field.transform);
    const allows = policyAllows(policy, d);
    if (parsed?.kind === 'encrypt-sm4' || parsed?.kind === 'tokenize') {
      const how = parsed.kind === 'encrypt-sm4' ? 'SM4 encryption is undone by whoever holds the key' : 'tokens are undone by whoever holds the token table';
      const howZh = parsed.kind === 'encrypt-sm4' ? '持有密钥者即可解密 SM4 加密' : '持有令牌对照表者即可还原令牌';
      findings.push(
        makeFinding('reversible.declared', `${label} is declared "${field.transform}": ${how}, so the raw values can be restored (§5(5)); ${allows.en}.`, where, {
          zh: `${labelZh}声明的处理方式为“${field.transform}”：${howZh}，原始值可被恢复（§5(5)）；${allows.zh}。`,
        }),
      );
      covered.add(key(d.file.path, sheet, field.name));
      continue;
    }
    if (parsed?.kind === 'hash') {
      const reason = enumerableReasons(field, profileOf(tables, d));
      if (reason) {
        findings.push(
          makeFinding(
            'reversible.unkeyed-hash',
            `${label} is declared "${field.transform}", an unkeyed hash, and ${reason.en}: hashing every possible value recovers the inputs (§5(5)); use a keyed hmac-sm3 or hmac-sha256 — ${allows.en}.`,
            where,
            {
              zh: `${labelZh}声明的处理方式为“${field.transform}”，属于不加密钥的哈希，且${reason.zh}：对所有可能的取值逐一计算哈希即可还原输入（§5(5)）；应改用加密钥的 hmac-sm3 或 hmac-sha256（${allows.zh}）。`,
            },
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
        makeFinding(
          'reversible.declared',
          `Processing method "${method.name}" for field "${method.field}" is reversible: ${reversible.en}, so the raw values can be restored (§5(5)). Only irreversible methods (keyed HMAC, masking, generalization, aggregation) may leave.`,
          { field: method.reversible ? `${at}.reversible` : `${at}.name` },
          {
            zh: `字段“${method.field}”的处理方法“${method.name}”可逆：${reversible.zh}，原始值可被恢复（§5(5)）。只有经不可逆方法（加密钥的 HMAC、掩码、泛化、聚合）处理的数据才可出域。`,
          },
        ),
      );
      return;
    }
    const hash = unkeyedHashName(method.name);
    if (!hash || method.keyed || hashedFields.has(method.field)) return;
    const fields = declaredFields(manifest).filter((d) => d.field.name === method.field);
    const kind = identifierKind(method.field);
    const reason = fields.map((d) => enumerableReasons(d.field, profileOf(tables, d))).find((r) => r !== null) ?? (kind ? namedKind(kind) : null);
    if (!reason) return;
    findings.push(
      makeFinding(
        'reversible.unkeyed-hash',
        `Processing method "${method.name}" hashes field "${method.field}" without a key, and ${reason.en}: hashing every possible value recovers the inputs (§5(5)); use a keyed HMAC-SM3.`,
        { field: `${at}.keyed` },
        { zh: `处理方法“${method.name}”对字段“${method.field}”计算不加密钥的哈希，且${reason.zh}：对所有可能的取值逐一计算哈希即可还原输入（§5(5)）；应改用加密钥的 HMAC-SM3。` },
      ),
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
      const algorithmsZh = digest.algorithms.length > 0 ? `（长度符合 ${digest.algorithms.join('/')}）` : '';
      const whatZh = transform === undefined ? '该列未在 candidate.json 中声明' : `声明的处理方式为“${transform}”`;
      findings.push(
        makeFinding(
          'reversible.digest-undeclared',
          `Column "${profile.name}" of ${tableLabel(table.entry.file, table.sheet)} looks like a digest${algorithms} — ${Math.round(digest.share * 100)}% of cells, near-unique — but ${what}, not a keyed hmac-sm3 or hmac-sha256; an unkeyed digest of an identifier can be reversed. Declare how it was made.`,
          { ...tableLocation(table.entry.file, table.sheet), column: profile.name, ...(declared ? { field: `${declared.path}.transform` } : {}) },
          {
            count: digest.count,
            zh: `${tableLabelZh(table.entry.file, table.sheet)}的列“${profile.name}”看似摘要值${algorithmsZh}，占单元格的 ${Math.round(digest.share * 100)}% 且几乎各不相同，但${whatZh}，并非加密钥的 hmac-sm3 或 hmac-sha256；对标识符计算的不加密钥摘要可被还原。请声明该列的生成方式。`,
          },
        ),
      );
    }
  }
  return sortFindings(findings);
}

/** What the policy accepts for a field, for messages, in English and Chinese. */
function policyAllows(policy: Policy, d: DeclaredField): Bilingual {
  const entry = authorizedEntry(policy, d.field.dataset, d.field.name);
  return entry
    ? { en: `the policy accepts ${entry.requiredTransform.map((t) => `"${t}"`).join(' or ')}`, zh: `策略接受的处理方式为${entry.requiredTransform.map((t) => `“${t}”`).join('或')}` }
    : { en: 'the policy does not authorize the field', zh: '策略未授权该字段' };
}

function rawPackage(manifest: Candidate, policy: Policy): Finding[] {
  const findings: Finding[] = [];
  if (manifest.product.rawPackage) {
    findings.push(
      makeFinding(
        'export.raw-package',
        `The product "${manifest.product.name}" is declared a raw data package (product.rawPackage is true); raw data may not leave the domain (§1(1), §5(5)).`,
        { field: 'product.rawPackage' },
        { zh: `数据产品“${manifest.product.name}”声明为原始数据包（product.rawPackage 为 true）；原始数据不得出域（§1(1)、§5(5)）。` },
      ),
    );
  }
  for (const d of declaredFields(manifest)) {
    const { field } = d;
    const table = d.file.table;
    if (d.file.role !== 'data' || table?.kind !== 'microdata') continue;
    if (!PERSONAL_CLASSES.has(field.class) || field.grade < RAW_GRADE || normaliseTransform(field.transform) !== 'none') continue;
    const allows = policyAllows(policy, d);
    findings.push(
      makeFinding(
        'export.raw-package',
        `Field "${field.name}" of ${tableLabel(d.file.path, table.sheet)} is grade-${field.grade} ${field.class} information at row level with transform "none": the file exports raw personal records (§5(5)); ${allows.en}.`,
        { ...tableLocation(d.file.path, table.sheet), column: field.name, field: `${d.path}.transform` },
        {
          zh: `${tableLabelZh(d.file.path, table.sheet)}的字段“${field.name}”为 ${field.grade} 级${DATA_CLASS_NAMES_ZH[field.class]}，以逐行明细提供且处理方式为“none”：该文件导出的是原始个人记录（§5(5)）；${allows.zh}。`,
        },
      ),
    );
  }
  return findings;
}
