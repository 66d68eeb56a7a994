/**
 * The virtualized grid of a table's masked rows: @tanstack/react-table holds the columns
 * (sizes, resizing, visibility), @tanstack/react-virtual the rows (28 px each, so a million
 * rows is a 28,000,000 px canvas of which only the visible rows exist). Rows arrive in pages
 * of 200 through `preview:rows`, for what is on screen and the pages either side of it; cells
 * show main's masked text, styled by state, or a value revealed for this view.
 */
import { getCoreRowModel, useReactTable, type ColumnDef, type ColumnSizingState, type Header, type VisibilityState } from '@tanstack/react-table';
import { useVirtualizer, type VirtualItem } from '@tanstack/react-virtual';
import { memo, useEffect, useMemo, useRef, useState, useSyncExternalStore, type KeyboardEvent, type MouseEvent, type UIEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColumnInfo } from '../../../../../shared/ipc/schemas/preview';
import type { ColumnProfile } from '../../../../../shared/profile/column-profile';
import { ErrorMessage } from '../../../app/components/ErrorMessage';
import { ErrorIcon, EyeOffIcon } from '../../../app/components/icons';
import { translateDynamic } from '../../../app/i18n';
import { cellKey, type CellKey } from '../cell-selection';
import { createRowPages, pageOf, PAGE_SIZE, type FetchRows, type MaskedRow } from '../row-pages';
import { createRowSlots } from '../row-slots';

export const ROW_HEIGHT = 28;
const HEADER_HEIGHT = 32;
const NO_ROWS: MaskedRow[] = [];

export type Revealed = { value: string; auditSeq: number };
/** Scroll to a row (and bring a column in from the side when it is out of view); `seq` makes a repeat request count. */
export type JumpRequest = { row: number; seq: number; column?: number };

/**
 * The horizontal scroll offset that shows a column starting `left` px into the canvas and
 * `width` wide, right of a sticky row-number column `pinned` wide: unchanged when it is in view.
 */
export function scrollLeftFor(current: number, left: number, width: number, pinned: number, viewport: number): number {
  const start = left - pinned;
  if (start >= current && start + width <= current + viewport - pinned) return current;
  return Math.max(0, Math.round(start - 24));
}

type Props = {
  rowCount: number;
  columns: readonly ColumnInfo[];
  profiles: ReadonlyMap<string, ColumnProfile> | null;
  /** Show only the columns where this detector fired; null shows every column. */
  detector: string | null;
  selection: ReadonlySet<CellKey>;
  revealed: ReadonlyMap<CellKey, Revealed>;
  activeColumn: number | null;
  jump: JumpRequest | null;
  fetchRows: FetchRows;
  onCellClick: (row: number, column: number, additive: boolean) => void;
  onHeaderClick: (column: number) => void;
  /** Escape in the grid; returns true when it did something (then the key goes no further). */
  onEscape: () => boolean;
  /** A workbook sheet: columns (by name) and data rows Excel hides, marked in the header and the row numbers. */
  hiddenColumns?: ReadonlySet<string>;
  hiddenRows?: ReadonlySet<number>;
};

const NONE_HIDDEN: ReadonlySet<never> = new Set();

type Labels = {
  grid: string;
  hiddenRow: string;
  maskedForDisplay: string;
  maskedByCandidate: string;
  suppressed: string;
  revealed: (seq: number) => string;
  detectors: (ids: readonly string[]) => string;
};

type LayoutColumn = { index: number; name: string; width: number };

/** A width that fits the header and, when known, the longest value (CJK counts double). */
function initialWidth(name: string, profile: ColumnProfile | undefined): number {
  let header = 0;
  for (const ch of name) header += (ch.codePointAt(0) ?? 0) > 0x2e80 ? 13 : 7.5;
  const longest = Math.min(profile?.maxLength ?? 10, 36) * 9.5;
  return Math.round(Math.min(340, Math.max(76, header + 40, longest + 22)));
}

function rowNumberWidth(rowCount: number): number {
  return Math.max(52, String(rowCount).length * 8 + 24);
}

export function PreviewGrid(props: Props) {
  const { rowCount, columns, profiles, detector, selection, revealed, activeColumn, jump, fetchRows, onCellClick, onHeaderClick, onEscape } = props;
  const hiddenColumns = props.hiddenColumns ?? NONE_HIDDEN;
  const hiddenRows = props.hiddenRows ?? NONE_HIDDEN;
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  // One cache per grid: the grid is keyed by file, so a new file gets a new, empty cache.
  const [pages] = useState(() => createRowPages(fetchRows, rowCount));
  useSyncExternalStore(pages.subscribe, pages.version);
  const pageError = pages.error();

  const [columnSizing, setColumnSizing] = useState<ColumnSizingState>({});
  const definitions = useMemo<ColumnDef<MaskedRow>[]>(
    () =>
      columns.map((column, index) => ({
        id: `c${index}`,
        header: column.name,
        // A column Excel hides has a marker before its name: room for it, so the name still fits.
        size: initialWidth(column.name, profiles?.get(column.name)) + (hiddenColumns.has(column.name) ? 18 : 0),
        minSize: 56,
        maxSize: 1200,
      })),
    [columns, profiles, hiddenColumns],
  );
  const columnVisibility = useMemo<VisibilityState>(() => {
    if (detector === null) return {};
    return Object.fromEntries(columns.map((column, index) => [`c${index}`, profiles?.get(column.name)?.detected.some((d) => d.detector === detector) ?? false]));
  }, [columns, profiles, detector]);

  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler here; the table instance never leaves this component.
  const table = useReactTable({
    data: NO_ROWS,
    columns: definitions,
    state: { columnSizing, columnVisibility },
    onColumnSizingChange: setColumnSizing,
    columnResizeMode: 'onChange',
    enableColumnResizing: true,
    getCoreRowModel: getCoreRowModel(),
  });

  const headers = table.getHeaderGroups()[0]?.headers ?? [];
  const layoutKey = table
    .getVisibleLeafColumns()
    .map((column) => `${column.id.slice(1)}:${column.getSize()}`)
    .join(',');
  const layout = useMemo<LayoutColumn[]>(
    () =>
      layoutKey === ''
        ? []
        : layoutKey.split(',').map((part) => {
            const [index, width] = part.split(':').map(Number) as [number, number];
            return { index, name: columns[index]?.name ?? '', width };
          }),
    [layoutKey, columns],
  );
  const numberWidth = rowNumberWidth(rowCount);
  const totalWidth = numberWidth + layout.reduce((sum, column) => sum + column.width, 0);

  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    // Rendered in the scroll event, so the frame that shows a scroll position shows its rows
    // (rendered a frame later, a scrollbar drag showed an empty grid in every frame); with no
    // lag to hide, two rows beyond each edge are enough.
    overscan: 2,
    paddingStart: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    useFlushSync: true,
  });
  const items = virtualizer.getVirtualItems();
  // Rows are keyed by slots that scrolled-in rows take over from scrolled-out ones (see
  // row-slots.ts), so scrolling updates the text of existing row elements rather than removing
  // and creating rows; each row is placed by its transform and names its place by aria-rowindex.
  // Assigned while rendering: the same rows get the same slots again, so a render React repeats
  // or drops changes nothing (a dropped one at most costs a row element its reuse).
  const [slots] = useState(() => createRowSlots<VirtualItem>());
  const inSlotOrder = slots.assign(items);
  const firstRow = (items[0]?.index ?? 0) + 1;
  const lastRow = (items[items.length - 1]?.index ?? 0) + 1;
  const firstPage = pageOf(firstRow);
  const lastPage = pageOf(lastRow);

  // Ask for the pages on screen (and one on each side, so scrolling on finds its rows there)
  // once scrolling has rested on them for a moment, so a fling through a million rows does not
  // request every page it passes.
  useEffect(() => {
    if (rowCount === 0) return;
    const timer = setTimeout(() => pages.show(firstPage * PAGE_SIZE + 1, (lastPage + 1) * PAGE_SIZE, 1), 40);
    return () => clearTimeout(timer);
  }, [pages, rowCount, firstPage, lastPage]);

  useEffect(() => {
    if (!jump) return;
    virtualizer.scrollToIndex(Math.min(Math.max(jump.row, 1), rowCount) - 1, { align: 'start' });
    const scroller = scrollRef.current;
    if (jump.column === undefined || !scroller) return;
    // Once the profile beside the grid has taken its room, measure where the column is.
    const frame = requestAnimationFrame(() => {
      const header = [...scroller.querySelectorAll<HTMLElement>('[data-testid="grid-header"]')].find((el) => el.dataset.column === columns[jump.column!]?.name);
      if (!header) return;
      const pinned = scroller.querySelector<HTMLElement>('.grid-header .grid-rownum')?.offsetWidth ?? 0;
      const left = header.getBoundingClientRect().left - scroller.getBoundingClientRect().left + scroller.scrollLeft;
      scroller.scrollLeft = scrollLeftFor(scroller.scrollLeft, left, header.offsetWidth, pinned, scroller.clientWidth);
    });
    return () => cancelAnimationFrame(frame);
  }, [jump, virtualizer, rowCount, columns]);

  const labels = useMemo<Labels>(
    () => ({
      grid: t('preview.grid.label'),
      hiddenRow: t('preview.sheets.hiddenMarker'),
      maskedForDisplay: t('preview.cell.maskedForDisplay'),
      maskedByCandidate: t('preview.cell.maskedByCandidate'),
      suppressed: t('preview.cell.suppressed'),
      revealed: (seq) => t('preview.cell.revealed', { seq }),
      detectors: (ids) => ids.map((id) => translateDynamic(`detectors.${id}`)).join('、'),
    }),
    [t],
  );

  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    const target = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-cell]') : null;
    const [row, column] = (target?.dataset.cell ?? '').split(':').map(Number);
    if (row === undefined || column === undefined || !Number.isInteger(row) || !Number.isInteger(column)) return;
    onCellClick(row, column, event.ctrlKey || event.metaKey || event.shiftKey);
  };

  // Rows pin their numbers only once the grid is scrolled sideways (see styles.css): the class
  // changes when the grid leaves or reaches its left edge, not on every scroll.
  const [scrolledX, setScrolledX] = useState(false);
  const onScroll = (event: UIEvent<HTMLDivElement>) => {
    const sideways = event.currentTarget.scrollLeft > 0;
    if (sideways !== scrolledX) setScrolledX(sideways);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape' && onEscape()) event.preventDefault();
  };

  const targetRow = jump?.row ?? null;

  return (
    <>
      {pageError !== null && (
        <div className="banner banner-error grid-error" role="alert" data-testid="grid-error">
          <ErrorIcon />
          <span>
            <strong>{t('preview.grid.loadFailed')}</strong> <ErrorMessage error={pageError} />
          </span>
          <button type="button" className="button small" onClick={pages.retry}>
            {t('preview.grid.retry')}
          </button>
        </div>
      )}
      <div
        ref={scrollRef}
        className={`grid-scroll${scrolledX ? ' is-scrolled-x' : ''}`}
        data-testid="preview-grid"
        data-rows={rowCount}
        role="grid"
        aria-rowcount={rowCount + 1}
        aria-colcount={layout.length + 1}
        aria-multiselectable="true"
        aria-label={labels.grid}
        tabIndex={0}
        onClick={onClick}
        onKeyDown={onKeyDown}
        onScroll={onScroll}
      >
        <div className="grid-canvas" style={{ width: totalWidth, height: virtualizer.getTotalSize() }}>
          <GridHeader
            headers={headers}
            layoutKey={layoutKey}
            resizingColumn={table.getState().columnSizingInfo.isResizingColumn || null}
            columns={columns}
            profiles={profiles}
            hiddenColumns={hiddenColumns}
            activeColumn={activeColumn}
            numberWidth={numberWidth}
            totalWidth={totalWidth}
            onHeaderClick={onHeaderClick}
          />
          {inSlotOrder.map(({ item, slot, spare }) => (
            <GridRow
              // Keyed by its slot, not by the row (see `slots`).
              key={slot}
              spare={spare}
              number={item.index + 1}
              top={item.start}
              row={pages.row(item.index + 1)}
              layout={layout}
              numberWidth={numberWidth}
              totalWidth={totalWidth}
              selection={selection}
              revealed={revealed}
              target={item.index + 1 === targetRow}
              hiddenInExcel={hiddenRows.has(item.index + 1)}
              labels={labels}
            />
          ))}
        </div>
        {layout.length === 0 && rowCount > 0 && (
          <p className="grid-empty muted" data-testid="grid-no-columns">
            {t('preview.grid.noColumns')}
          </p>
        )}
      </div>
    </>
  );
}

type HeaderProps = {
  headers: readonly Header<MaskedRow, unknown>[];
  /** The visible columns and their widths ("index:width,…"): a header is redrawn when they change. */
  layoutKey: string;
  /** The id of the column being resized, if any. */
  resizingColumn: string | null;
  columns: readonly ColumnInfo[];
  profiles: ReadonlyMap<string, ColumnProfile> | null;
  hiddenColumns: ReadonlySet<string>;
  activeColumn: number | null;
  numberWidth: number;
  totalWidth: number;
  onHeaderClick: (column: number) => void;
};

/**
 * The sticky header row: column names (a click opens the profile), markers and resize handles.
 * A component of its own so that scrolling, which redraws the rows, leaves it alone.
 */
const GridHeader = memo(function GridHeader({ headers, resizingColumn, columns, profiles, hiddenColumns, activeColumn, numberWidth, totalWidth, onHeaderClick }: HeaderProps) {
  const { t } = useTranslation();
  return (
    <div className="grid-header" role="row" aria-rowindex={1} style={{ width: totalWidth }}>
      <div className="grid-hcell grid-rownum" role="columnheader" style={{ width: numberWidth }} title={t('preview.grid.rowNumber')}>
        #
      </div>
      {headers.map((header) => {
        const index = Number(header.column.id.slice(1));
        const name = columns[index]?.name ?? '';
        const personal = profiles?.get(name)?.detected.some((d) => d.personal) ?? false;
        const hiddenInExcel = hiddenColumns.has(name);
        const resizing = header.column.id === resizingColumn;
        return (
          <div
            key={header.id}
            className={`grid-hcell${index === activeColumn ? ' is-active' : ''}${resizing ? ' is-resizing' : ''}`}
            role="columnheader"
            aria-colindex={index + 2}
            style={{ width: header.getSize() }}
            data-testid="grid-header"
            data-column={name}
            data-hidden-in-excel={hiddenInExcel ? 'true' : undefined}
          >
            <button
              type="button"
              className="grid-hbutton"
              data-testid="grid-header-button"
              aria-pressed={index === activeColumn}
              title={t('preview.grid.openProfile', { column: name })}
              onClick={() => onHeaderClick(index)}
            >
              {hiddenInExcel && (
                <span className="grid-hhidden" title={t('preview.sheets.hiddenMarker')}>
                  <EyeOffIcon size={13} />
                </span>
              )}
              <span className="grid-hname">{name}</span>
              {personal && <span className="grid-hdot" title={t('preview.grid.personalColumn')} />}
            </button>
            <div
              className="grid-resizer"
              data-testid="grid-resizer"
              role="separator"
              aria-orientation="vertical"
              aria-label={t('preview.grid.resize', { column: name })}
              title={t('preview.grid.resizeHint')}
              onMouseDown={header.getResizeHandler()}
              onTouchStart={header.getResizeHandler()}
              onDoubleClick={() => header.column.resetSize()}
            />
          </div>
        );
      })}
    </div>
  );
});

type RowProps = {
  /** A row element kept for a moment while no row needs it (see row-slots.ts): hidden. */
  spare: boolean;
  number: number;
  top: number;
  row: MaskedRow | undefined;
  layout: readonly LayoutColumn[];
  numberWidth: number;
  totalWidth: number;
  selection: ReadonlySet<CellKey>;
  revealed: ReadonlyMap<CellKey, Revealed>;
  target: boolean;
  /** Excel hides this row (its number is marked). */
  hiddenInExcel: boolean;
  labels: Labels;
};

const GridRow = memo(function GridRow({ spare, number, top, row, layout, numberWidth, totalWidth, selection, revealed, target, hiddenInExcel, labels }: RowProps) {
  return (
    <div
      className={`grid-row${number % 2 === 0 ? ' even' : ''}${target ? ' is-target' : ''}`}
      role="row"
      aria-rowindex={number + 1}
      hidden={spare}
      data-testid={spare ? undefined : 'grid-row'}
      data-row={number}
      data-hidden-in-excel={hiddenInExcel ? 'true' : undefined}
      style={{ width: totalWidth, transform: `translateY(${top}px)` }}
    >
      <div className={`grid-cell grid-rownum tabular${hiddenInExcel ? ' is-hidden-in-excel' : ''}`} role="rowheader" style={{ width: numberWidth }} title={hiddenInExcel ? labels.hiddenRow : undefined}>
        {number}
      </div>
      {!row ? (
        <LoadingCells layout={layout} />
      ) : (
        layout.map((column) => {
          const key = cellKey(number, column.index);
          const cell = row.cells[column.index];
          const shown = revealed.get(key);
          const selected = selection.has(key);
          const state = cell?.state ?? 'empty';
          const title = shown
            ? labels.revealed(shown.auditSeq)
            : state === 'masked-for-display'
              ? labels.maskedForDisplay
              : state === 'masked-by-candidate'
                ? labels.maskedByCandidate
                : state === 'suppressed'
                  ? labels.suppressed
                  : cell?.hits
                    ? labels.detectors(cell.hits)
                    : undefined;
          return (
            <div
              key={column.index}
              className={`grid-cell state-${state}${cell?.hits ? ' has-hit' : ''}${selected ? ' is-selected' : ''}${shown ? ' is-revealed' : ''}`}
              role="gridcell"
              aria-selected={selected}
              style={{ width: column.width }}
              title={title}
              data-testid="grid-cell"
              data-cell={key}
              data-column={column.name}
              data-state={state}
              data-hits={cell?.hits?.join(' ')}
              data-revealed={shown ? 'true' : undefined}
            >
              {shown ? shown.value : cell?.text}
            </div>
          );
        })
      )}
    </div>
  );
});

/**
 * The cells of a row whose page is still on its way: the same for every such row, so a drag
 * through rows not loaded yet re-renders only the rows' numbers and places, not their cells.
 */
const LoadingCells = memo(function LoadingCells({ layout }: { layout: readonly LayoutColumn[] }) {
  return layout.map((column) => (
    <div key={column.index} className="grid-cell is-loading" role="gridcell" style={{ width: column.width }} data-testid="grid-cell" data-column={column.name} data-state="loading">
      <span className="cell-skeleton" />
    </div>
  ));
});
