/** The queue's search box, status/kind/operator filters and the "N of M" count. */
import { useTranslation } from 'react-i18next';
import { PRODUCT_KINDS, type ProductKind } from '../../../../../shared/formats/candidate';
import { SearchIcon } from '../../../app/components/icons';
import { REVIEW_STATUSES, type ReviewStatus } from '../../../db/database';
import { hasActiveFilters } from '../queue-model';
import { useQueueStore } from '../store';

type Props = {
  operators: readonly string[];
  shown: number;
  total: number;
  /** ↓ in the search box moves focus to the table. */
  onSearchArrowDown: () => void;
};

function isStatus(value: string): value is ReviewStatus {
  return (REVIEW_STATUSES as readonly string[]).includes(value);
}

function isKind(value: string): value is ProductKind {
  return (PRODUCT_KINDS as readonly string[]).includes(value);
}

export function QueueToolbar({ operators, shown, total, onSearchArrowDown }: Props) {
  const { t } = useTranslation();
  const filters = useQueueStore((s) => s.filters);
  const setFilter = useQueueStore((s) => s.setFilter);
  const clearFilters = useQueueStore((s) => s.clearFilters);

  return (
    <div className="toolbar" role="search">
      <label className="search-field">
        <SearchIcon className="search-icon" />
        <span className="visually-hidden">{t('queue.searchLabel')}</span>
        <input
          type="search"
          data-testid="queue-search"
          placeholder={t('queue.searchPlaceholder')}
          value={filters.search}
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => setFilter('search', e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              onSearchArrowDown();
            } else if (e.key === 'Escape' && filters.search !== '') {
              e.preventDefault();
              setFilter('search', '');
            }
          }}
        />
      </label>

      <label className="select-field">
        <span className="visually-hidden">{t('queue.filterStatus')}</span>
        <select
          data-testid="queue-filter-status"
          aria-label={t('queue.filterStatus')}
          value={filters.status}
          onChange={(e) => setFilter('status', isStatus(e.target.value) ? e.target.value : 'all')}
        >
          <option value="all">{t('queue.allStatuses')}</option>
          {REVIEW_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`status.${status}`)}
            </option>
          ))}
        </select>
      </label>

      <label className="select-field">
        <span className="visually-hidden">{t('queue.filterKind')}</span>
        <select
          data-testid="queue-filter-kind"
          aria-label={t('queue.filterKind')}
          value={filters.kind}
          onChange={(e) => setFilter('kind', isKind(e.target.value) ? e.target.value : 'all')}
        >
          <option value="all">{t('queue.allKinds')}</option>
          {PRODUCT_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`kinds.${kind}`)}
            </option>
          ))}
        </select>
      </label>

      <label className="select-field select-operator">
        <span className="visually-hidden">{t('queue.filterOperator')}</span>
        <select
          data-testid="queue-filter-operator"
          aria-label={t('queue.filterOperator')}
          value={filters.operator ?? ''}
          onChange={(e) => setFilter('operator', e.target.value === '' ? null : e.target.value)}
        >
          <option value="">{t('queue.allOperators')}</option>
          {filters.operator !== null && !operators.includes(filters.operator) && <option value={filters.operator}>{filters.operator}</option>}
          {operators.map((operator) => (
            <option key={operator} value={operator}>
              {operator}
            </option>
          ))}
        </select>
      </label>

      {hasActiveFilters(filters) && (
        <button type="button" className="button ghost small" data-testid="queue-clear-filters" onClick={clearFilters}>
          {t('queue.clearFilters')}
        </button>
      )}

      <span className="toolbar-spacer" />
      <span className="queue-count" data-testid="queue-count" data-shown={shown} data-total={total} aria-live="polite">
        {t('queue.count', { shown, total })}
      </span>
    </div>
  );
}
