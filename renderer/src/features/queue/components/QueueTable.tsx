/**
 * The queue table (@tanstack/react-table): sortable headers with aria-sort, one row per
 * candidate revision, ↑/↓ to move the selection and Enter or a click to open. Rows arrive
 * already filtered and sorted by the pure helpers of queue-model.ts.
 */
import { createColumnHelper, flexRender, getCoreRowModel, useReactTable, type SortingState, type Updater } from '@tanstack/react-table';
import { useEffect, useMemo, useRef, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { SortIcon, WarningIcon } from '../../../app/components/icons';
import { StatusBadge } from '../../../app/components/StatusBadge';
import { formatDateTime } from '../../../app/format';
import type { FindingsSummaryRecord, QueueRecord } from '../../../db/database';
import { SORTABLE_COLUMNS, moveSelection, rowKey, type QueueSort, type SortColumn } from '../queue-model';

type Props = {
  rows: readonly QueueRecord[];
  sort: QueueSort | null;
  onSortChange: (sort: QueueSort | null) => void;
  selectedKey: string | null;
  onSelect: (key: string | null) => void;
  onOpen: (row: QueueRecord) => void;
  /** Shown under the header when there are no rows. */
  empty: ReactNode;
  tableRef?: Ref<HTMLTableElement>;
};

const column = createColumnHelper<QueueRecord>();

function isSortColumn(id: string): id is SortColumn {
  return (SORTABLE_COLUMNS as readonly string[]).includes(id);
}

export function QueueTable({ rows, sort, onSortChange, selectedKey, onSelect, onOpen, empty, tableRef }: Props) {
  const { t } = useTranslation();
  const bodyRef = useRef<HTMLTableSectionElement>(null);

  const columns = useMemo(
    () => [
      column.accessor('id', {
        header: () => t('queue.columns.id'),
        cell: (info) => (
          <span className="id-cell">
            <span className="mono">{info.getValue()}</span>
            <span className="revision-chip">{t('queue.revision', { revision: info.row.original.revision })}</span>
          </span>
        ),
      }),
      column.accessor('productName', {
        header: () => t('queue.columns.product'),
        cell: (info) => (
          <span className="product-cell">
            <span className="truncate" title={info.getValue()}>
              {info.getValue()}
            </span>
            {info.row.original.rawPackage && (
              <span className="flag flag-warning" title={t('queue.rawPackageTitle')}>
                <WarningIcon size={12} />
                {t('queue.rawPackage')}
              </span>
            )}
          </span>
        ),
      }),
      column.accessor('kind', { header: () => t('queue.columns.kind'), cell: (info) => t(`kinds.${info.getValue()}`) }),
      column.accessor('operatorName', {
        header: () => t('queue.columns.operator'),
        cell: (info) => (
          <span className="truncate" title={info.getValue()}>
            {info.getValue()}
          </span>
        ),
      }),
      column.accessor('scenarioName', {
        header: () => t('queue.columns.scenario'),
        cell: (info) => (
          <span className="truncate" title={`${info.row.original.scenarioId} · ${info.getValue()}`}>
            {info.getValue()}
          </span>
        ),
      }),
      column.accessor('submittedAt', {
        header: () => t('queue.columns.submitted'),
        cell: (info) => (
          <time className="tabular" dateTime={info.getValue()} title={info.getValue()}>
            {formatDateTime(info.getValue())}
          </time>
        ),
      }),
      column.accessor('fileCount', { header: () => t('queue.columns.files'), cell: (info) => <span className="tabular">{info.getValue()}</span> }),
      column.accessor('findings', { header: () => t('queue.columns.findings'), cell: (info) => <FindingsCounts findings={info.getValue()} /> }),
      column.accessor('status', { header: () => t('queue.columns.status'), cell: (info) => <StatusBadge status={info.getValue()} /> }),
    ],
    [t],
  );

  const sorting: SortingState = sort ? [{ id: sort.column, desc: sort.desc }] : [];
  const onSortingChange = (updater: Updater<SortingState>) => {
    const next = typeof updater === 'function' ? updater(sorting) : updater;
    const first = next[0];
    onSortChange(first && isSortColumn(first.id) ? { column: first.id, desc: first.desc } : null);
  };

  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler here; the table instance never leaves this component.
  const table = useReactTable({
    data: rows as QueueRecord[],
    columns,
    state: { sorting },
    onSortingChange,
    manualSorting: true,
    enableSortingRemoval: false,
    enableMultiSort: false,
    getCoreRowModel: getCoreRowModel(),
    getRowId: rowKey,
  });

  const keys = useMemo(() => rows.map(rowKey), [rows]);

  // Keep the keyboard selection in view.
  useEffect(() => {
    if (selectedKey === null) return;
    const row = bodyRef.current?.querySelector<HTMLTableRowElement>('tr[aria-selected="true"]');
    row?.scrollIntoView({ block: 'nearest' });
  }, [selectedKey]);

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      onSelect(moveSelection(keys, selectedKey, event.key === 'ArrowDown' ? 1 : -1));
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      onSelect((event.key === 'Home' ? keys[0] : keys[keys.length - 1]) ?? null);
    } else if (event.key === 'Enter') {
      const row = rows.find((r) => rowKey(r) === selectedKey);
      if (row && event.target === event.currentTarget) {
        event.preventDefault();
        onOpen(row);
      }
    }
  };

  const selectedIndex = selectedKey === null ? -1 : keys.indexOf(selectedKey);

  return (
    <div className="table-wrap">
      <table
        ref={tableRef}
        className="data-table queue-table"
        data-testid="queue-table"
        role="grid"
        tabIndex={0}
        onKeyDown={onKeyDown}
        aria-label={t('queue.tableLabel')}
        aria-rowcount={rows.length + 1}
        aria-activedescendant={selectedIndex >= 0 ? `queue-row-${selectedIndex}` : undefined}
      >
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const direction = header.column.getIsSorted();
                return (
                  <th
                    key={header.id}
                    scope="col"
                    className={`col-${header.column.id}`}
                    aria-sort={direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : 'none'}
                  >
                    <button type="button" className="sort-button" data-testid={`queue-sort-${header.column.id}`} onClick={header.column.getToggleSortingHandler()}>
                      <span>{flexRender(header.column.columnDef.header, header.getContext())}</span>
                      <SortIcon size={12} direction={direction} />
                    </button>
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody ref={bodyRef}>
          {table.getRowModel().rows.map((row, index) => (
            <tr
              key={row.id}
              id={`queue-row-${index}`}
              data-testid="queue-row"
              data-candidate-id={row.original.id}
              data-revision={row.original.revision}
              aria-selected={row.id === selectedKey}
              onClick={() => {
                onSelect(row.id);
                onOpen(row.original);
              }}
            >
              {row.getVisibleCells().map((cell) => (
                <td key={cell.id} className={`col-${cell.column.id}`}>
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && empty}
    </div>
  );
}

/** What the last check found: blocks and warnings still open, or that nothing stands, or that it has not been checked here. */
function FindingsCounts({ findings }: { findings: FindingsSummaryRecord | undefined }) {
  const { t } = useTranslation();
  if (!findings) return <span className="queue-findings is-unchecked">{t('queue.findings.unchecked')}</span>;
  const openWarnings = Math.max(0, findings.warn - findings.acknowledged);
  if (findings.block === 0 && openWarnings === 0) {
    return (
      <span className="queue-findings is-clear" data-testid="queue-findings" data-block={0} data-warn={0}>
        {t('queue.findings.clear')}
      </span>
    );
  }
  return (
    <span className="queue-findings" data-testid="queue-findings" data-block={findings.block} data-warn={openWarnings} title={t('queue.findings.title', { block: findings.block, warn: openWarnings })}>
      {findings.block > 0 && (
        <span className="severity-block queue-findings-count">
          <span className="severity-dot" aria-hidden="true" />
          {t('queue.findings.block', { count: findings.block })}
        </span>
      )}
      {openWarnings > 0 && (
        <span className="severity-warn queue-findings-count">
          <span className="severity-dot" aria-hidden="true" />
          {t('queue.findings.warn', { count: openWarnings })}
        </span>
      )}
    </span>
  );
}
