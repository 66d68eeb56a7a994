/**
 * Turns anything thrown into a sentence for the person at the screen: an ApiError's code is
 * translated as `errors.<code>` with its parameters (file, field, reason …), and when there
 * is no translation, or a parameter the sentence needs is missing, main's English message is
 * shown instead.
 */
import { ApiError } from './api';
import { hasMessage, rawMessage, translateDynamic } from './i18n';
import { describeThrown } from './log';

export type ErrorText = {
  /** The sentence to show. */
  text: string;
  /** The stable code, shown small beside the sentence so support can find it. */
  code: string;
};

const PLACEHOLDER = /\{\{\s*-?\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g;

/** The names a translation interpolates, e.g. `["file", "field"]`. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '').filter((name) => name !== '');
}

export function describeError(error: unknown): ErrorText {
  if (error instanceof ApiError) {
    const key = `errors.${error.code}`;
    const template = hasMessage(key) ? rawMessage(key) : undefined;
    if (template !== undefined && placeholdersOf(template).every((name) => Object.hasOwn(error.params, name))) {
      return { text: translateDynamic(key, { ...error.params }), code: error.code };
    }
    return { text: error.message, code: error.code };
  }
  return { text: translateDynamic('errors.client.unexpected', { detail: describeThrown(error) }), code: 'client.unexpected' };
}
