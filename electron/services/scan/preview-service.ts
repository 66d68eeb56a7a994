/**
 * The masking reader behind the preview: serves a scanned candidate's tables as masked row
 * ranges (read through the row index, detected and masked in main — raw values never reach
 * the renderer), its column profiles, its text files with identifiers masked, and the audited
 * reveal of original values, which is written to the audit log before any value is returned.
 * Every worksheet of a workbook is a table of its own, addressed by file and sheet.
 */
import { join } from 'node:path';
import { findInText } from '../../../shared/detect';
import { Candidate, type CandidateFile, type Field } from '../../../shared/formats/candidate';
import type { Policy } from '../../../shared/formats/policy';
import { ServiceError } from '../../../shared/ipc/result';
import type { ColumnInfo, MaskedRows, MaskedText, PreviewOverview, RevealResult, TableRef } from '../../../shared/ipc/schemas/preview';
import { maskForDisplay, maskTextWithRanges } from '../../../shared/mask';
import type { ColumnProfile } from '../../../shared/profile';
import type { AuditLog } from '../audit/audit-log';
import type { CandidateStore, StoredCandidate } from '../candidates/candidate-store';
import type { PolicyStore } from '../policies/policy-store';
import { storedFileOpener, storedKey } from '../candidates/stored-files';
import { isWorkbook, openTable } from '../tables';
import { HEAD_ROWS, readTableHead } from '../tables/head';
import { readTextLines } from '../tables/text-lines';
import { cellDetections } from './cell-detections';
import type { TableResult } from './scan-file';
import type { ScanService } from './scan-service';
import { derivedPath } from './workbook-scan';
import { chinaDay } from '../../../shared/formats/china-day';

const MAX_TEXT_LINES = 20_000;
/** Who acts until reviewer identities arrive (issue: identity and signed decisions). */
export const LOCAL_ACTOR = { id: 'local-reviewer', role: 'reviewer' } as const;

export type PreviewService = {
  overview(id: string, revision: number): Promise<PreviewOverview>;
  rows(ref: TableRef, from: number, count: number): Promise<MaskedRows>;
  /** A scanned table's column profiles, and when the scan that made them finished. */
  profiles(ref: TableRef): Promise<{ profiles: ColumnProfile[]; scannedAt: string }>;
  text(id: string, revision: number, file: string): Promise<MaskedText>;
  reveal(ref: TableRef, cells: { row: number; column: string }[], reason: string): Promise<RevealResult>;
};

type Context = { stored: StoredCandidate; manifest: Candidate; policy: Policy | null };

export function createPreviewService(deps: {
  store: CandidateStore;
  policies: PolicyStore;
  scans: ScanService;
  audit: AuditLog;
  /** The workspace key the stored payloads (and sheets' derived rows) are encrypted with. */
  key: () => Uint8Array;
}): PreviewService {
  // A stored revision never changes once imported, so its manifest is read and parsed once
  // rather than on every page of rows.
  const candidates = new Map<string, { stored: StoredCandidate; manifest: Candidate }>();
  const context = async (id: string, revision: number): Promise<Context> => {
    const key = `${id}@${revision}`;
    let entry = candidates.get(key);
    if (!entry) {
      const stored = await deps.store.read(id, revision);
      if (!stored) throw new ServiceError('candidates.not-found', `${id} revision ${revision} is not in the queue.`, { id, revision });
      entry = { stored, manifest: Candidate.parse(JSON.parse(stored.manifestText)) };
      candidates.set(key, entry);
    }
    const { stored, manifest } = entry;
    const policy = (await deps.policies.forAgreement(manifest.authorization.agreementId))?.policy ?? null;
    return { stored, manifest, policy };
  };

  const required = (policy: Policy | null, field: Field | undefined): string[] | null => {
    if (!policy || !field) return null;
    return policy.authorizedFields.find((f) => f.dataset === field.dataset && f.name === field.name)?.requiredTransform ?? null;
  };

  /** The manifest's declaration of a column; a workbook's fields describe its declared sheet only. */
  const fieldOf = (file: CandidateFile, result: TableResult | null, name: string): Field | undefined =>
    result?.sheet && !result.sheet.declared ? undefined : file.table?.fields.find((f) => f.name === name);

  const columnInfo = (ctx: Context, file: CandidateFile, result: TableResult | null, name: string): ColumnInfo => {
    const field = fieldOf(file, result, name);
    return {
      name,
      declared: field ? { class: field.class, grade: field.grade, transform: field.transform } : null,
      required: required(ctx.policy, field) ?? [],
    };
  };

  const scannedTable = async (ref: TableRef): Promise<{ ctx: Context; file: CandidateFile; result: TableResult }> => {
    const ctx = await context(ref.id, ref.revision);
    const file = ctx.manifest.files.find((f) => f.path === ref.file);
    if (!file) throw new ServiceError('preview.no-such-file', `${ref.id} has no file "${ref.file}".`, { file: ref.file });
    const workbook = isWorkbook(file.mediaType);
    if (workbook && ref.sheet === undefined) {
      throw new ServiceError('preview.no-such-sheet', `"${ref.file}" is a workbook: name the sheet to read.`, { file: ref.file, sheet: '' });
    }
    if (!workbook && ref.sheet !== undefined) {
      throw new ServiceError('preview.no-such-sheet', `"${ref.file}" is not a workbook and has no sheet "${ref.sheet}".`, { file: ref.file, sheet: ref.sheet });
    }
    const scan = await deps.scans.results(ref.id, ref.revision);
    if (!scan) throw new ServiceError('preview.not-scanned', `"${ref.file}" has not been scanned yet; start the scan and wait for it to finish.`, { file: ref.file });
    const result = scan.results.find((r): r is TableResult => r.kind === 'table' && r.file === ref.file && r.sheet?.name === ref.sheet);
    if (!result && workbook && scan.results.some((r) => r.file === ref.file)) {
      throw new ServiceError('preview.no-such-sheet', `"${ref.file}" has no worksheet named "${ref.sheet}".`, { file: ref.file, sheet: ref.sheet ?? '' });
    }
    if (!result) throw new ServiceError('preview.not-scanned', `"${ref.file}" has not been scanned yet; start the scan and wait for it to finish.`, { file: ref.file });
    return { ctx, file, result };
  };

  const readRaw = async (ctx: Context, file: CandidateFile, result: TableResult, from: number, count: number): Promise<string[][]> => {
    if (from > result.rows) return [];
    const table = await openTable(join(ctx.stored.dir, 'files', ...file.path.split('/')), file.mediaType, {
      file: file.path,
      encoding: result.encoding,
      open: storedFileOpener(ctx.stored.meta, deps.key),
      ...(result.sheet
        ? { sheet: result.sheet.name, derivedPath: derivedPath(ctx.stored.dir, result.sheet.derived), derivedKey: storedKey(ctx.stored.meta, deps.key, file.path) }
        : {}),
    });
    return table.readRows(result.index, result.columns, from, Math.min(count, result.rows - from + 1));
  };

  /** Rows from the top of a table that has not been scanned yet (see tables/head.ts). */
  const readHead = (ctx: Context, file: CandidateFile, from: number, count: number) =>
    readTableHead(join(ctx.stored.dir, 'files', ...file.path.split('/')), file.mediaType, from, count, {
      file: file.path,
      open: storedFileOpener(ctx.stored.meta, deps.key),
    });

  /**
   * The raw rows of a page: through the scan's index once the table is scanned, from the top
   * of the file (its first HEAD_ROWS rows) before then — so the first page shows at once.
   */
  const rowsOf = async (
    ref: TableRef,
    from: number,
    count: number,
  ): Promise<{ ctx: Context; file: CandidateFile; result: TableResult | null; columns: readonly string[]; raw: string[][] }> => {
    const scan = await deps.scans.results(ref.id, ref.revision);
    if (!scan && ref.sheet === undefined) {
      const ctx = await context(ref.id, ref.revision);
      const file = ctx.manifest.files.find((f) => f.path === ref.file);
      if (file?.table && !isWorkbook(file.mediaType)) {
        const head = await readHead(ctx, file, from, count);
        return { ctx, file, result: null, columns: head.columns, raw: head.rows };
      }
    }
    const { ctx, file, result } = await scannedTable(ref);
    return { ctx, file, result, columns: result.columns, raw: await readRaw(ctx, file, result, from, count) };
  };

  /** `"data/x.xlsx"`, or `"data/x.xlsx", sheet "名单"` — for messages. */
  const tableName = (ref: TableRef) => (ref.sheet === undefined ? `"${ref.file}"` : `"${ref.file}", sheet "${ref.sheet}"`);

  return {
    async overview(id, revision) {
      const ctx = await context(id, revision);
      const scanState = await deps.scans.status(id, revision);
      const scan = await deps.scans.results(id, revision);
      const tables: PreviewOverview['tables'] = [];
      const texts: PreviewOverview['texts'] = [];
      const unsupported: PreviewOverview['unsupported'] = [];
      for (const file of ctx.manifest.files) {
        const mine = scan?.results.filter((r) => r.file === file.path) ?? [];
        const result = mine[0];
        const sheets = mine.filter((r): r is TableResult => r.kind === 'table');
        if (sheets.length > 0) {
          // A workbook lists each worksheet as a table, in workbook order.
          for (const table of sheets) {
            const sheet = table.sheet;
            tables.push({
              file: file.path,
              ...(sheet
                ? {
                    sheet: sheet.name,
                    sheetInfo: { state: sheet.state, declared: sheet.declared, hiddenRows: sheet.hiddenRows, hiddenColumns: sheet.hiddenColumns },
                  }
                : {}),
              mediaType: file.mediaType,
              encoding: table.encoding.encoding,
              encodingGuessed: table.encoding.guessed,
              columns: table.columns.map((name) => columnInfo(ctx, file, table, name)),
              rows: table.rows,
              raggedRows: table.ragged.count,
            });
          }
        } else if (result?.kind === 'text') {
          texts.push({ file: file.path, role: file.role, mediaType: file.mediaType, lines: result.lines, hitCount: result.hitCount });
        } else if (scan) {
          unsupported.push({ file: file.path, mediaType: file.mediaType });
        } else if (file.table && !isWorkbook(file.mediaType)) {
          // Not scanned yet: the table's head is shown at once, the rest once the scan has indexed it.
          const head = await readHead(ctx, file, 1, HEAD_ROWS).catch(() => null);
          if (head) {
            tables.push({
              file: file.path,
              mediaType: file.mediaType,
              encoding: head.encoding.encoding,
              encodingGuessed: head.encoding.guessed,
              columns: head.columns.map((name) => columnInfo(ctx, file, null, name)),
              rows: head.complete ? head.rowsRead : HEAD_ROWS,
              raggedRows: 0,
              ...(head.complete ? {} : { provisional: true }),
            });
          }
        }
      }
      return { scan: scanState, policy: ctx.policy ? { id: ctx.policy.id, version: ctx.policy.version } : null, tables, texts, unsupported };
    },

    async rows(ref, from, count) {
      const { ctx, file, result, columns, raw } = await rowsOf(ref, from, count);
      const infos = columns.map((name) => ({ info: columnInfo(ctx, file, result, name), field: fieldOf(file, result, name) }));
      const asOf = chinaDay();
      return {
        from,
        rows: raw.map((cells, i) => ({
          row: from + i,
          cells: infos.map(({ info, field }, c) => {
            const value = cells[c] ?? '';
            if (value.trim() === '') return { text: '', state: 'empty' as const };
            const detections = cellDetections(value, asOf);
            const shown = maskForDisplay(value, {
              declared: field ? { class: field.class, transform: field.transform } : null,
              required: info.required.length > 0 ? info.required : null,
              detections,
            });
            const hits = [...new Set(detections.filter((d) => d.confidence >= 0.5).map((d) => d.detector))];
            return { text: shown.text, state: shown.state, ...(hits.length > 0 ? { hits } : {}) };
          }),
        })),
      };
    },

    async profiles(ref) {
      const { result } = await scannedTable(ref);
      const scan = await deps.scans.results(ref.id, ref.revision);
      return { profiles: result.profiles, scannedAt: scan?.finishedAt ?? '' };
    },

    async text(id, revision, path) {
      const ctx = await context(id, revision);
      const file = ctx.manifest.files.find((f) => f.path === path);
      if (!file || file.table) throw new ServiceError('preview.no-such-file', `${id} has no text file "${path}".`, { file: path });
      // Lines as the scan counted them (text-lines.ts), so hit line numbers match.
      const all: string[] = [];
      let more = false;
      for await (const { text } of readTextLines(storedFileOpener(ctx.stored.meta, deps.key), join(ctx.stored.dir, 'files', ...path.split('/')), path)) {
        if (all.length === MAX_TEXT_LINES) {
          more = true;
          break;
        }
        all.push(text);
      }
      const asOf = chinaDay();
      return {
        file: path,
        lines: all.map((text, i) => {
          const masked = maskTextWithRanges(text, findInText(text, { asOf }));
          return { line: i + 1, text: masked.text, ranges: masked.ranges };
        }),
        truncated: more,
      };
    },

    async reveal(ref, cells, reason) {
      const { ctx, file, result } = await scannedTable(ref);
      const roles = ctx.policy?.reveal.roles ?? ['reviewer', 'second-reviewer'];
      if (!roles.includes(LOCAL_ACTOR.role)) {
        throw new ServiceError('reveal.role', `The policy does not let the ${LOCAL_ACTOR.role} role reveal original values.`, { role: LOCAL_ACTOR.role });
      }
      const max = ctx.policy?.reveal.maxCellsPerReason ?? 50;
      if (cells.length > max) {
        throw new ServiceError('reveal.too-many', `At most ${max} cells can be revealed for one reason; select fewer cells.`, { limit: max });
      }
      const columnIndex = new Map(result.columns.map((c, i) => [c, i]));
      for (const cell of cells) {
        if (!columnIndex.has(cell.column) || cell.row > result.rows) {
          throw new ServiceError('reveal.no-such-cell', `${tableName(ref)} has no cell at row ${cell.row}, column "${cell.column}".`, { row: cell.row, column: cell.column });
        }
      }
      const values: RevealResult['cells'] = [];
      for (const cell of cells) {
        const [row] = await readRaw(ctx, file, result, cell.row, 1);
        values.push({ row: cell.row, column: cell.column, value: row?.[columnIndex.get(cell.column)!] ?? '' });
      }
      // The reveal is on disk before a single value leaves main.
      const event = await deps.audit.append({
        actor: LOCAL_ACTOR.id,
        action: 'reveal',
        target: `${ref.id}@${ref.revision}`,
        detail: { file: ref.file, ...(ref.sheet !== undefined ? { sheet: ref.sheet } : {}), cells: cells.map((c) => ({ row: c.row, column: c.column })), reason },
      });
      return { cells: values, auditSeq: event.seq };
    },
  };
}
