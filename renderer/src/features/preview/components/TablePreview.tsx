/**
 * One table of the candidate: the toolbar (jump to row, filter columns by detected type,
 * legend, selection and Reveal), for a workbook sheet what Excel hides in it, the virtualized
 * grid under the watermark, the profile of the column whose header was clicked, and the reveal
 * dialog. Revealed values live in this component's state only: leaving the file, the sheet or
 * the candidate drops them.
 */
import { useCallback, useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TableInfo } from '../../../../../shared/ipc/schemas/preview';
import type { ColumnProfile } from '../../../../../shared/profile/column-profile';
import { api, ApiError } from '../../../app/api';
import { saveProfiles, storedProfiles } from '../../../db/scan-profiles';
import { ErrorMessage } from '../../../app/components/ErrorMessage';
import { EyeIcon, EyeOffIcon, WarningIcon } from '../../../app/components/icons';
import { hasMessage, translateDynamic } from '../../../app/i18n';
import { describeThrown, log } from '../../../app/log';
import { useNoticeStore } from '../../../app/store';
import { cellKey, nextSelection, parseCellKey, selectedCells, type CellKey } from '../cell-selection';
import { formatCount } from '../preview-format';
import type { FetchRows } from '../row-pages';
import { PreviewGrid, type JumpRequest, type Revealed } from './PreviewGrid';
import { ProfilePanel } from './ProfilePanel';
import { RevealDialog } from './RevealDialog';
import { Watermark } from './Watermark';
import { candidateKey, usePreviewStore } from '../store';

/** Main's default when the policy sets no limit (until an error tells the real one). */
const DEFAULT_REVEAL_LIMIT = 50;

type ProfilesState = { status: 'loading' } | { status: 'ready'; profiles: ReadonlyMap<string, ColumnProfile> } | { status: 'failed'; error: unknown };

export function TablePreview({ id, revision, table }: { id: string; revision: number; table: TableInfo }) {
  const { t } = useTranslation();
  const { file, sheet } = table;
  const [profilesState, setProfilesState] = useState<ProfilesState>({ status: 'loading' });
  const [selection, setSelection] = useState<ReadonlySet<CellKey>>(() => new Set());
  const [revealed, setRevealed] = useState<ReadonlyMap<CellKey, Revealed>>(() => new Map());
  const [profileColumn, setProfileColumn] = useState<number | null>(null);
  const [detector, setDetector] = useState<string | null>(null);
  const [jumpText, setJumpText] = useState('');
  const [jump, setJump] = useState<JumpRequest | null>(null);
  const [revealOpen, setRevealOpen] = useState(false);
  const [revealBusy, setRevealBusy] = useState(false);
  const [revealError, setRevealError] = useState<unknown>(null);
  const [revealLimit, setRevealLimit] = useState(DEFAULT_REVEAL_LIMIT);

  const provisional = table.provisional === true;

  // A finding's location in this table: open its column's profile (which marks the header) and
  // bring its row, and the column, into view — adjusted while rendering, once per request. Rows
  // of an unscanned table wait for the scan.
  const spot = usePreviewStore((s) => s.spot);
  const [handledSpot, setHandledSpot] = useState(0);
  if (spot && spot.seq !== handledSpot && spot.candidate === candidateKey(id, revision) && spot.file === file && spot.sheet === sheet && !provisional) {
    setHandledSpot(spot.seq);
    const column = spot.column === undefined ? -1 : table.columns.findIndex((c) => c.name === spot.column);
    if (column >= 0) setProfileColumn(column);
    if (spot.row !== undefined && table.rows > 0) {
      const row = Math.min(Math.max(spot.row, 1), table.rows);
      setJump((current) => ({ row, seq: (current?.seq ?? 0) + 1, ...(column >= 0 ? { column } : {}) }));
    }
  }
  useEffect(() => {
    if (handledSpot > 0) usePreviewStore.getState().clearSpot(handledSpot);
  }, [handledSpot]);

  useEffect(() => {
    // An unscanned table has no profiles yet: they come with the scan (the panel remounts then).
    if (provisional) return;
    let active = true;
    const load = async () => {
      const address = { id, revision, file, sheet };
      // The scan results stored locally show at once; main's (the same scan, or a newer one) replace them.
      const stored = await storedProfiles(address).catch(() => null);
      if (active && stored) setProfilesState({ status: 'ready', profiles: new Map(stored.profiles.map((p) => [p.name, p])) });
      try {
        const { profiles, scannedAt } = await api.invoke('preview:profiles', { id, revision, file, ...(sheet !== undefined ? { sheet } : {}) });
        if (active && stored?.scannedAt !== scannedAt) setProfilesState({ status: 'ready', profiles: new Map(profiles.map((p) => [p.name, p])) });
        await saveProfiles(address, scannedAt, profiles).catch((error: unknown) => log.warn('storing column profiles failed', { error: describeThrown(error) }));
      } catch (error) {
        log.warn('column profiles failed', { id, revision, file, error: describeThrown(error) });
        if (active) setProfilesState({ status: 'failed', error });
      }
    };
    void load();
    return () => {
      active = false;
    };
  }, [id, revision, file, sheet, provisional]);

  const profiles = profilesState.status === 'ready' ? profilesState.profiles : null;
  const sheetInfo = table.sheetInfo;
  const hiddenColumns = useMemo(() => new Set(sheetInfo?.hiddenColumns ?? []), [sheetInfo]);
  const hiddenRows = useMemo(() => new Set(sheetInfo?.hiddenRows.first ?? []), [sheetInfo]);
  const names = useMemo(() => table.columns.map((c) => c.name), [table.columns]);

  const fetchRows = useCallback<FetchRows>(
    (from, count) => api.invoke('preview:rows', { id, revision, file, ...(sheet !== undefined ? { sheet } : {}), from, count }),
    [id, revision, file, sheet],
  );

  /** Detectors that fired in any column, most cells first, with how many columns have them. */
  const detectors = useMemo(() => {
    const totals = new Map<string, { cells: number; columns: number }>();
    for (const profile of profiles?.values() ?? []) {
      for (const d of profile.detected) {
        const entry = totals.get(d.detector) ?? { cells: 0, columns: 0 };
        totals.set(d.detector, { cells: entry.cells + d.count, columns: entry.columns + 1 });
      }
    }
    return [...totals.entries()].sort((a, b) => b[1].cells - a[1].cells).map(([detectorId, total]) => ({ id: detectorId, ...total }));
  }, [profiles]);

  const onCellClick = useCallback((row: number, column: number, additive: boolean) => {
    setSelection((current) => nextSelection(current, cellKey(row, column), additive));
  }, []);

  const onHeaderClick = useCallback((column: number) => {
    setProfileColumn((current) => (current === column ? null : column));
  }, []);

  const onEscape = useCallback(() => {
    if (selection.size === 0) return false;
    setSelection(new Set());
    return true;
  }, [selection]);

  const onJumpKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const row = Number.parseInt(jumpText, 10);
    if (!Number.isFinite(row) || table.rows === 0) return;
    const clamped = Math.min(Math.max(row, 1), table.rows);
    setJumpText(String(clamped));
    setJump((current) => ({ row: clamped, seq: (current?.seq ?? 0) + 1 }));
  };

  const reveal = async (reason: string) => {
    const cells = selectedCells(selection, names);
    setRevealBusy(true);
    setRevealError(null);
    try {
      const result = await api.invoke('preview:reveal', { id, revision, file, ...(sheet !== undefined ? { sheet } : {}), cells, reason });
      const values = new Map(result.cells.map((c) => [`${c.row}\u0000${c.column}`, c.value]));
      setRevealed((current) => {
        const next = new Map(current);
        for (const key of selection) {
          const { row, column } = parseCellKey(key);
          const value = values.get(`${row}\u0000${names[column] ?? ''}`);
          if (value !== undefined) next.set(key, { value, auditSeq: result.auditSeq });
        }
        return next;
      });
      setSelection(new Set());
      setRevealOpen(false);
      useNoticeStore.getState().push('success', { key: 'preview.reveal.done', params: { count: result.cells.length, seq: result.auditSeq } });
    } catch (error) {
      log.warn('reveal refused', { id, revision, file, error: describeThrown(error) });
      if (error instanceof ApiError && error.code === 'reveal.too-many' && typeof error.params.limit === 'number') setRevealLimit(error.params.limit);
      setRevealError(error);
    } finally {
      setRevealBusy(false);
    }
  };

  const activeInfo = profileColumn === null ? undefined : table.columns[profileColumn];

  let sheetNotice = null;
  if (sheetInfo) {
    const { state, declared } = sheetInfo;
    const rowsHidden = sheetInfo.hiddenRows;
    const lines = [
      ...(state !== 'visible' ? [t(`preview.sheets.notice.${state}`)] : []),
      ...(declared ? [] : [t('preview.sheets.notice.undeclared')]),
      ...(rowsHidden.count > 0
        ? [t('preview.sheets.notice.hiddenRows', { rows: rowsHidden.first.slice(0, 12).map(formatCount).join(t('preview.sheets.separator')) + (rowsHidden.count > 12 ? ' …' : '') })]
        : []),
      ...(sheetInfo.hiddenColumns.length > 0 ? [t('preview.sheets.notice.hiddenColumns', { columns: sheetInfo.hiddenColumns.join(t('preview.sheets.separator')) })] : []),
    ];
    const warn = state !== 'visible' || rowsHidden.count > 0 || sheetInfo.hiddenColumns.length > 0;
    if (lines.length > 0) {
      sheetNotice = (
        <div className={`banner ${warn ? 'banner-warning' : 'banner-info'} sheet-notice`} role="note" data-testid="sheet-notice" data-state={state}>
          {warn ? <EyeOffIcon size={16} /> : <WarningIcon size={16} />}
          <span className="sheet-notice-lines">
            {lines.map((line) => (
              <span key={line}>{line}</span>
            ))}
          </span>
        </div>
      );
    }
  }

  const provisionalNotice = provisional ? (
    <div className="banner banner-info" role="status" data-testid="provisional-notice">
      <WarningIcon size={16} />
      <span>{t('preview.grid.provisional', { rows: formatCount(table.rows) })}</span>
    </div>
  ) : null;

  return (
    <div className="table-preview" data-testid="table-preview" data-file={file} data-sheet={sheet} data-provisional={provisional ? 'true' : undefined}>
      <div className="grid-toolbar">
        <label className="toolbar-field">
          <span className="toolbar-label">{t('preview.grid.jumpLabel')}</span>
          <input
            type="text"
            inputMode="numeric"
            className="text-input jump-input tabular"
            data-testid="grid-jump"
            value={jumpText}
            placeholder={t('preview.grid.jumpPlaceholder', { max: formatCount(table.rows) })}
            title={t('preview.grid.jumpHelp', { max: formatCount(table.rows) })}
            onChange={(event) => setJumpText(event.target.value.replace(/[^\d]/g, ''))}
            onKeyDown={onJumpKey}
          />
        </label>
        <label className="toolbar-field select-field">
          <span className="toolbar-label">{t('preview.grid.filterLabel')}</span>
          <select data-testid="grid-detector-filter" value={detector ?? ''} disabled={detectors.length === 0} onChange={(event) => setDetector(event.target.value === '' ? null : event.target.value)}>
            <option value="">{detectors.length === 0 ? t('preview.grid.filterNone') : t('preview.grid.filterAll')}</option>
            {detectors.map((d) => (
              <option key={d.id} value={d.id}>
                {t('preview.grid.filterOption', { name: hasMessage(`detectors.${d.id}`) ? translateDynamic(`detectors.${d.id}`) : d.id, count: d.columns })}
              </option>
            ))}
          </select>
        </label>
        <div className="legend" aria-label={t('preview.legend.label')}>
          <span className="legend-item" title={t('preview.cell.maskedForDisplay')}>
            <span className="swatch swatch-masked-for-display" aria-hidden="true" />
            {t('preview.legend.maskedForDisplay')}
          </span>
          <span className="legend-item" title={t('preview.cell.maskedByCandidate')}>
            <span className="swatch swatch-masked-by-candidate" aria-hidden="true" />
            {t('preview.legend.maskedByCandidate')}
          </span>
          <span className="legend-item" title={t('preview.legend.revealedTitle')}>
            <span className="swatch swatch-revealed" aria-hidden="true" />
            {t('preview.legend.revealed')}
          </span>
        </div>
        {selection.size > 0 ? (
          <span className="selection-info" data-testid="grid-selection" data-count={selection.size}>
            {t('preview.grid.selected', { count: selection.size, n: formatCount(selection.size) })}
            <button type="button" className="button ghost small" data-testid="grid-selection-clear" onClick={() => setSelection(new Set())}>
              {t('preview.grid.clearSelection')}
            </button>
          </span>
        ) : (
          <span className="muted small selection-hint" title={t('preview.grid.selectHint')}>
            {t('preview.grid.selectHint')}
          </span>
        )}
        <button
          type="button"
          className="button small primary"
          data-testid="reveal-open"
          disabled={selection.size === 0}
          title={t('preview.reveal.openHint')}
          onClick={() => {
            setRevealError(null);
            setRevealOpen(true);
          }}
        >
          <EyeIcon size={14} />
          {t('preview.reveal.open')}
        </button>
      </div>

      {sheetNotice}
      {provisionalNotice}

      {profilesState.status === 'failed' && (
        <div className="banner banner-warning" role="alert" data-testid="profiles-error">
          <WarningIcon size={16} />
          <span>
            <strong>{t('preview.profile.loadFailed')}</strong> <ErrorMessage error={profilesState.error} />
          </span>
        </div>
      )}

      <div className="table-preview-body">
        <div className="grid-frame">
          <PreviewGrid
            rowCount={table.rows}
            columns={table.columns}
            profiles={profiles}
            detector={detector}
            selection={selection}
            revealed={revealed}
            activeColumn={profileColumn}
            jump={jump}
            fetchRows={fetchRows}
            onCellClick={onCellClick}
            onHeaderClick={onHeaderClick}
            onEscape={onEscape}
            hiddenColumns={hiddenColumns}
            hiddenRows={hiddenRows}
          />
          <Watermark />
        </div>
        {activeInfo && (
          <ProfilePanel
            key={profileColumn}
            column={activeInfo}
            profile={profiles?.get(activeInfo.name)}
            loading={profilesState.status === 'loading'}
            onClose={() => setProfileColumn(null)}
          />
        )}
      </div>

      {revealOpen && (
        <RevealDialog
          count={selection.size}
          limit={revealLimit}
          busy={revealBusy}
          error={revealError}
          onSubmit={(reason) => void reveal(reason)}
          onClose={() => setRevealOpen(false)}
        />
      )}
    </div>
  );
}
