/**
 * The Preview tab of a candidate: the scan status, the files that can be previewed, and the
 * open file — a table in the virtualized grid (a workbook one sheet at a time, chosen in the
 * sheet switcher) or a text with its highlights. A table is shown at once from the top of its
 * file (provisional: its first rows) while the scan runs in the background; texts and workbooks
 * are listed once the scan is done.
 */
import { useTranslation } from 'react-i18next';
import type { TableInfo } from '../../../../../shared/ipc/schemas/preview';
import { ErrorMessage } from '../../../app/components/ErrorMessage';
import { ErrorIcon } from '../../../app/components/icons';
import { candidateKey, sheetKey, usePreviewStore } from '../store';
import { usePreviewOverview } from '../use-preview-overview';
import type { ScanControl } from '../use-scan';
import { groupTables, pickTable } from '../workbook-view';
import { FileSwitcher } from './FileSwitcher';
import { ScanStatus } from './ScanStatus';
import { SheetSwitcher } from './SheetSwitcher';
import { TablePreview } from './TablePreview';
import { TextFilePreview } from './TextFilePreview';

/** A table's grid starts afresh when the scan replaces its provisional head with the indexed table. */
const tableKey = (table: TableInfo) => `t:${table.file}:${table.sheet ?? ''}:${table.provisional ? 'head' : 'scanned'}`;

export function PreviewPanel({ id, revision, scan }: { id: string; revision: number; scan: ScanControl }) {
  const { t } = useTranslation();
  const scanState = scan.progress?.state;
  const state = usePreviewOverview(id, revision, scanState);
  const key = candidateKey(id, revision);
  const chosen = usePreviewStore((s) => s.files[key]);
  const setFile = usePreviewStore((s) => s.setFile);
  const sheets = usePreviewStore((s) => s.sheets);
  const setSheet = usePreviewStore((s) => s.setSheet);

  const overview = state.status === 'ready' ? state.overview : null;
  const files = groupTables(overview?.tables ?? []);
  const texts = overview?.texts ?? [];
  const tableFile = files.find((f) => f.file === chosen) ?? (texts.some((f) => f.file === chosen) ? undefined : files[0]);
  const table = tableFile ? pickTable(tableFile, sheets[sheetKey(key, tableFile.file)]) : undefined;
  const text = table ? undefined : (texts.find((f) => f.file === chosen) ?? texts[0]);
  const current = table?.file ?? text?.file ?? null;
  const listed = overview !== null && (files.length > 0 || texts.length > 0 || overview.unsupported.length > 0);

  let body;
  if (state.status === 'failed') {
    body = (
      <div className="banner banner-error" role="alert" data-testid="preview-error">
        <ErrorIcon />
        <span>
          <strong>{t('preview.files.loadFailed')}</strong> <ErrorMessage error={state.error} />
        </span>
      </div>
    );
  } else if (table && tableFile?.workbook) {
    body = (
      <div className="workbook-preview" data-testid="workbook-preview" data-file={table.file}>
        <SheetSwitcher file={tableFile.file} sheets={tableFile.tables} current={table.sheet} onSelect={(sheet) => setSheet(key, tableFile.file, sheet)} />
        <TablePreview key={tableKey(table)} id={id} revision={revision} table={table} />
      </div>
    );
  } else if (table) {
    body = <TablePreview key={tableKey(table)} id={id} revision={revision} table={table} />;
  } else if (text) {
    body = <TextFilePreview key={`x:${text.file}`} id={id} revision={revision} info={text} />;
  } else if (scanState === 'done' && overview?.scan.state === 'done') {
    body = (
      <div className="preview-empty" data-testid="preview-empty">
        <p>{t('preview.files.none')}</p>
      </div>
    );
  } else {
    body = (
      <div className="preview-empty" data-testid="preview-waiting">
        <p>{t(scanState === 'not-started' || scanState === 'cancelled' || scanState === 'failed' ? `preview.scan.help.${scanState}` : 'preview.scan.help.waiting')}</p>
      </div>
    );
  }

  return (
    <div className="preview-panel" data-testid="preview-panel">
      <div className="preview-bar">
        {listed ? <FileSwitcher overview={overview} current={current} onSelect={(file) => setFile(key, file)} /> : <span className="preview-bar-spacer" />}
        <ScanStatus scan={scan} />
      </div>
      {body}
    </div>
  );
}
