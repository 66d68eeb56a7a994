/**
 * The result envelope every IPC call returns, and the error a service throws to produce a
 * failed result. Errors cross the boundary as data (never as thrown exceptions) with a code
 * the UI translates and an English message fit for a person and for logs.
 */

/** Parameters a translated message may interpolate: the file, field, row and reason. */
export type ErrorParams = Record<string, string | number>;

export type IpcError = {
  /** Stable, dotted code, e.g. `ipc.invalid-request`, `import.digest-mismatch`. */
  code: string;
  /** English, for a person: what happened, where, and what to do. Never a raw value. */
  message: string;
  params?: ErrorParams;
};

export type Result<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** Thrown by services for an expected failure the user should read; becomes `{ok:false}`. */
export class ServiceError extends Error {
  readonly code: string;
  readonly params: ErrorParams;

  constructor(code: string, message: string, params: ErrorParams = {}) {
    super(message);
    this.name = 'ServiceError';
    this.code = code;
    this.params = params;
  }

  toIpcError(): IpcError {
    return { code: this.code, message: this.message, params: this.params };
  }
}

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(code: string, message: string, params?: ErrorParams): Result<never> {
  return params ? { ok: false, error: { code, message, params } } : { ok: false, error: { code, message } };
}
