/**
 * How a worker names an error that is not ours: by its kind and where it was thrown, never by
 * its message — a parser's message can quote the raw bytes it choked on (V8's JSON.parse does),
 * and a failed job's message reaches main's log and the renderer.
 */
export function foreignError(error: unknown): string {
  if (!(error instanceof Error)) return 'an unexpected error';
  const frame = error.stack?.split('\n').find((line) => line.trim().startsWith('at '))?.trim();
  return `an unexpected ${error.name}${frame ? ` (${frame})` : ''}`;
}
