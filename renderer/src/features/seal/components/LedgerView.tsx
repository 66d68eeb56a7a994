/**
 * The seal-use ledger (用印登记), reached from the navigation rail: every application of a seal,
 * oldest first, with its ledger number, seal, candidate, document digest (shortened; the full
 * one on hover), reason, copies, who requested, approved and applied it, and when. "Export CSV"
 * saves main's CSV (UTF-8 with BOM, for spreadsheet programs) under the name main gives.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LedgerRow } from '../../../../../shared/ipc/schemas/seal';
import { api } from '../../../app/api';
import { ErrorMessage } from '../../../app/components/ErrorMessage';
import { DownloadIcon, ErrorIcon, RefreshIcon, StampIcon } from '../../../app/components/icons';
import { formatDateTime, shortDigest } from '../../../app/format';
import { describeThrown, log } from '../../../app/log';
import { useNavigationStore, useNoticeStore } from '../../../app/store';
import { follow } from '../../identity/use-user-view';
import { saveBlob } from '../download';
import { downloadName } from '../seal-model';
import '../seal.css';

type LedgerState = { status: 'loading' } | { status: 'ready'; rows: LedgerRow[] } | { status: 'failed'; error: unknown };

export function LedgerView() {
  const { t } = useTranslation();
  const [state, setState] = useState<LedgerState>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  const [exporting, setExporting] = useState(false);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  useEffect(() => {
    let active = true;
    const load = async () => {
      try {
        const { rows } = await api.invoke('seal:ledger', {});
        if (active) setState({ status: 'ready', rows });
      } catch (error) {
        log.warn('seal:ledger failed', { error: describeThrown(error) });
        if (active) setState({ status: 'failed', error });
      }
    };
    void load();
    return () => {
      active = false;
    };
  }, [generation]);

  // Any seal record announces itself with decision:changed.
  useEffect(() => follow(() => api.subscribe('decision:changed', reload), 'ledger changes'), [reload]);

  const exportCsv = async () => {
    setExporting(true);
    try {
      const { fileName, csv } = await api.invoke('seal:ledger-csv', {});
      saveBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), downloadName(fileName, 'seal-ledger.csv'));
    } catch (error) {
      log.warn('seal:ledger-csv failed', { error: describeThrown(error) });
      useNoticeStore.getState().push('error', { error });
    } finally {
      setExporting(false);
    }
  };

  const rows = state.status === 'ready' ? state.rows : [];

  return (
    <section className="view ledger-view" data-testid="ledger-view" aria-busy={state.status === 'loading'}>
      <header className="view-header">
        <div className="view-heading">
          <h1>{t('ledger.title')}</h1>
          <p className="view-subtitle">{t('ledger.subtitle')}</p>
        </div>
        <div className="ledger-actions">
          <button type="button" className="button ghost" onClick={reload} title={t('ledger.reload')}>
            <RefreshIcon size={14} />
            {t('ledger.reload')}
          </button>
          <button type="button" className="button primary" data-testid="ledger-export" disabled={exporting || state.status !== 'ready'} onClick={() => void exportCsv()}>
            <DownloadIcon size={14} />
            {exporting ? t('ledger.exporting') : t('ledger.export')}
          </button>
        </div>
      </header>

      {state.status === 'loading' && (
        <p className="muted" role="status">
          {t('common.loading')}
        </p>
      )}
      {state.status === 'failed' && (
        <div className="banner banner-error" role="alert" data-testid="ledger-error">
          <ErrorIcon />
          <span>
            <strong>{t('ledger.loadFailed')}</strong> <ErrorMessage error={state.error} />
          </span>
        </div>
      )}
      {state.status === 'ready' && rows.length === 0 && (
        <div className="empty-state" data-testid="ledger-empty">
          <StampIcon size={32} className="empty-icon" />
          <h2>{t('ledger.emptyTitle')}</h2>
          <p>{t('ledger.empty')}</p>
        </div>
      )}
      {rows.length > 0 && (
        <div className="table-wrap ledger-table-wrap">
          <table className="data-table ledger-table" data-testid="ledger-table">
            <caption className="visually-hidden">{t('ledger.caption', { count: rows.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('ledger.columns.ledgerNo')}</th>
                <th scope="col">{t('ledger.columns.seal')}</th>
                <th scope="col">{t('ledger.columns.candidate')}</th>
                <th scope="col">{t('ledger.columns.document')}</th>
                <th scope="col">{t('ledger.columns.reason')}</th>
                <th scope="col" className="numeric">
                  {t('ledger.columns.copies')}
                </th>
                <th scope="col">{t('ledger.columns.people')}</th>
                <th scope="col">{t('ledger.columns.times')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <LedgerLine key={row.ledgerNo} row={row} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function LedgerLine({ row }: { row: LedgerRow }) {
  const { t } = useTranslation();
  const openCandidate = useNavigationStore((s) => s.openCandidate);
  return (
    <tr data-testid="ledger-row" data-ledger-no={row.ledgerNo}>
      <th scope="row" className="mono ledger-no">
        {row.ledgerNo}
      </th>
      <td className="ledger-seal">{row.sealName}</td>
      <td>
        <button type="button" className="link-button mono" title={t('ledger.openCandidate')} onClick={() => openCandidate(row.candidate.id, row.candidate.revision)}>
          {row.candidate.id} r{row.candidate.revision}
        </button>
      </td>
      <td>
        <span className="ledger-doc-name">{row.document.name}</span>
        <code className="mono small muted ledger-digest" title={row.document.digest} data-testid="ledger-digest">
          {shortDigest(row.document.digest)}
        </code>
      </td>
      <td className="ledger-reason">{row.reason}</td>
      <td className="numeric tabular">{row.copies}</td>
      <td className="ledger-people">
        <span>
          <span className="muted">{t('ledger.requestedBy')}</span> {row.requestedBy.name}
        </span>
        <span>
          <span className="muted">{t('ledger.approvedBy')}</span> {row.approvedBy.name}
        </span>
        <span>
          <span className="muted">{t('ledger.appliedBy')}</span> {row.appliedBy.name}
        </span>
      </td>
      <td className="ledger-times tabular">
        <span>
          <span className="muted">{t('ledger.requestedAt')}</span> {formatDateTime(row.requestedAt)}
        </span>
        <span>
          <span className="muted">{t('ledger.approvedAt')}</span> {formatDateTime(row.approvedAt)}
        </span>
        <span>
          <span className="muted">{t('ledger.appliedAt')}</span> {formatDateTime(row.appliedAt)}
        </span>
      </td>
    </tr>
  );
}
