/**
 * The lines of a text payload (report, model card, API spec), read through an opener so stored
 * files are decrypted on the way: UTF-8 (invalid bytes become U+FFFD, a leading BOM is
 * dropped), and `\n`, `\r\n` or a lone `\r` ending a line — as Node's readline counts them, so
 * the scanner's line numbers and the preview's are the same. A final line break does not start
 * an empty last line.
 */
import { ServiceError } from '../../../shared/ipc/result';
import type { ByteSource } from '../at-rest/byte-source';
import { readFailed, rethrow, type OpenBytes } from './table-io';

export type TextLine = { text: string; /** Bytes of the file read so far (for progress). */ bytes: number };

export async function* readTextLines(open: OpenBytes, path: string, file: string, signal?: AbortSignal): AsyncGenerator<TextLine> {
  let source: ByteSource;
  try {
    source = await open(path, file);
  } catch (error) {
    throw error instanceof ServiceError ? error : readFailed(file, error);
  }
  try {
    const decoder = new TextDecoder('utf-8');
    let pending = '';
    let bytes = 0;
    let skipLf = false;
    for await (const chunk of source.chunks(0, undefined, 64 * 1024, signal)) {
      bytes += chunk.length;
      pending += decoder.decode(chunk, { stream: true });
      let start = 0;
      for (let i = 0; i < pending.length; i++) {
        const c = pending.charCodeAt(i);
        if (skipLf) {
          skipLf = false;
          if (c === 0x0a) {
            start = i + 1;
            continue;
          }
        }
        if (c === 0x0a || c === 0x0d) {
          yield { text: pending.slice(start, i), bytes };
          skipLf = c === 0x0d;
          start = i + 1;
        }
      }
      pending = pending.slice(start);
    }
    pending += decoder.decode();
    if (pending.length > 0) yield { text: pending, bytes };
  } catch (error) {
    rethrow(file, error);
  } finally {
    await source.close();
  }
}
