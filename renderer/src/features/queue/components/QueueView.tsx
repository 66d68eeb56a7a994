/**
 * The review queue: the candidates of the local database (kept in step with main), with
 * search, filters, sorting, keyboard selection, the import dialog and the empty states.
 */
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../app/components/ErrorMessage';
import { ErrorIcon, ImportIcon, QueueIcon } from '../../../app/components/icons';
import { useNavigationStore } from '../../../app/store';
import { useQueueRecords } from '../../../db/candidates';
import { filterQueue, moveSelection, operatorsOf, rowKey, sortQueue } from '../queue-model';
import { useQueueStore } from '../store';
import { ImportDialog } from './ImportDialog';
import { QueueTable } from './QueueTable';
import { QueueToolbar } from './QueueToolbar';

export function QueueView() {
  const { t } = useTranslation();
  const records = useQueueRecords();
  const filters = useQueueStore((s) => s.filters);
  const sort = useQueueStore((s) => s.sort);
  const setSort = useQueueStore((s) => s.setSort);
  const selectedKey = useQueueStore((s) => s.selectedKey);
  const select = useQueueStore((s) => s.select);
  const clearFilters = useQueueStore((s) => s.clearFilters);
  const loadError = useQueueStore((s) => s.loadError);
  const importOpen = useQueueStore((s) => s.importOpen);
  const setImportOpen = useQueueStore((s) => s.setImportOpen);
  const openCandidate = useNavigationStore((s) => s.openCandidate);
  const tableRef = useRef<HTMLTableElement>(null);

  const all = useMemo(() => records ?? [], [records]);
  const rows = useMemo(() => sortQueue(filterQueue(all, filters), sort), [all, filters, sort]);
  const operators = useMemo(() => operatorsOf(all), [all]);
  const loading = records === undefined;

  const empty = loading ? (
    <div className="empty-state" aria-busy="true">
      <p className="muted">{t('common.loading')}</p>
    </div>
  ) : all.length === 0 ? (
    <div className="empty-state" data-testid="queue-empty">
      <QueueIcon size={32} className="empty-icon" />
      <h2>{t('queue.emptyTitle')}</h2>
      <p>{t('queue.emptyBody')}</p>
      <button type="button" className="button primary" onClick={() => setImportOpen(true)}>
        <ImportIcon />
        {t('queue.importButton')}
      </button>
    </div>
  ) : (
    <div className="empty-state" data-testid="queue-no-match">
      <h2>{t('queue.noMatchTitle')}</h2>
      <p>{t('queue.noMatchBody')}</p>
      <button type="button" className="button" onClick={clearFilters}>
        {t('queue.clearFilters')}
      </button>
    </div>
  );

  return (
    <section className="view queue-view" aria-labelledby="queue-title">
      <header className="view-header">
        <div className="view-heading">
          <h1 id="queue-title">{t('queue.title')}</h1>
          <p className="view-subtitle">{t('queue.subtitle')}</p>
        </div>
        <button type="button" className="button primary" data-testid="import-open" onClick={() => setImportOpen(true)}>
          <ImportIcon />
          {t('queue.importButton')}
        </button>
      </header>

      <QueueToolbar
        operators={operators}
        shown={rows.length}
        total={all.length}
        onSearchArrowDown={() => {
          tableRef.current?.focus();
          select(moveSelection(rows.map(rowKey), null, 1));
        }}
      />

      {loadError !== null && (
        <div className="banner banner-error" role="alert" data-testid="queue-load-error">
          <ErrorIcon />
          <span>
            {t('queue.loadFailed')} <ErrorMessage error={loadError} />
          </span>
        </div>
      )}

      <QueueTable
        rows={rows}
        sort={sort}
        onSortChange={setSort}
        selectedKey={selectedKey}
        onSelect={select}
        onOpen={(row) => openCandidate(row.id, row.revision)}
        empty={empty}
        tableRef={tableRef}
      />

      <footer className="view-footer">
        <span className="muted">{t('queue.keyboardHint')}</span>
      </footer>

      {importOpen && <ImportDialog onClose={() => setImportOpen(false)} />}
    </section>
  );
}
