/**
 * A small structured logger for main-process code (no `console` in app code). Lines are
 * JSON, in English, and must never carry a raw payload value.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type Logger = Record<LogLevel, (message: string, detail?: Record<string, unknown>) => void>;

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export function createLogger(write: (line: string) => void, minimum: LogLevel = 'info'): Logger {
  const make = (level: LogLevel) => (message: string, detail?: Record<string, unknown>) => {
    if (ORDER[level] < ORDER[minimum]) return;
    write(`${JSON.stringify({ at: new Date().toISOString(), level, message, ...(detail ? { detail: serialise(detail) } : {}) })}\n`);
  };
  return { debug: make('debug'), info: make('info'), warn: make('warn'), error: make('error') };
}

function serialise(detail: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(detail)) {
    out[key] = value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value;
  }
  return out;
}

/** Logs to stderr; the default for the CLI, the browser host and Electron's main process. */
export const stderrLogger = (minimum: LogLevel = 'info'): Logger => createLogger((line) => process.stderr.write(line), minimum);
