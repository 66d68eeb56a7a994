/**
 * Tests the IPC client over a fake bridge: values are parsed with the contract's schemas,
 * failed results become ApiErrors, malformed answers are refused, and errors are shown
 * translated with their file and field names.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, createApi } from './api';
import { describeError } from './errors';
import { applyLanguage } from './i18n';

const settings = { language: 'en', contentProtection: false, signingIdleMinutes: 10 };

function bridgeWith(answer: unknown, capture?: (request: unknown) => void) {
  return {
    settings: {
      get: (request: unknown) => {
        capture?.(request);
        return Promise.resolve(answer);
      },
    },
  };
}

afterEach(async () => {
  await applyLanguage('zh-CN');
});

describe('invoke', () => {
  it('calls the bridge method of the channel and returns the parsed value', async () => {
    const requests: unknown[] = [];
    const api = createApi(() => bridgeWith({ ok: true, value: settings }, (r) => requests.push(r)));
    await expect(api.invoke('settings:get', {})).resolves.toEqual(settings);
    expect(requests).toEqual([{}]);
  });

  it('throws an ApiError with the code, message and params of a failed result', async () => {
    const error = { code: 'import.digest-mismatch', message: 'The sm3 of data/a.csv does not match.', params: { file: 'data/a.csv', field: 'files[0].sm3' } };
    const api = createApi(() => bridgeWith({ ok: false, error }));
    const thrown = await api.invoke('settings:get', {}).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(ApiError);
    expect(thrown).toMatchObject({ code: error.code, message: error.message, params: error.params, channel: 'settings:get' });
  });

  it('refuses a value that does not match the contract, naming the field', async () => {
    const api = createApi(() => bridgeWith({ ok: true, value: { language: 'fr', contentProtection: false, signingIdleMinutes: 10 } }));
    await expect(api.invoke('settings:get', {})).rejects.toMatchObject({ code: 'client.bad-response', params: { channel: 'settings:get', field: 'language' } });
  });

  it('refuses an answer that is not a result envelope', async () => {
    const api = createApi(() => bridgeWith(settings));
    await expect(api.invoke('settings:get', {})).rejects.toMatchObject({ code: 'client.bad-response' });
  });

  it('says so when there is no bridge, or the bridge throws', async () => {
    await expect(createApi(() => undefined).invoke('settings:get', {})).rejects.toMatchObject({ code: 'client.no-bridge' });
    const throwing = { settings: { get: () => Promise.reject(new Error('socket closed')) } };
    await expect(createApi(() => throwing).invoke('settings:get', {})).rejects.toMatchObject({ code: 'client.call-failed' });
  });
});

describe('subscribe', () => {
  it('delivers parsed payloads, drops invalid ones and returns the unsubscribe function', () => {
    let listener: ((payload: unknown) => void) | undefined;
    let unsubscribed = false;
    const bridge = {
      settings: {
        onChanged: (cb: (payload: unknown) => void) => {
          listener = cb;
          return () => {
            unsubscribed = true;
          };
        },
      },
    };
    const received: unknown[] = [];
    const unsubscribe = createApi(() => bridge).subscribe('settings:changed', (payload) => received.push(payload));
    listener?.({ language: 'en', contentProtection: true, signingIdleMinutes: 10 });
    listener?.({ language: 'xx' });
    expect(received).toEqual([{ language: 'en', contentProtection: true, signingIdleMinutes: 10 }]);
    unsubscribe();
    expect(unsubscribed).toBe(true);
  });
});

describe('describeError', () => {
  const mismatch = new ApiError('import.digest-mismatch', 'English message', { file: 'data/a.csv', field: 'files[0].sm3' });

  it('translates the code with its parameters', async () => {
    expect(describeError(mismatch).text).toBe('data/a.csv 的摘要与 candidate.json 中 files[0].sm3 的声明值不符，文件可能已被篡改或损坏。');
    await applyLanguage('en');
    expect(describeError(mismatch)).toEqual({
      text: 'The digest of data/a.csv does not match files[0].sm3 in candidate.json; the file may have been altered or damaged.',
      code: 'import.digest-mismatch',
    });
  });

  it('keeps main’s English reason inside the translated sentence', () => {
    const error = new ApiError('import.manifest-invalid', 'x', { field: 'files[2].sha256', problem: 'expected "sha256:" followed by 64 lowercase hex digits' });
    expect(describeError(error).text).toBe('candidate.json 的字段 files[2].sha256 无效：expected "sha256:" followed by 64 lowercase hex digits');
  });

  it('falls back to the English message for an unknown code or missing parameters', () => {
    expect(describeError(new ApiError('import.something-new', 'Something new went wrong.')).text).toBe('Something new went wrong.');
    expect(describeError(new ApiError('import.digest-mismatch', 'The digest of a.csv does not match.', { file: 'a.csv' })).text).toBe('The digest of a.csv does not match.');
  });

  it('describes anything else as unexpected', () => {
    expect(describeError(new TypeError('boom'))).toEqual({ text: '发生意外错误：TypeError: boom', code: 'client.unexpected' });
  });
});
