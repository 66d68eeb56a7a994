/**
 * Main refuses an action the role rules forbid (`decision.not-allowed`, `seal.not-allowed`) with
 * the reason in English as the message and in Chinese as `params.reasonZh`. There is no fixed
 * translation for such a reason, so under a Chinese UI the error is shown with the Chinese
 * reason as its message; otherwise it stays as main said it.
 */
import { ApiError } from '../../app/api';

export function localizeRefusal(error: unknown, language: string): unknown {
  if (!(error instanceof ApiError) || !language.startsWith('zh')) return error;
  const reasonZh = error.params.reasonZh;
  if (typeof reasonZh !== 'string' || reasonZh.trim() === '') return error;
  return new ApiError(error.code, reasonZh, {}, error.channel);
}
