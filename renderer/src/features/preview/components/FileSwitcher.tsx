/**
 * The files of the candidate that can be previewed: tables with their row count, encoding
 * (flagged when the workstation had to guess it) and ragged rows; a workbook once, with its
 * number of sheets and how many Excel hides (the sheet switcher shows them); texts with their
 * line and identifier counts; and files that cannot be previewed, shown but not selectable.
 */
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
            <button
              key={`w:${group.file}`}
              type="button"
              role="tab"
              aria-selected={group.file === current}
              className="file-chip"
              data-testid="preview-file"
              data-file={group.file}
              data-kind="workbook"
              title={group.file}
              onClick={() => onSelect(group.file)}
            >
              <TableIcon size={15} className="file-chip-icon" />
              <span className="file-chip-text">
                <span className="file-chip-name">{group.file}</span>
                <span className="file-chip-meta">
                  <span>{t('preview.files.sheets', { count: group.tables.length, n: formatCount(group.tables.length) })}</span>
                  <span className="dot-sep" aria-hidden="true" />
                  <span className="mono">XLSX</span>
                  {hidden > 0 && (
                    <span className="flag flag-warning" data-testid="preview-file-hidden-sheets" title={t('preview.files.hiddenSheetsTitle', { count: hidden, n: formatCount(hidden) })}>
                      <WarningIcon size={11} />
                      {t('preview.files.hiddenSheets', { n: formatCount(hidden) })}
                    </span>
                  )}
                </span>
              </span>
            </button>
          );
        }
        const table = group.tables[0]!;
        return (
          <button
            key={`t:${table.file}`}
            type="button"
            role="tab"
            aria-selected={table.file === current}
            className="file-chip"
            data-testid="preview-file"
            data-file={table.file}
            data-kind="table"
            title={table.file}
            onClick={() => onSelect(table.file)}
          >
            <TableIcon size={15} className="file-chip-icon" />
            <span className="file-chip-text">
              <span className="file-chip-name">{table.file}</span>
              <span className="file-chip-meta">
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
              </span>
            </span>
          </button>
        );
      })}
      {overview.texts.map((text) => (
        <button
          key={`x:${text.file}`}
          type="button"
          role="tab"
          aria-selected={text.file === current}
          className="file-chip"
          data-testid="preview-file"
          data-file={text.file}
          data-kind="text"
          title={text.file}
          onClick={() => onSelect(text.file)}
        >
          <DocumentIcon size={15} className="file-chip-icon" />
          <span className="file-chip-text">
            <span className="file-chip-name">{text.file}</span>
            <span className="file-chip-meta">
              <span>{t('preview.files.lines', { count: text.lines, n: formatCount(text.lines) })}</span>
              <span className="dot-sep" aria-hidden="true" />
              <span>{hasMessage(`candidate.roles.${text.role}`) ? translateDynamic(`candidate.roles.${text.role}`) : text.role}</span>
              {text.hitCount > 0 && (
                <span className="flag flag-info" title={t('preview.files.hitsTitle')}>
                  {t('preview.files.hits', { count: text.hitCount, n: formatCount(text.hitCount) })}
                </span>
              )}
            </span>
          </span>
        </button>
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
