/**
 * The first rows of a table before it has been scanned: the preview shows them (masked) within
 * a second of opening a file, while the background scan builds the row index for the rest.
 * Reads from the top of the file only as far as needed — the encoding is decided from the
 * first MiB, the reader runs until it has the rows asked for and is then stopped.
 */
import { basename } from 'node:path';
import { detectEncoding, type DetectedEncoding } from './encoding';
import { openTable } from './index';
import { openPlain, withSource, type OpenBytes } from './table-io';

/** How far into a table the head reaches: rows beyond it wait for the scan's index. */
export const HEAD_ROWS = 5000;
const SAMPLE_BYTES = 1024 * 1024;

export type TableHead = {
  encoding: DetectedEncoding;
  columns: string[];
  /** Data rows `from …` (at most `count`, fewer at the end of the table or of the head). */
  rows: string[][];
  /** True when the table ended within the rows read (its row count is then known). */
  complete: boolean;
  /** Data rows read from the top, `from + rows.length - 1` or more. */
  rowsRead: number;
};

class Enough extends Error {}

/**
 * Rows `from … from+count-1` (1-based) of the table at `path`, read from its start; `from + count - 1`
 * is clamped to `HEAD_ROWS` (or `limit`). `encoding` may be given when already known.
 */
export async function readTableHead(
  path: string,
  mediaType: string,
  from: number,
  count: number,
  options: { file?: string; encoding?: DetectedEncoding; limit?: number; signal?: AbortSignal; open?: OpenBytes } = {},
): Promise<TableHead> {
  options.signal?.throwIfAborted();
  const file = options.file ?? basename(path);
  const limit = options.limit ?? HEAD_ROWS;
  const last = Math.min(limit, from + count - 1);
  const open = options.open ?? openPlain;
  const encoding = options.encoding ?? (await sampleEncoding(open, path, file));
  const table = await openTable(path, mediaType, { file, encoding, open });
  const rows: string[][] = [];
  let columns: string[] = [];
  let rowsRead = 0;
  const controller = new AbortController();
  const stop = () => controller.abort(new Enough());
  options.signal?.addEventListener('abort', stop, { once: true });
  try {
    const scan = await table.scan({
      file,
      signal: controller.signal,
      batchSize: 256,
      onBatch: (batch, first, cols) => {
        columns = [...cols];
        for (let i = 0; i < batch.length; i++) {
          const row = first + i;
          if (row >= from && row <= last) rows.push(batch[i]!);
        }
        rowsRead = first + batch.length - 1;
        if (rowsRead >= last) stop();
      },
    });
    return { encoding, columns: scan.columns, rows, complete: true, rowsRead: scan.rows };
  } catch (error) {
    options.signal?.throwIfAborted();
    if (controller.signal.reason instanceof Enough) return { encoding, columns, rows, complete: false, rowsRead };
    throw error;
  } finally {
    options.signal?.removeEventListener('abort', stop);
  }
}

/** The encoding as the first MiB shows it; the scan decides for the whole file. */
async function sampleEncoding(open: OpenBytes, path: string, file: string): Promise<DetectedEncoding> {
  return withSource(open, path, file, async (source) => {
    const sample = await source.read(0, SAMPLE_BYTES);
    return detectEncoding(sample, { complete: sample.length >= source.size, file });
  });
}
