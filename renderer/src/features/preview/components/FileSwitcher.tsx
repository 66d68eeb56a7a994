/**
 * The files of the candidate that can be previewed: tables with their row count, encoding
 * (flagged when the workstation had to guess it) and ragged rows; a workbook once, with its
 * number of sheets and how many Excel hides (the sheet switcher shows them); texts with their
 * line and identifier counts; and files that cannot be previewed, shown but not selectable.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PreviewOverview } from '../../../../../shared/ipc/schemas/preview';
import { DocumentIcon, TableIcon, WarningIcon } from '../../../app/components/icons';
import { hasMessage, translateDynamic } from '../../../app/i18n';
import { formatCount } from '../preview-format';
import { groupTables, hiddenSheets } from '../workbook-view';

type Props = {
  overview: PreviewOverview;
  current: string | null;
  onSelect: (file: string) => void;
};

type ChipProps = {
  file: string;
  kind: 'workbook' | 'table' | 'text';
  current: string | null;
  onSelect: (file: string) => void;
  children: ReactNode;
};

/** One selectable file: its icon, its path and a line of facts (`children`). */
function FileChip({ file, kind, current, onSelect, children }: ChipProps) {
  const Icon = kind === 'text' ? DocumentIcon : TableIcon;
  return (
    <button
      type="button"
      role="tab"
      aria-selected={file === current}
      className="file-chip"
      data-testid="preview-file"
      data-file={file}
      data-kind={kind}
      title={file}
      onClick={() => onSelect(file)}
    >
      <Icon size={15} className="file-chip-icon" />
      <span className="file-chip-text">
        <span className="file-chip-name">{file}</span>
        <span className="file-chip-meta">{children}</span>
      </span>
    </button>
  );
}

function encodingLabel(encoding: string): string {
  return encoding.toUpperCase().replace(/-BOM$/, ' BOM');
}

export function FileSwitcher({ overview, current, onSelect }: Props) {
  const { t } = useTranslation();
  return (
    <div className="file-switcher" role="tablist" aria-label={t('preview.files.label')} data-testid="preview-files">
      {groupTables(overview.tables).map((group) => {
        if (group.workbook) {
          const hidden = hiddenSheets(group);
          return (
            <FileChip key={`w:${group.file}`} file={group.file} kind="workbook" current={current} onSelect={onSelect}>
              <span>{t('preview.files.sheets', { count: group.tables.length, n: formatCount(group.tables.length) })}</span>
              <span className="dot-sep" aria-hidden="true" />
              <span className="mono">XLSX</span>
              {hidden > 0 && (
                <span className="flag flag-warning" data-testid="preview-file-hidden-sheets" title={t('preview.files.hiddenSheetsTitle', { count: hidden, n: formatCount(hidden) })}>
                  <WarningIcon size={11} />
                  {t('preview.files.hiddenSheets', { n: formatCount(hidden) })}
                </span>
              )}
            </FileChip>
          );
        }
        const table = group.tables[0]!;
        return (
          <FileChip key={`t:${table.file}`} file={table.file} kind="table" current={current} onSelect={onSelect}>
            <span>{t('preview.files.rows', { count: table.rows, n: formatCount(table.rows) })}</span>
            <span className="dot-sep" aria-hidden="true" />
            <span className="mono" data-testid="preview-file-encoding">
              {encodingLabel(table.encoding)}
            </span>
            {table.encodingGuessed && (
              <span className="flag flag-warning" data-testid="preview-file-encoding-guessed" title={t('preview.files.encodingGuessedTitle', { encoding: encodingLabel(table.encoding) })}>
                <WarningIcon size={11} />
                {t('preview.files.encodingGuessed')}
              </span>
            )}
            {table.raggedRows > 0 && (
              <span className="flag flag-warning" data-testid="preview-file-ragged" title={t('preview.files.raggedTitle', { count: table.raggedRows, n: formatCount(table.raggedRows) })}>
                {t('preview.files.ragged', { n: formatCount(table.raggedRows) })}
              </span>
            )}
          </FileChip>
        );
      })}
      {overview.texts.map((text) => (
        <FileChip key={`x:${text.file}`} file={text.file} kind="text" current={current} onSelect={onSelect}>
          <span>{t('preview.files.lines', { count: text.lines, n: formatCount(text.lines) })}</span>
          <span className="dot-sep" aria-hidden="true" />
          <span>{hasMessage(`candidate.roles.${text.role}`) ? translateDynamic(`candidate.roles.${text.role}`) : text.role}</span>
          {text.hitCount > 0 && (
            <span className="flag flag-info" title={t('preview.files.hitsTitle')}>
              {t('preview.files.hits', { count: text.hitCount, n: formatCount(text.hitCount) })}
            </span>
          )}
        </FileChip>
      ))}
      {overview.unsupported.map((file) => (
        <span key={`u:${file.file}`} className="file-chip unsupported" data-testid="preview-file-unsupported" data-file={file.file} title={translateDynamic('errors.tables.unsupported', { file: file.file, mediaType: file.mediaType })}>
          <DocumentIcon size={15} className="file-chip-icon" />
          <span className="file-chip-text">
            <span className="file-chip-name">{file.file}</span>
            <span className="file-chip-meta">{t('preview.files.unsupported')}</span>
          </span>
        </span>
      ))}
    </div>
  );
}
