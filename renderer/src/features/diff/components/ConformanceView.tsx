/**
 * The conformance diff of one table: per-column counts (conforming, non-conforming, empty,
 * and the transform the policy requires) in a small table whose rows pick the column, and the
 * chosen column's rows as two columns — the candidate's value (masked for display, differing
 * characters replaced by markers in main) beside the form the policy requires. A focus from a
 * finding presets the table, the column and the first row.
 */
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TableInfo, ScanProgress } from '../../../../../shared/ipc/schemas/preview';
import type { ColumnConformance } from '../../../../../shared/ipc/schemas/review';
import { WarningIcon } from '../../../app/components/icons';
import { formatCount, formatShare } from '../../preview/preview-format';
import { candidateKey } from '../../preview/store';
import { usePreviewOverview } from '../../preview/use-preview-overview';
import { conformingShare, pickColumn, pickDiffTable, summaryTotals, tableId } from '../conformance-model';
import { useDiffStore } from '../store';
import { useInvoke } from '../use-invoke';
import { ConformanceRowsList } from './ConformanceRowsList';
import { DiffEmpty, DiffFailed, DiffLoading, DiffScanWait } from './DiffStates';
import { TablePicker } from './TablePicker';

type Props = { id: string; revision: number; scanState: ScanProgress['state'] | undefined };

export function ConformanceView({ id, revision, scanState }: Props) {
  const { t } = useTranslation();
  const overview = usePreviewOverview(id, revision, scanState);
  const key = candidateKey(id, revision);
  const choice = useDiffStore((s) => s.choices[key]);
  const setChoice = useDiffStore((s) => s.setChoice);

  if (overview.status === 'loading') return <DiffLoading />;
  if (overview.status === 'failed') return <DiffFailed error={overview.error} />;
  if (overview.overview.scan.state !== 'done') return <DiffScanWait state={scanState ?? overview.overview.scan.state} />;
  const tables = overview.overview.tables;
  if (tables.length === 0) return <DiffEmpty>{t('diff.state.noTables')}</DiffEmpty>;
  const table = pickDiffTable(tables, choice?.file === undefined ? undefined : { file: choice.file, sheet: choice.sheet });

  return (
    <div className="diff-view conformance-view" data-testid="conformance-view">
      <div className="diff-toolbar">
        <TablePicker tables={tables} current={table} onSelect={(next) => setChoice(key, { file: next.file, sheet: next.sheet })} />
      </div>
      {table && <TableConformance key={tableId(table)} id={id} revision={revision} table={table} />}
    </div>
  );
}

function TableConformance({ id, revision, table }: { id: string; revision: number; table: TableInfo }) {
  const { t } = useTranslation();
  const key = candidateKey(id, revision);
  const choice = useDiffStore((s) => s.choices[key]);
  const jump = useDiffStore((s) => s.jumps[key]);
  const setChoice = useDiffStore((s) => s.setChoice);
  const [summary, reload] = useInvoke('review:conformance-summary', { id, revision, file: table.file, ...(table.sheet !== undefined ? { sheet: table.sheet } : {}) });

  if (summary.status === 'loading' || summary.status === 'idle') return <DiffLoading />;
  if (summary.status === 'failed') return <DiffFailed error={summary.error} onRetry={reload} />;
  const columns = summary.value.columns;
  if (columns.length === 0) return <DiffEmpty>{t('diff.conformance.noColumns')}</DiffEmpty>;
  const column = pickColumn(columns, choice?.column)!;
  const only = choice?.onlyNonconforming ?? false;
  const start = jump?.row ?? 1;

  return (
    <div className="conformance-body">
      <SummaryTable columns={columns} current={column.column} onSelect={(name) => setChoice(key, { column: name })} />
      <ConformanceRowsList
        key={`${column.column}\u0000${only}\u0000${start}\u0000${jump?.seq ?? 0}`}
        id={id}
        revision={revision}
        table={table}
        column={column}
        onlyNonconforming={only}
        start={start}
      />
    </div>
  );
}

function SummaryTable({ columns, current, onSelect }: { columns: readonly ColumnConformance[]; current: string; onSelect: (column: string) => void }) {
  const { t } = useTranslation();
  const totals = summaryTotals(columns);
  const names = columns.map((c) => c.column);

  // ↑/↓ move between the columns' buttons (the table is a list of choices).
  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const index = names.indexOf(current);
    const next = names[(index + (event.key === 'ArrowDown' ? 1 : names.length - 1)) % names.length];
    if (next === undefined) return;
    event.preventDefault();
    onSelect(next);
    const section = event.currentTarget;
    requestAnimationFrame(() => section.querySelector<HTMLButtonElement>(`button[data-column="${CSS.escape(next)}"]`)?.focus());
  };

  return (
    <section className="conformance-summary" aria-labelledby="conformance-summary-title" data-testid="conformance-summary">
      <header className="diff-section-head">
        <h3 id="conformance-summary-title">{t('diff.conformance.summaryTitle')}</h3>
        <span className="muted small">{t('diff.conformance.summaryAside', { n: formatCount(totals.columnsWithProblems) })}</span>
      </header>
      <div className="table-wrap diff-table-wrap">
        <table className="data-table diff-table summary-table">
          <thead>
            <tr>
              <th scope="col">{t('diff.conformance.columns.columnRequired')}</th>
              <th scope="col" className="numeric" title={t('diff.conformance.columnHelp.conforming')}>
                {t('diff.conformance.columns.conforming')}
              </th>
              <th scope="col" className="numeric" title={t('diff.conformance.columnHelp.nonconforming')}>
                {t('diff.conformance.columns.nonconforming')}
              </th>
              <th scope="col" className="numeric" title={t('diff.conformance.columnHelp.empty')}>
                {t('diff.conformance.columns.empty')}
              </th>
            </tr>
          </thead>
          <tbody onKeyDown={onKeyDown}>
            {columns.map((c) => {
              const selected = c.column === current;
              const share = conformingShare(c);
              return (
                <tr
                  key={c.column}
                  className={`${selected ? 'is-selected' : ''}${c.nonconforming > 0 ? ' has-problem' : ''}`}
                  data-testid="conformance-summary-row"
                  data-column={c.column}
                  data-conforming={c.conforming}
                  data-nonconforming={c.nonconforming}
                  data-empty={c.empty}
                  aria-selected={selected}
                  onClick={() => onSelect(c.column)}
                >
                  <th scope="row" className="summary-column">
                    <button type="button" className="summary-pick" data-column={c.column} aria-pressed={selected} tabIndex={selected ? 0 : -1} onClick={() => onSelect(c.column)}>
                      <code>{c.column}</code>
                    </button>
                    <span className="summary-required">
                      <span className="visually-hidden">{t('diff.conformance.columns.required')}: </span>
                      {c.required.length === 0 ? (
                        <span className="muted small">{t('diff.noRequirement')}</span>
                      ) : (
                        <span className="chips">
                          {c.required.map((name) => (
                            <code key={name} className="chip">
                              {name}
                            </code>
                          ))}
                        </span>
                      )}
                    </span>
                  </th>
                  <td className="numeric tabular" title={share === null ? undefined : t('diff.conformance.share', { share: formatShare(share) })}>
                    {formatCount(c.conforming)}
                  </td>
                  <td className={`numeric tabular${c.nonconforming > 0 ? ' count-bad' : ''}`}>
                    {c.nonconforming > 0 && <WarningIcon size={12} />}
                    {formatCount(c.nonconforming)}
                  </td>
                  <td className="numeric tabular muted">{formatCount(c.empty)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
