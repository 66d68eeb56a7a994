/**
 * The scope rules of RULES.md (§3(3), §6(1)): every declared field is authorized by the policy
 * (matched by dataset and name), within its maximum grade and declared with one of the
 * transforms the policy requires; every scanned column is declared; and API specs expose no
 * property outside the authorized field names. Pure: manifest, policy and scan summaries in,
 * findings out.
 */
import type { Candidate } from '../../formats/candidate';
import { makeFinding, sortFindings, type Finding } from '../../formats/findings';
import type { AuthorizedField, Policy } from '../../formats/policy';
import { formatTransform, tryParseTransform } from '../../mask/transform';
import { tableLabelZh } from '../messages-zh';
import { declaredFields, scannedTables, tableLabel, tableLocation, type PolicyEvaluationOptions } from './options';

/** How many authorized names a message lists before "…". */
const NAMES_IN_MESSAGE = 12;

/**
 * A transform as FORMATS.md §1 spells it: whitespace removed, lower case, numbers without
 * leading zeros (` MASK: 3, 04 ` → `mask:3,4`). Null when it is not a transform of §1.
 */
export function normaliseTransform(text: string): string | null {
  const parsed = tryParseTransform(text.replace(/\s+/g, '').toLowerCase());
  return parsed ? formatTransform(parsed) : null;
}

/** True when `declared` is one of `accepted`, compared as parsed transforms. */
export function transformAccepted(declared: string, accepted: readonly string[]): boolean {
  const normal = normaliseTransform(declared);
  return normal !== null && accepted.some((a) => normaliseTransform(a) === normal);
}

/** The authorized entry for a field, by dataset and name. */
export function authorizedEntry(policy: Policy, dataset: string, name: string): AuthorizedField | undefined {
  return policy.authorizedFields.find((f) => f.dataset === dataset && f.name === name);
}

const list = (names: readonly string[]) =>
  names.slice(0, NAMES_IN_MESSAGE).join(', ') + (names.length > NAMES_IN_MESSAGE ? `, … (${names.length} in all)` : '');
const listZh = (names: readonly string[]) =>
  names.slice(0, NAMES_IN_MESSAGE).join('、') + (names.length > NAMES_IN_MESSAGE ? `等（共 ${names.length} 个）` : '');

/** Evaluates `scope.*` for a candidate against its policy. */
export function evaluateScope(manifest: Candidate, policy: Policy, options: Omit<PolicyEvaluationOptions, 'asOf'> = {}): Finding[] {
  return sortFindings([...declaredScope(manifest, policy), ...undeclaredColumns(manifest, options), ...apiFields(manifest, policy, options)]);
}

function declaredScope(manifest: Candidate, policy: Policy): Finding[] {
  const findings: Finding[] = [];
  for (const d of declaredFields(manifest)) {
    const { field } = d;
    const sheet = d.file.table?.sheet;
    const where = { ...tableLocation(d.file.path, sheet), column: field.name };
    const label = `Field "${field.name}" (dataset ${field.dataset}) of ${tableLabel(d.file.path, sheet)}`;
    const labelZh = `${tableLabelZh(d.file.path, sheet)}的字段“${field.name}”（数据集 ${field.dataset}）`;
    const entry = authorizedEntry(policy, field.dataset, field.name);
    if (!entry) {
      const elsewhere = policy.authorizedFields.filter((f) => f.name === field.name).map((f) => f.dataset);
      const sameDataset = policy.authorizedFields.filter((f) => f.dataset === field.dataset).map((f) => f.name);
      const allows =
        elsewhere.length > 0
          ? `the policy authorizes "${field.name}" only from dataset ${elsewhere.join(', ')}`
          : sameDataset.length > 0
            ? `from dataset ${field.dataset} the policy authorizes ${list(sameDataset)}`
            : `the policy authorizes no field of dataset ${field.dataset}`;
      const allowsZh =
        elsewhere.length > 0
          ? `策略只授权数据集 ${elsewhere.join('、')} 中的“${field.name}”`
          : sameDataset.length > 0
            ? `策略对数据集 ${field.dataset} 授权的字段为 ${listZh(sameDataset)}`
            : `策略未授权数据集 ${field.dataset} 的任何字段`;
      findings.push(
        makeFinding('scope.unauthorized-field', `${label} is not in the policy's authorized fields; ${allows}.`, { ...where, field: d.path }, { zh: `${labelZh}不在策略的授权字段范围内；${allowsZh}。` }),
      );
      continue;
    }
    if (field.grade > entry.maxGrade) {
      findings.push(
        makeFinding(
          'scope.grade-exceeded',
          `${label} is declared grade ${field.grade}; the policy authorizes it up to grade ${entry.maxGrade}.`,
          { ...where, field: `${d.path}.grade` },
          { zh: `${labelZh}声明为 ${field.grade} 级，策略对该字段的授权最高为 ${entry.maxGrade} 级。` },
        ),
      );
    }
    if (!transformAccepted(field.transform, entry.requiredTransform)) {
      findings.push(
        makeFinding(
          'scope.transform-missing',
          `${label} is declared with transform "${field.transform}"; the policy requires ${entry.requiredTransform.length === 1 ? '' : 'one of '}${entry.requiredTransform.map((t) => `"${t}"`).join(', ')}.`,
          { ...where, field: `${d.path}.transform` },
          {
            zh: `${labelZh}声明的处理方式为“${field.transform}”，策略要求${entry.requiredTransform.length === 1 ? '' : '以下之一：'}${entry.requiredTransform.map((t) => `“${t}”`).join('、')}。`,
          },
        ),
      );
    }
  }
  return findings;
}

/** Scanned columns that no field declares: they cannot be matched to an authorized field. */
function undeclaredColumns(manifest: Candidate, options: Omit<PolicyEvaluationOptions, 'asOf'>): Finding[] {
  const findings: Finding[] = [];
  for (const table of scannedTables(manifest, options.profiles)) {
    if (table.fileIndex === undefined) continue; // an unlisted file is intake.undeclared-file
    for (const profile of table.entry.profiles) {
      if (table.fields.some((d) => d.field.name === profile.name)) continue;
      findings.push(
        makeFinding(
          'scope.unauthorized-field',
          `Column "${profile.name}" of ${tableLabel(table.entry.file, table.sheet)} is not declared in candidate.json, so it cannot be matched to an authorized field (dataset and name); declare it or remove it.`,
          { ...tableLocation(table.entry.file, table.sheet), column: profile.name },
          {
            zh: `${tableLabelZh(table.entry.file, table.sheet)}的列“${profile.name}”未在 candidate.json 中声明，无法（按数据集和名称）与授权字段对应；请声明该列或将其删除。`,
          },
        ),
      );
    }
  }
  return findings;
}

/** Lower case without `_`, `-` or spaces: `creditCode` and `credit_code` look alike. */
const looseName = (name: string) => name.toLowerCase().replace(/[\s_-]/g, '');

function apiFields(manifest: Candidate, policy: Policy, options: Omit<PolicyEvaluationOptions, 'asOf'>): Finding[] {
  const findings: Finding[] = [];
  const authorized = [...new Set(policy.authorizedFields.map((f) => f.name))].sort();
  const names = new Set(authorized);
  for (const file of manifest.files) {
    const exposed = options.apiProperties?.[file.path];
    if (!exposed) continue;
    for (const property of [...new Set(exposed)].sort()) {
      if (names.has(property)) continue;
      const similar = authorized.find((a) => looseName(a) === looseName(property));
      const hint = similar
        ? `it differs only in spelling from the authorized "${similar}"; expose it under that name`
        : `the policy authorizes ${list(authorized)}`;
      const hintZh = similar ? `它与授权字段“${similar}”仅拼写不同，应以该名称提供` : `策略授权的字段为 ${listZh(authorized)}`;
      findings.push(
        makeFinding(
          'scope.api-field',
          `API spec "${file.path}" exposes the property "${property}", which is not an authorized field; ${hint}.`,
          { file: file.path, column: property },
          { zh: `接口说明“${file.path}”提供了属性“${property}”，该属性不是授权字段；${hintZh}。` },
        ),
      );
    }
  }
  return findings;
}
