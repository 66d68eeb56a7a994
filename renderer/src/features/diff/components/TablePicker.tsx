/** Picks the table a diff view shows: every table of the candidate, a workbook's sheets as `file › sheet`. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { TableInfo } from '../../../../../shared/ipc/schemas/preview';
import { tableId, tableLabel } from '../conformance-model';

export function TablePicker({ tables, current, onSelect }: { tables: readonly TableInfo[]; current: TableInfo | undefined; onSelect: (table: TableInfo) => void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <span className="toolbar-field select-field diff-table-picker">
      <label className="toolbar-label" htmlFor={id}>
        {t('diff.table')}
      </label>
      <select
        id={id}
        data-testid="diff-table-picker"
        value={current ? tableId(current) : ''}
        onChange={(event) => {
          const table = tables.find((candidate) => tableId(candidate) === event.target.value);
          if (table) onSelect(table);
        }}
      >
        {tables.map((table) => (
          <option key={tableId(table)} value={tableId(table)}>
            {tableLabel(table)}
            {table.sheetInfo && !table.sheetInfo.declared ? ` ${t('diff.undeclaredSheet')}` : ''}
          </option>
        ))}
      </select>
    </span>
  );
}
