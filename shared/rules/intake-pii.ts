/**
 * The intake and personal-information rules of RULES.md evaluated over a scan: encoding
 * guessed, precision loss, clear identifiers where the policy requires a transform, masks in
 * the wrong form, undeclared personal columns, identifiers in reports, and free-text names.
 * Pure: it reads manifest, policy and scan summaries (never raw values). Findings carry no
 * evidence; the caller reads the listed rows or lines and attaches masked evidence.
 */
import type { DetectorId } from '../detect/types';
import type { Candidate, Field } from '../formats/candidate';
import { makeFinding, type Finding } from '../formats/findings';
import type { Policy } from '../formats/policy';
import { compareMaskForm } from '../mask/conformance';
import type { ColumnProfile } from '../profile/column-profile';

/** Detectors whose hit is a clear identifier in the sense of `pii.unmasked`. */
export const CLEAR_IDENTIFIERS: ReadonlySet<DetectorId> = new Set([
  'cn-resident-id',
  'cn-resident-id-15',
  'cn-mobile',
  'bank-card',
  'passport',
  'hk-macao-permit',
  'taiwan-permit',
  'uscc-sole-trader',
  'email',
  'vehicle-plate',
  'coordinates',
]);
const FREE_TEXT: ReadonlySet<DetectorId> = new Set(['person-name', 'address']);
/** Share of non-null cells from which a heuristic detector (names, addresses) speaks for the column. */
const HEURISTIC_SHARE = 0.3;
/** Identifiers in text must be validated ones (check digit etc.), not guesses. */
const TEXT_CONFIDENCE = 0.9;

export type TableScanSummary = {
  file: string;
  encodingGuessed: boolean;
  profiles: ColumnProfile[];
  largeNumbers: { count: number; first: { row: number; column: string }[] };
};
export type TextScanSummary = { file: string; hits: { line: number; detector: string; confidence: number; personal: boolean }[] };

export type IntakePiiInput = {
  manifest: Candidate;
  policy: Policy | null;
  tables: TableScanSummary[];
  texts: TextScanSummary[];
};

function requiredFor(policy: Policy | null, field: Field | undefined): string[] | null {
  if (!policy || !field) return null;
  return policy.authorizedFields.find((f) => f.dataset === field.dataset && f.name === field.name)?.requiredTransform ?? null;
}

/** Evaluates the intake and pii rules over a scanned candidate. */
export function evaluateIntakeAndPii(input: IntakePiiInput): Finding[] {
  const findings: Finding[] = [];
  for (const table of input.tables) {
    const file = input.manifest.files.find((f) => f.path === table.file);
    if (table.encodingGuessed) {
      findings.push(makeFinding('intake.encoding-guessed', `"${table.file}" has no byte-order mark and is not UTF-8; it was read as GB18030.`, { file: table.file }));
    }
    for (const profile of table.profiles) {
      const column = profile.name;
      const field = file?.table?.fields.find((f) => f.name === column);
      const required = requiredFor(input.policy, field);
      const where = { file: table.file, column };

      if (profile.precisionLoss.count > 0) {
        findings.push(
          makeFinding('intake.precision-loss', `Column "${column}" holds identifier-like numbers stored as floating point (e.g. 1.10105E+17); digits may have been lost.`, {
            ...where,
            rows: profile.precisionLoss.rows,
          }, { count: profile.precisionLoss.count }),
        );
      }

      const clear = profile.detected.filter((d) => CLEAR_IDENTIFIERS.has(d.detector) && d.count > 0);
      const transformRequired = required ? !required.includes('none') : field ? field.transform !== 'none' : false;
      const notPublic = field ? field.class !== 'public' : false;
      if (field && (transformRequired || notPublic)) {
        for (const hit of clear) {
          findings.push(
            makeFinding(
              'pii.unmasked',
              `Column "${column}" carries ${hit.count} clear ${hit.detector} value(s) although ${transformRequired ? `the policy requires ${(required ?? [field.transform]).join(' or ')}` : `it is declared ${field.class}`}.`,
              { ...where, rows: hit.rows },
              { count: hit.count, detector: hit.detector },
            ),
          );
        }
      }

      // Masks in a form the policy does not accept, or several forms in one column.
      const accepted = required ?? (field ? [field.transform] : null);
      if (accepted && profile.maskForms.length > 0) {
        const wrong = profile.maskForms.filter((form) => compareMaskForm(form, accepted) === 'reveals-more');
        if (wrong.length > 0) {
          const count = wrong.reduce((sum, f) => sum + f.count, 0);
          const rows = profile.maskConformance?.nonconformingRows ?? [];
          findings.push(
            makeFinding(
              'pii.mask-nonconforming',
              `Column "${column}" is masked as ${wrong.map((f) => `${f.head}+${f.tail}`).join(', ')} where ${accepted.join(' or ')} is required.`,
              { ...where, ...(rows.length > 0 ? { rows } : {}) },
              { count },
            ),
          );
        } else if (new Set(profile.maskForms.map((f) => `${f.head}+${f.tail}`)).size > 1) {
          // Different lengths of one form (张* and 欧阳**) are one form; different kept parts are not.
          const forms = [...new Set(profile.maskForms.map((f) => `${f.head}+${f.tail}`))];
          findings.push(
            makeFinding('pii.mask-nonconforming', `Column "${column}" is masked inconsistently (${forms.join(', ')}).`, where, {
              count: profile.maskForms.reduce((sum, f) => sum + f.count, 0),
            }),
          );
        }
      }

      const personal = profile.detected.filter(
        (d) => d.personal && (CLEAR_IDENTIFIERS.has(d.detector) || d.detector === 'masked' || (FREE_TEXT.has(d.detector) && d.share >= HEURISTIC_SHARE)),
      );
      if (personal.length > 0 && (!field || field.class === 'public')) {
        const top = personal[0]!;
        findings.push(
          makeFinding(
            'pii.undeclared',
            field
              ? `Column "${column}" is declared public but holds personal information (${personal.map((d) => d.detector).join(', ')}).`
              : `Column "${column}" is not declared in candidate.json but holds personal information (${personal.map((d) => d.detector).join(', ')}).`,
            { ...where, rows: top.rows },
            { count: top.count, detector: top.detector },
          ),
        );
      }

      const freeText = profile.detected.filter((d) => FREE_TEXT.has(d.detector) && d.share >= HEURISTIC_SHARE);
      const declaredProtected = field && field.transform !== 'none';
      if (freeText.length > 0 && !declaredProtected && field?.class !== 'public') {
        for (const hit of freeText) {
          findings.push(
            makeFinding('pii.free-text-names', `Column "${column}" likely contains ${hit.detector === 'address' ? 'detailed addresses' : 'personal names'} (${Math.round(hit.share * 100)}% of cells).`, { ...where, rows: hit.rows }, {
              count: hit.count,
              detector: hit.detector,
            }),
          );
        }
      }
    }
    if (table.largeNumbers.count > 0) {
      const columns = [...new Set(table.largeNumbers.first.map((n) => n.column))];
      for (const column of columns) {
        const rows = table.largeNumbers.first.filter((n) => n.column === column).map((n) => n.row);
        findings.push(
          makeFinding('intake.precision-loss', `Column "${column}" stores identifier-like values as JSON numbers of 1e15 or more, which lose digits as floating point.`, { file: table.file, column, rows }, {
            count: rows.length,
          }),
        );
      }
    }
  }
  for (const text of input.texts) {
    const byLine = new Map<number, number[]>();
    text.hits.forEach((hit, i) => {
      if (!hit.personal || hit.confidence < TEXT_CONFIDENCE || !CLEAR_IDENTIFIERS.has(hit.detector as DetectorId)) return;
      const list = byLine.get(hit.line) ?? [];
      list.push(i);
      byLine.set(hit.line, list);
    });
    for (const [line, indexes] of byLine) {
      const detectors = [...new Set(indexes.map((i) => text.hits[i]!.detector))];
      findings.push(
        makeFinding('pii.in-text', `"${text.file}" line ${line} contains ${detectors.join(', ')} in clear.`, { file: text.file, line }, {
          count: indexes.length,
          detector: detectors[0]!,
        }),
      );
    }
  }
  return findings;
}
