/**
 * The sheets of the open workbook as tabs, in workbook order: each with its row count, the
 * sheet the manifest declares marked, and what Excel hides flagged — hidden and very hidden
 * sheets, hidden rows and columns. Keyboard: Tab reaches the open sheet, arrows, Home and End
 * move between sheets and open them (the WAI-ARIA tabs pattern).
 */
import { useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TableInfo } from '../../../../../shared/ipc/schemas/preview';
import { EyeOffIcon } from '../../../app/components/icons';
import { formatCount } from '../preview-format';
import { tabKeyTarget } from '../workbook-view';

type Props = {
  file: string;
  sheets: readonly TableInfo[];
  current: string | undefined;
  onSelect: (sheet: string) => void;
};

export function SheetSwitcher({ file, sheets, current, onSelect }: Props) {
  const { t } = useTranslation();
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const currentIndex = Math.max(0, sheets.findIndex((s) => s.sheet === current));

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = tabKeyTarget(event.key, currentIndex, sheets.length);
    if (target === null) return;
    event.preventDefault();
    const sheet = sheets[target]?.sheet;
    if (sheet === undefined) return;
    onSelect(sheet);
    tabs.current[target]?.focus();
  };

  return (
    <div className="sheet-bar" data-testid="sheet-switcher" data-file={file}>
      <span className="sheet-bar-label" aria-hidden="true">
        {t('preview.sheets.label')}
      </span>
      <div className="sheet-tabs" role="tablist" aria-label={t('preview.sheets.ariaLabel', { file })} onKeyDown={onKeyDown}>
        {sheets.map((table, index) => {
          const info = table.sheetInfo;
          const name = table.sheet ?? '';
          const selected = index === currentIndex;
          const state = info?.state ?? 'visible';
          const hiddenRows = info?.hiddenRows.count ?? 0;
          const hiddenColumns = info?.hiddenColumns.length ?? 0;
          return (
            <button
              key={name}
              ref={(element) => {
                tabs.current[index] = element;
              }}
              type="button"
              role="tab"
              aria-selected={selected}
              tabIndex={selected ? 0 : -1}
              className={`sheet-tab${state !== 'visible' ? ' is-hidden' : ''}`}
              data-testid="preview-sheet"
              data-sheet={name}
              data-state={state}
              data-declared={info?.declared ? 'true' : undefined}
              title={state === 'visible' ? name : `${name} — ${t(`preview.sheets.${state}Title`)}`}
              onClick={() => onSelect(name)}
            >
              {state !== 'visible' && <EyeOffIcon size={13} className="sheet-tab-icon" />}
              <span className="sheet-tab-name">{name}</span>
              <span className="sheet-tab-rows tabular">{t('preview.files.rows', { count: table.rows, n: formatCount(table.rows) })}</span>
              {state !== 'visible' && (
                <span className="flag flag-warning" data-testid="preview-sheet-hidden">
                  {t(`preview.sheets.${state}`)}
                </span>
              )}
              {info?.declared && (
                <span className="flag flag-info" title={t('preview.sheets.declaredTitle')}>
                  {t('preview.sheets.declared')}
                </span>
              )}
              {hiddenRows + hiddenColumns > 0 && (
                <span
                  className="flag flag-warning"
                  data-testid="preview-sheet-hidden-parts"
                  title={[
                    hiddenRows > 0 ? t('preview.sheets.hiddenRows', { count: hiddenRows, n: formatCount(hiddenRows) }) : '',
                    hiddenColumns > 0 ? t('preview.sheets.hiddenColumns', { count: hiddenColumns, n: formatCount(hiddenColumns) }) : '',
                  ]
                    .filter(Boolean)
                    .join(t('preview.sheets.separator'))}
                >
                  {t('preview.sheets.hiddenParts', { n: formatCount(hiddenRows + hiddenColumns) })}
                </span>
              )}
            </button>
          );
        })}
      </div>
    </div>
  );
}
