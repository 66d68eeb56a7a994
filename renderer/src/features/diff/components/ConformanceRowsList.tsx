/**
 * The rows of one column in the conformance diff: a header with the column's counts, the
 * required transforms, the "only non-conforming rows" filter and "start at row"; then the rows,
 * virtualized (only those on screen exist), loaded 200 at a time through `next` as the list
 * scrolls near its end. Each row: its number, the result in words, the candidate's value
 * (masked, markers where it differs) and the required form. The focused row is marked.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, useState, useSyncExternalStore, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TableInfo } from '../../../../../shared/ipc/schemas/preview';
import type { ColumnConformance } from '../../../../../shared/ipc/schemas/review';
import { api } from '../../../app/api';
import { CheckIcon, WarningIcon } from '../../../app/components/icons';
import { formatCount } from '../../preview/preview-format';
import { candidateKey } from '../../preview/store';
import { createConformanceLoader, type FetchConformance } from '../conformance-loader';
import { useDiffStore } from '../store';
import { DiffFailed } from './DiffStates';
import { Segments } from './Segments';

export const CONFORMANCE_ROW_HEIGHT = 30;
const HEADER_HEIGHT = 30;

type Props = {
  id: string;
  revision: number;
  table: TableInfo;
  column: ColumnConformance;
  onlyNonconforming: boolean;
  /** First row to show (1, or a focused row). */
  start: number;
};

function ResultTag({ conforming }: { conforming: boolean }) {
  const { t } = useTranslation();
  return conforming ? (
    <span className="result-tag result-ok">
      <CheckIcon size={12} />
      {t('diff.conformance.rowConforming')}
    </span>
  ) : (
    <span className="result-tag result-bad">
      <WarningIcon size={12} />
      {t('diff.conformance.rowNonconforming')}
    </span>
  );
}

export function ConformanceRowsList({ id, revision, table, column, onlyNonconforming, start }: Props) {
  const { t } = useTranslation();
  const key = candidateKey(id, revision);
  const setChoice = useDiffStore((s) => s.setChoice);
  const jumpTo = useDiffStore((s) => s.jumpTo);
  const [jumpText, setJumpText] = useState(start > 1 ? String(start) : '');
  const scrollRef = useRef<HTMLDivElement>(null);

  const fetch = useCallback<FetchConformance>(
    (from, count, only) =>
      api.invoke('review:conformance', { id, revision, file: table.file, ...(table.sheet !== undefined ? { sheet: table.sheet } : {}), column: column.column, from, count, onlyNonconforming: only }),
    [id, revision, table.file, table.sheet, column.column],
  );
  // One loader per list: the list is keyed by column, filter and start, so a change makes a new one.
  const [loader] = useState(() => createConformanceLoader(fetch, start, onlyNonconforming));
  const list = useSyncExternalStore(loader.subscribe, loader.snapshot);
  const counts = list.column ?? column;

  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler here; the virtualizer never leaves this component.
  const virtualizer = useVirtualizer({
    count: list.rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => CONFORMANCE_ROW_HEIGHT,
    overscan: 8,
    paddingStart: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    useFlushSync: false,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? -1;
  useEffect(() => loader.show(lastIndex), [loader, lastIndex]);

  const onJumpKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const row = Number.parseInt(jumpText, 10);
    if (!Number.isFinite(row) || row < 1) return;
    const clamped = table.rows > 0 ? Math.min(row, table.rows) : row;
    setJumpText(String(clamped));
    jumpTo(key, clamped);
  };

  const loading = list.pending !== null;
  const emptyValue = t('diff.conformance.emptyValue');
  const notAuthorized = t('diff.conformance.noRequiredForm');
  const ended = list.next === null && !loading && list.error === null;

  return (
    <section className="conformance-rows" aria-labelledby="conformance-rows-title" data-testid="conformance-rows" data-column={column.column} data-start={start} data-only-nonconforming={onlyNonconforming}>
      <header className="diff-section-head conformance-rows-head">
        <h3 id="conformance-rows-title">
          {t('diff.conformance.rowsTitle')} <code>{column.column}</code>
        </h3>
        <span className="conformance-required small">
          <span className="muted">{t('diff.conformance.required')}</span>
          {counts.required.length === 0 ? (
            <span className="muted">{t('diff.noRequirement')}</span>
          ) : (
            <span className="chips">
              {counts.required.map((name) => (
                <code key={name} className="chip">
                  {name}
                </code>
              ))}
            </span>
          )}
        </span>
        <span className="conformance-counts small tabular" data-testid="conformance-counts">
          <span className="count-ok">{t('diff.conformance.countConforming', { n: formatCount(counts.conforming) })}</span>
          <span className={counts.nonconforming > 0 ? 'count-bad' : undefined}>{t('diff.conformance.countNonconforming', { n: formatCount(counts.nonconforming) })}</span>
          <span className="muted">{t('diff.conformance.countEmpty', { n: formatCount(counts.empty) })}</span>
        </span>
      </header>

      <div className="diff-toolbar conformance-tools">
        <label className="diff-check">
          <input type="checkbox" data-testid="conformance-only-nonconforming" checked={onlyNonconforming} onChange={(event) => setChoice(key, { onlyNonconforming: event.target.checked })} />
          {t('diff.conformance.onlyNonconforming')}
        </label>
        <label className="toolbar-field">
          <span className="toolbar-label">{t('diff.conformance.jumpLabel')}</span>
          <input
            type="text"
            inputMode="numeric"
            className="text-input jump-input tabular"
            data-testid="conformance-jump"
            value={jumpText}
            placeholder={t('diff.conformance.jumpPlaceholder')}
            title={t('diff.conformance.jumpHelp')}
            onChange={(event) => setJumpText(event.target.value.replace(/[^\d]/g, ''))}
            onKeyDown={onJumpKey}
          />
        </label>
        {start > 1 && (
          <span className="conformance-from small">
            {t('diff.conformance.fromRow', { row: formatCount(start) })}
            <button type="button" className="button ghost small" data-testid="conformance-from-start" onClick={() => jumpTo(key, 1)}>
              {t('diff.conformance.fromStart')}
            </button>
          </span>
        )}
        <span className="legend diff-legend" aria-label={t('diff.legend.label')}>
          <span className="legend-item">
            <mark className="seg seg-differs" aria-hidden="true">
              ●●
            </mark>
            {t('diff.legend.differs')}
          </span>
          <span className="legend-item">
            <mark className="seg seg-missing" aria-hidden="true">
              ··
            </mark>
            {t('diff.legend.missing')}
          </span>
          <span className="legend-item">
            <mark className="seg seg-extra" aria-hidden="true">
              ●
            </mark>
            {t('diff.legend.extra')}
          </span>
        </span>
      </div>

      {list.error !== null && <DiffFailed error={list.error} onRetry={loader.retry} title={t('diff.conformance.rowsFailed')} />}

      <div className="conformance-frame">
        <div
          ref={scrollRef}
          className="conformance-scroll"
          role="table"
          aria-label={t('diff.conformance.rowsLabel', { column: column.column })}
          aria-rowcount={-1}
          aria-busy={loading}
          data-testid="conformance-list"
          data-loaded={list.rows.length}
          tabIndex={0}
        >
          <div className="conformance-canvas" style={{ height: virtualizer.getTotalSize() }}>
            <div className="conf-row conf-header" role="row">
              <span className="conf-num" role="columnheader">
                {t('diff.conformance.rowColumns.row')}
              </span>
              <span className="conf-result" role="columnheader">
                {t('diff.conformance.rowColumns.result')}
              </span>
              <span className="conf-value" role="columnheader">
                {t('diff.conformance.rowColumns.candidate')}
              </span>
              <span className="conf-value" role="columnheader">
                {t('diff.conformance.rowColumns.required')}
              </span>
            </div>
            {items.map((item) => {
              const row = list.rows[item.index]!;
              const target = start > 1 && row.row === start;
              return (
                <div
                  key={item.index % 256}
                  className={`conf-row${row.conforming ? '' : ' is-nonconforming'}${target ? ' is-target' : ''}`}
                  role="row"
                  data-testid="conformance-row"
                  data-row={row.row}
                  data-conforming={row.conforming}
                  data-target={target ? 'true' : undefined}
                  style={{ transform: `translateY(${item.start}px)` }}
                >
                  <span className="conf-num tabular" role="rowheader">
                    {row.row}
                  </span>
                  <span className="conf-result" role="cell">
                    <ResultTag conforming={row.conforming} />
                  </span>
                  <span className="conf-value" role="cell">
                    <Segments segments={row.candidate} side="candidate" empty={emptyValue} testId="conformance-candidate" />
                  </span>
                  <span className="conf-value" role="cell">
                    <Segments segments={row.required} side="required" empty={counts.required.length === 0 ? notAuthorized : emptyValue} testId="conformance-required" />
                  </span>
                </div>
              );
            })}
          </div>
          {list.rows.length === 0 && !loading && list.error === null && (
            <p className="diff-empty conformance-none" data-testid="conformance-none">
              {onlyNonconforming ? t('diff.conformance.noNonconforming', { row: formatCount(start) }) : t('diff.conformance.noRows')}
            </p>
          )}
        </div>
        <footer className="conformance-foot small muted" data-testid="conformance-foot" data-ended={ended}>
          <span className="tabular">{t('diff.conformance.loaded', { n: formatCount(list.rows.length) })}</span>
          {loading && <span>{t('diff.state.loading')}</span>}
          {ended && list.rows.length > 0 && <span>{t('diff.conformance.end')}</span>}
          {list.next !== null && !loading && list.error === null && (
            <button type="button" className="button ghost small" data-testid="conformance-more" onClick={loader.more}>
              {t('diff.conformance.loadMore')}
            </button>
          )}
        </footer>
      </div>
    </section>
  );
}
