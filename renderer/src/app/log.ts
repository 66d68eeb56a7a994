/**
 * The renderer's small logger (app code never uses `console`): keeps the most recent entries
 * in memory so a diagnostics view or a test can read them. Messages are English and never
 * carry a payload value.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogEntry = { at: string; level: LogLevel; message: string; detail?: Record<string, unknown> };

const LIMIT = 200;
const entries: LogEntry[] = [];

function write(level: LogLevel, message: string, detail?: Record<string, unknown>): void {
  entries.push(detail ? { at: new Date().toISOString(), level, message, detail } : { at: new Date().toISOString(), level, message });
  if (entries.length > LIMIT) entries.splice(0, entries.length - LIMIT);
}

export const log = {
  debug: (message: string, detail?: Record<string, unknown>) => write('debug', message, detail),
  info: (message: string, detail?: Record<string, unknown>) => write('info', message, detail),
  warn: (message: string, detail?: Record<string, unknown>) => write('warn', message, detail),
  error: (message: string, detail?: Record<string, unknown>) => write('error', message, detail),
};

/** The newest entries, oldest first. */
export function recentLog(): readonly LogEntry[] {
  return entries.slice();
}

/** A short English description of anything thrown, for log details. */
export function describeThrown(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
