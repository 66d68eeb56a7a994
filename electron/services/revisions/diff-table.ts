/**
 * One table of revision N−1 beside the same table of revision N: both are streamed side by
 * side into the shared table sides (shared/diff/table-diff.ts), which hash rows and follow the
 * key candidates; then only the listed rows are read again and described, masked. Hashing
 * starts once both headers are known, so a column only one revision has is left out of the
 * row hashes from the first row on (a JSON table that grows columns later is read a second
 * time with the final columns).
 */
import {
  MAX_ROW_CHANGES,
  columnsToIgnore,
  createTableSide,
  describeRowChanges,
  matchTableRows,
  rowsToRead,
  type CellMasker,
  type TableSide,
  type TableSideSummary,
} from '../../../shared/diff';
import type { FileChange } from '../../../shared/ipc/schemas/review';
import type { TableRowsSource } from './table-sources';

export type TableDiff = NonNullable<FileChange['table']>;

type Side = { source: TableRowsSource; mask: CellMasker };

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const sameSet = (a: ReadonlySet<string>, b: ReadonlySet<string>) => a.size === b.size && [...a].every((x) => b.has(x));

/** Streams both tables at once; each side's hashing waits for the other's header. */
async function readBoth(before: TableRowsSource, after: TableRowsSource): Promise<{ summaries: [TableSideSummary, TableSideSummary]; ignored: [Set<string>, Set<string>] }> {
  const headers = [deferred<string[] | null>(), deferred<string[] | null>()] as const;
  const controller = new AbortController();
  const ignoredBy: [Set<string>, Set<string>] = [new Set(), new Set()];
  const start = async (i: 0 | 1, columns: readonly string[]): Promise<TableSide> => {
    headers[i].resolve([...columns]);
    const [b, a] = await Promise.all([headers[0].promise, headers[1].promise]);
    // The other side failed: its error is the one reported; stop here.
    if (!b || !a) throw controller.signal.reason ?? new Error('the other table could not be read');
    ignoredBy[i] = columnsToIgnore(b, a)[i === 0 ? 'before' : 'after'];
    return createTableSide({ ignore: ignoredBy[i] });
  };
  const run = async (i: 0 | 1, source: TableRowsSource): Promise<TableSideSummary> => {
    let side: TableSide | null = null;
    try {
      const result = await source.stream(async (rows, first, columns) => {
        side ??= await start(i, columns);
        side.absorb(rows, first, columns);
      }, controller.signal);
      side ??= await start(i, result.columns);
      return side.finish(result.columns);
    } catch (error) {
      headers[i].resolve(null);
      if (!controller.signal.aborted) controller.abort(error);
      throw error;
    }
  };
  const results = await Promise.allSettled([run(0, before), run(1, after)]);
  const failed = results.find((r) => r.status === 'rejected');
  if (failed) throw controller.signal.reason ?? failed.reason;
  const summaries = results.map((r) => (r as PromiseFulfilledResult<TableSideSummary>).value) as [TableSideSummary, TableSideSummary];
  return { summaries, ignored: ignoredBy };
}

/** Streams one table into a side that leaves `ignore` out of its row hashes. */
async function readOne(source: TableRowsSource, ignore: ReadonlySet<string>): Promise<TableSideSummary> {
  const side = createTableSide({ ignore });
  const result = await source.stream((rows, first, columns) => side.absorb(rows, first, columns));
  return side.finish(result.columns);
}

/**
 * The table diff of FileChange: key column, columns added and removed, totals of added, removed
 * and changed rows, and at most `maxListed` row changes with masked cells.
 */
export async function diffTable(before: Side, after: Side, options: { maxListed?: number } = {}): Promise<TableDiff> {
  const first = await readBoth(before.source, after.source);
  let summaries = first.summaries;
  const final = columnsToIgnore(summaries[0].columns, summaries[1].columns);
  if (!sameSet(final.before, first.ignored[0]) || !sameSet(final.after, first.ignored[1])) {
    // Columns appeared after the first rows (JSON): hash again, leaving out the final difference.
    summaries = await Promise.all([readOne(before.source, final.before), readOne(after.source, final.after)]);
  }
  const match = matchTableRows(summaries[0], summaries[1], { maxListed: options.maxListed ?? MAX_ROW_CHANGES });
  const wanted = rowsToRead(match.listed);
  const [oldRows, newRows] = await Promise.all([before.source.read(wanted.before), after.source.read(wanted.after)]);
  const rows = describeRowChanges(
    match.listed,
    match.keyColumns,
    { columns: summaries[0].columns, rows: oldRows, mask: before.mask },
    { columns: summaries[1].columns, rows: newRows, mask: after.mask },
  );
  return {
    keyColumns: match.keyColumns,
    columnsAdded: match.columnsAdded,
    columnsRemoved: match.columnsRemoved,
    added: match.added,
    removed: match.removed,
    changed: match.changed,
    rows,
  };
}
