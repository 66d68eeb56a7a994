/**
 * What the policy evaluators (scope, authorization, reversibility) take besides the manifest and
 * the policy — the evaluation date and what the scan saw — and how a scanned table is matched to
 * the manifest's declared table, so every evaluator reads fields and profiles the same way.
 */
import type { Candidate, CandidateFile, Field } from '../../formats/candidate';
import { isRealDate } from '../../formats/common';
import type { ColumnProfile } from '../../profile/column-profile';

/** The column profiles of one scanned table: a file, or one sheet of a workbook. */
export type TableProfiles = {
  file: string;
  /** Only for a workbook: the sheet these columns come from. */
  sheet?: string;
  profiles: readonly ColumnProfile[];
};

export type PolicyEvaluationOptions = {
  /** The evaluation date, `YYYY-MM-DD` (a real calendar date). */
  asOf: string;
  /** Profiles per scanned table; without them only the declarations are judged. */
  profiles?: readonly TableProfiles[];
  /** Per api-spec file (package path), the property names it exposes (see `exposedPropertyNames`). */
  apiProperties?: Readonly<Record<string, readonly string[]>>;
};

/** A field of a declared table with the indexes that make its manifest path. */
export type DeclaredField = {
  fileIndex: number;
  fieldIndex: number;
  file: CandidateFile;
  field: Field;
  /** `files[0].table.fields[2]`: append `.transform`, `.grade` … for one property. */
  path: string;
};

/** Throws a RangeError unless `asOf` is a real `YYYY-MM-DD` date: a wrong date must not pass silently. */
export function checkAsOf(asOf: string): void {
  if (!isRealDate(asOf)) throw new RangeError(`asOf "${asOf}" is not a real calendar date as YYYY-MM-DD`);
}

/** Every declared field of every table in the manifest, in manifest order. */
export function declaredFields(manifest: Candidate): DeclaredField[] {
  const out: DeclaredField[] = [];
  manifest.files.forEach((file, fileIndex) => {
    file.table?.fields.forEach((field, fieldIndex) => {
      out.push({ fileIndex, fieldIndex, file, field, path: `files[${fileIndex}].table.fields[${fieldIndex}]` });
    });
  });
  return out;
}

/** `file`, plus `sheet` when the table is a workbook sheet (FORMATS.md §3). */
export function tableLocation(file: string, sheet: string | undefined): { file: string; sheet?: string } {
  return sheet === undefined ? { file } : { file, sheet };
}

/** `"data/x.csv"` or `"data/x.xlsx", sheet "名单"`. */
export function tableLabel(file: string, sheet: string | undefined): string {
  return sheet === undefined ? `"${file}"` : `"${file}", sheet "${sheet}"`;
}

/** A scanned table with the manifest entry and the declared fields that describe it. */
export type ScannedTable = {
  entry: TableProfiles;
  /** The manifest's file (undefined for a file the manifest does not list). */
  fileIndex: number | undefined;
  sheet: string | undefined;
  /** The declared fields that apply: none for a workbook sheet other than the one `table.sheet` names. */
  fields: readonly DeclaredField[];
};

/** Matches each profiled table to its declaration (a workbook's fields describe only `table.sheet`). */
export function scannedTables(manifest: Candidate, profiles: readonly TableProfiles[] = []): ScannedTable[] {
  const all = declaredFields(manifest);
  return profiles.map((entry) => {
    const index = manifest.files.findIndex((f) => f.path === entry.file);
    const file = index < 0 ? undefined : manifest.files[index];
    const sheet = entry.sheet ?? file?.table?.sheet;
    const declared = file?.table !== undefined && (entry.sheet === undefined || entry.sheet === file.table.sheet);
    return {
      entry,
      fileIndex: index < 0 ? undefined : index,
      sheet,
      fields: declared ? all.filter((d) => d.fileIndex === index) : [],
    };
  });
}

/** The profile of a declared field's column, when its table was scanned. */
export function profileOf(tables: readonly ScannedTable[], declared: DeclaredField): ColumnProfile | undefined {
  for (const table of tables) {
    if (!table.fields.some((d) => d.fileIndex === declared.fileIndex && d.fieldIndex === declared.fieldIndex)) continue;
    const profile = table.entry.profiles.find((p) => p.name === declared.field.name);
    if (profile) return profile;
  }
  return undefined;
}
