/**
 * The intake and personal-information rules of RULES.md evaluated over a scan: encoding
 * guessed, precision loss, hidden workbook content, clear identifiers where the policy requires
 * a transform, masks in the wrong form, undeclared personal columns, identifiers in reports,
 * and free-text names. Pure: it reads manifest, policy and scan summaries (never raw values;
 * a workbook's document properties arrive masked). Table findings
 * carry no evidence; the caller reads the listed rows or lines and attaches masked evidence.
 * Every sheet of a workbook is a table: its findings carry `location.sheet` (FORMATS.md §3).
 */
import type { DetectorId } from '../detect/types';
import type { Candidate, Field } from '../formats/candidate';
import { makeFinding, type Finding } from '../formats/findings';
import type { Policy } from '../formats/policy';
import { compareMaskForm } from '../mask/conformance';
import { DATA_CLASS_NAMES_ZH, detectorNameZh, joinZh, tableLabelZh } from './messages-zh';
import { maskName } from '../mask/names';
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
/**
 * Detectors that validate a whole value (check characters, a real birth date): the profile only
 * lists their confident hits, so a cell they recognised holds an intact identifier.
 */
const VALIDATED_IDENTIFIERS: ReadonlySet<DetectorId> = new Set(['cn-resident-id', 'bank-card', 'uscc', 'uscc-sole-trader']);
/** Share of non-null cells from which a heuristic detector (names, addresses) speaks for the column. */
const HEURISTIC_SHARE = 0.3;
/** Identifiers in text must be validated ones (check digit etc.), not guesses. */
const TEXT_CONFIDENCE = 0.9;

export type SheetVisibility = 'visible' | 'hidden' | 'veryHidden';

/** A workbook sheet's table: which sheet, whether the manifest's fields describe it, and what Excel hides in it. */
export type SheetSummary = {
  name: string;
  state: SheetVisibility;
  /** The sheet `table.sheet` names: the manifest's fields apply to it, and to no other sheet. */
  declared: boolean;
  hiddenRows: { count: number; first: number[] };
  hiddenColumns: string[];
};

export type TableScanSummary = {
  file: string;
  /** Only for a sheet of a workbook. */
  sheet?: SheetSummary;
  encodingGuessed: boolean;
  profiles: ColumnProfile[];
  largeNumbers: { count: number; first: { row: number; column: string }[] };
};
export type TextScanSummary = { file: string; hits: { line: number; detector: string; confidence: number; personal: boolean }[] };

/**
 * A workbook as a whole: every sheet (chart sheets too) and the people its document properties
 * name, already masked (`mask-name`) by the scan; masked again here, which changes nothing.
 */
export type WorkbookScanSummary = {
  file: string;
  sheets: { name: string; state: SheetVisibility; kind: 'worksheet' | 'chartsheet' | 'other' }[];
  people: { field: 'creator' | 'lastModifiedBy' | 'company' | 'manager'; masked: string }[];
};

export type IntakePiiInput = {
  manifest: Candidate;
  policy: Policy | null;
  tables: TableScanSummary[];
  texts: TextScanSummary[];
  workbooks?: WorkbookScanSummary[];
};

/** How many rows a hidden-rows message lists before "…". */
const HIDDEN_ROWS_IN_MESSAGE = 10;

const PERSON_FIELD_NAMES: Record<WorkbookScanSummary['people'][number]['field'], string> = {
  creator: 'author',
  lastModifiedBy: 'last modified by',
  company: 'company',
  manager: 'manager',
};

const PERSON_FIELD_NAMES_ZH: Record<WorkbookScanSummary['people'][number]['field'], string> = {
  creator: '作者',
  lastModifiedBy: '最后修改者',
  company: '单位',
  manager: '经理',
};

/** `"data/x.xlsx", sheet "名单"` (or just the quoted file). */
const tableLabel = (file: string, sheet: string | undefined) => (sheet === undefined ? `"${file}"` : `"${file}", sheet "${sheet}"`);
/** A mask form `3+4` in Chinese: `前 3 位和后 4 位`. */
const maskFormZh = (form: { head: number; tail: number }) => `前 ${form.head} 位和后 ${form.tail} 位`;

/**
 * `intake.hidden-content` for one workbook: each hidden or very hidden sheet, hidden rows and
 * columns of each sheet's table, and document properties that name people (masked, never in
 * clear).
 */
function hiddenContent(workbooks: readonly WorkbookScanSummary[], tables: readonly TableScanSummary[]): Finding[] {
  const findings: Finding[] = [];
  for (const book of workbooks) {
    for (const sheet of book.sheets) {
      if (sheet.state === 'visible') continue;
      const what = sheet.kind === 'worksheet' ? 'sheet' : sheet.kind === 'chartsheet' ? 'chart sheet' : 'non-cell sheet';
      const whatZh = sheet.kind === 'worksheet' ? '工作表' : sheet.kind === 'chartsheet' ? '图表工作表' : '非单元格工作表';
      const how =
        sheet.state === 'veryHidden'
          ? 'is very hidden: Excel does not list it under Unhide, only the VBA editor shows it'
          : 'is hidden in Excel: a reviewer opening the workbook would not see it';
      const howZh =
        sheet.state === 'veryHidden'
          ? '被设为“深度隐藏”：Excel 的“取消隐藏”中不列出，只有在 VBA 编辑器中才能看到'
          : '在 Excel 中被隐藏：审核人员打开工作簿时看不到';
      findings.push(
        makeFinding(
          'intake.hidden-content',
          `"${book.file}": the ${what} "${sheet.name}" ${how}. It is scanned and previewed like every other sheet.`,
          { file: book.file, sheet: sheet.name },
          { zh: `“${book.file}”中的${whatZh}“${sheet.name}”${howZh}。本工作站已对其与其他工作表一样扫描和预览。` },
        ),
      );
    }
    if (book.people.length > 0) {
      const fields = [...new Set(book.people.map((p) => PERSON_FIELD_NAMES[p.field]))];
      const persons = book.people.filter((p) => p.field !== 'company').length;
      const company = persons < book.people.length;
      const who = [persons === 1 ? 'a person' : persons > 1 ? 'people' : '', company ? 'an organisation' : ''].filter(Boolean).join(' and ');
      const fieldsZh = [...new Set(book.people.map((p) => PERSON_FIELD_NAMES_ZH[p.field]))];
      const whoZh = [persons === 1 ? '一名个人' : persons > 1 ? '多名个人' : '', company ? '一个单位' : ''].filter(Boolean).join('和');
      findings.push(
        makeFinding(
          'intake.hidden-content',
          `"${book.file}": the document properties name ${who} (${fields.join(', ')}), which leave with the file unless the operator removes them.`,
          { file: book.file },
          {
            count: book.people.length,
            evidence: book.people.map((p) => `${PERSON_FIELD_NAMES[p.field]}: ${maskName(p.masked)}`),
            evidenceZh: book.people.map((p) => `${PERSON_FIELD_NAMES_ZH[p.field]}：${maskName(p.masked)}`),
            zh: `“${book.file}”的文档属性中写有${whoZh}的名称（${joinZh(fieldsZh)}），除非经办人删除，将随文件一并出域。`,
          },
        ),
      );
    }
  }
  for (const table of tables) {
    const sheet = table.sheet;
    if (!sheet) continue;
    const where = tableLabel(table.file, sheet.name);
    const whereZh = tableLabelZh(table.file, sheet.name);
    const { count, first } = sheet.hiddenRows;
    if (count > 0) {
      const listed = first.slice(0, HIDDEN_ROWS_IN_MESSAGE).join(', ') + (count > HIDDEN_ROWS_IN_MESSAGE ? ', …' : '');
      const listedZh = first.slice(0, HIDDEN_ROWS_IN_MESSAGE).join('、') + (count > HIDDEN_ROWS_IN_MESSAGE ? '等' : '');
      findings.push(
        makeFinding(
          'intake.hidden-content',
          `${where}: ${count} data row${count === 1 ? ' is' : 's are'} hidden in Excel (row${count === 1 ? '' : 's'} ${listed}).`,
          { file: table.file, sheet: sheet.name, rows: first },
          { count, zh: `${whereZh}：有 ${count} 个数据行在 Excel 中被隐藏（第 ${listedZh} 行）。` },
        ),
      );
    }
    for (const column of sheet.hiddenColumns) {
      findings.push(
        makeFinding('intake.hidden-content', `${where}: the column "${column}" is hidden in Excel.`, { file: table.file, sheet: sheet.name, column }, { zh: `${whereZh}：列“${column}”在 Excel 中被隐藏。` }),
      );
    }
  }
  return findings;
}

function requiredFor(policy: Policy | null, field: Field | undefined): string[] | null {
  if (!policy || !field) return null;
  return policy.authorizedFields.find((f) => f.dataset === field.dataset && f.name === field.name)?.requiredTransform ?? null;
}

/**
 * The rows of a column's precision-loss cells that are not intact identifiers, and how many
 * there are. A number of 1e15 or more ending in `000` may be what a float left of an
 * identifier — or a real identifier that ends that way (one resident ID in about 1,100: a
 * sequence number ending in 00 and check digit 0). A cell the validating detectors recognised
 * is taken for the latter: zeroed digits leave a check character right only by chance (about
 * one in ten), so a column that did go through a float still shows most of its cells. Only
 * listed rows can be told apart: unlisted ones count as loss.
 */
function precisionLossRows(profile: ColumnProfile): { count: number; rows: number[] } {
  const { count, rows } = profile.precisionLoss;
  const intact = new Set(profile.detected.filter((d) => VALIDATED_IDENTIFIERS.has(d.detector)).flatMap((d) => d.rows));
  const lost = rows.filter((row) => !intact.has(row));
  return { count: count - (rows.length - lost.length), rows: lost };
}

/** Evaluates the intake and pii rules over a scanned candidate. */
export function evaluateIntakeAndPii(input: IntakePiiInput): Finding[] {
  const findings: Finding[] = hiddenContent(input.workbooks ?? [], input.tables);
  for (const table of input.tables) {
    const file = input.manifest.files.find((f) => f.path === table.file);
    const sheet = table.sheet?.name;
    // A workbook's fields describe the sheet `table.sheet` names; its other sheets are undeclared.
    const fields = table.sheet && !table.sheet.declared ? [] : (file?.table?.fields ?? []);
    const inSheet = sheet === undefined ? {} : { sheet };
    const named = (column: string) => (sheet === undefined ? `Column "${column}"` : `Column "${column}" of sheet "${sheet}"`);
    const namedZh = (column: string) => `${tableLabelZh(table.file, sheet)}的列“${column}”`;
    if (table.encodingGuessed) {
      findings.push(
        makeFinding('intake.encoding-guessed', `"${table.file}" has no byte-order mark and is not UTF-8; it was read as GB18030.`, { file: table.file, ...inSheet }, {
          zh: `“${table.file}”没有字节顺序标记（BOM），也不是有效的 UTF-8 编码，已按 GB18030 读取，请核对文字是否正确。`,
        }),
      );
    }
    /** One precision-loss finding per column, whether the text shows it or the number's size does. */
    const precision = new Map<string, Finding>();
    for (const profile of table.profiles) {
      const column = profile.name;
      const field = fields.find((f) => f.name === column);
      const required = requiredFor(input.policy, field);
      const where = { file: table.file, ...inSheet, column };

      const loss = precisionLossRows(profile);
      if (loss.count > 0) {
        precision.set(
          column,
          makeFinding('intake.precision-loss', `${named(column)} holds identifier-like numbers stored as floating point (e.g. 1.10105E+17); digits may have been lost.`, {
            ...where,
            ...(loss.rows.length > 0 ? { rows: loss.rows } : {}),
          }, { count: loss.count, zh: `${namedZh(column)}中的疑似标识符以浮点数形式存储（如 1.10105E+17），可能已丢失位数。` }),
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
              `${named(column)} carries ${hit.count} clear ${hit.detector} value(s) although ${transformRequired ? `the policy requires ${(required ?? [field.transform]).join(' or ')}` : `it is declared ${field.class}`}.`,
              { ...where, rows: hit.rows },
              {
                count: hit.count,
                detector: hit.detector,
                zh: `${namedZh(column)}中有 ${hit.count} 个明文${detectorNameZh(hit.detector)}，${
                  transformRequired
                    ? `${required ? '策略要求的处理方式为' : '声明的处理方式为'} ${(required ?? [field.transform]).join(' 或 ')}，应按要求处理后方可出域`
                    : `该字段声明为${DATA_CLASS_NAMES_ZH[field.class]}，不得以明文出域`
                }。`,
              },
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
              `${named(column)} is masked as ${wrong.map((f) => `${f.head}+${f.tail}`).join(', ')} where ${accepted.join(' or ')} is required.`,
              { ...where, ...(rows.length > 0 ? { rows } : {}) },
              {
                count,
                zh: `${namedZh(column)}的掩码保留了${joinZh(wrong.map(maskFormZh))}的明文，而要求的处理方式为 ${accepted.join(' 或 ')}，保留的明文多于要求。`,
              },
            ),
          );
        } else if (new Set(profile.maskForms.map((f) => `${f.head}+${f.tail}`)).size > 1) {
          // Different lengths of one form (张* and 欧阳**) are one form; different kept parts are not.
          const forms = [...new Set(profile.maskForms.map((f) => `${f.head}+${f.tail}`))];
          const formsZh = [...new Set(profile.maskForms.map(maskFormZh))];
          findings.push(
            makeFinding('pii.mask-nonconforming', `${named(column)} is masked inconsistently (${forms.join(', ')}).`, where, {
              count: profile.maskForms.reduce((sum, f) => sum + f.count, 0),
              zh: `${namedZh(column)}的掩码形式不一致（分别保留${joinZh(formsZh)}的明文），同一列应采用同一种掩码形式。`,
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
              ? `${named(column)} is declared public but holds personal information (${personal.map((d) => d.detector).join(', ')}).`
              : `${named(column)} is not declared in candidate.json but holds personal information (${personal.map((d) => d.detector).join(', ')}).`,
            { ...where, rows: top.rows },
            {
              count: top.count,
              detector: top.detector,
              zh: field
                ? `${namedZh(column)}声明为公开数据，但含有个人信息（${joinZh(personal.map((d) => detectorNameZh(d.detector)))}）。`
                : `${namedZh(column)}未在 candidate.json 中声明，但含有个人信息（${joinZh(personal.map((d) => detectorNameZh(d.detector)))}）。`,
            },
          ),
        );
      }

      const freeText = profile.detected.filter((d) => FREE_TEXT.has(d.detector) && d.share >= HEURISTIC_SHARE);
      const declaredProtected = field && field.transform !== 'none';
      if (freeText.length > 0 && !declaredProtected && field?.class !== 'public') {
        for (const hit of freeText) {
          findings.push(
            makeFinding('pii.free-text-names', `${named(column)} likely contains ${hit.detector === 'address' ? 'detailed addresses' : 'personal names'} (${Math.round(hit.share * 100)}% of cells).`, { ...where, rows: hit.rows }, {
              count: hit.count,
              detector: hit.detector,
              zh: `${namedZh(column)}可能含有${hit.detector === 'address' ? '详细地址' : '个人姓名'}（占单元格的 ${Math.round(hit.share * 100)}%）。`,
            }),
          );
        }
      }
    }
    if (table.largeNumbers.count > 0) {
      const columns = [...new Set(table.largeNumbers.first.map((n) => n.column))];
      for (const column of columns) {
        const rows = table.largeNumbers.first.filter((n) => n.column === column).map((n) => n.row);
        const known = precision.get(column);
        if (known) {
          // The same column already shows the loss in its text: one finding, with the rows of both.
          const merged = makeFinding('intake.precision-loss', known.message, { ...known.location, rows: [...(known.location.rows ?? []), ...rows] }, {
            count: Math.max(known.count, rows.length),
            ...(known.messageZh === undefined ? {} : { zh: known.messageZh }),
          });
          precision.set(column, merged);
          continue;
        }
        precision.set(
          column,
          makeFinding(
            'intake.precision-loss',
            sheet === undefined
              ? `Column "${column}" stores identifier-like values as JSON numbers of 1e15 or more, which lose digits as floating point.`
              : `${named(column)} stores identifier-like values as numbers of 1e15 or more; Excel keeps 15 significant digits, so digits may have been lost.`,
            { file: table.file, ...inSheet, column, rows },
            {
              count: rows.length,
              zh:
                sheet === undefined
                  ? `${namedZh(column)}以 1e15 及以上的 JSON 数值存储疑似标识符，按浮点数处理会丢失位数。`
                  : `${namedZh(column)}以 1e15 及以上的数值存储疑似标识符；Excel 只保留 15 位有效数字，可能已丢失位数。`,
            },
          ),
        );
      }
    }
    findings.push(...precision.values());
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
          zh: `“${text.file}”第 ${line} 行含有明文${joinZh(detectors.map(detectorNameZh))}。`,
        }),
      );
    }
  }
  return findings;
}
