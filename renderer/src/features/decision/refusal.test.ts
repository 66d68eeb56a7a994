// A refusal by the role rules is shown in Chinese under the Chinese UI, as main said it otherwise.
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../app/api';
import { describeError } from '../../app/errors';
import { localizeRefusal } from './refusal';

const refusal = new ApiError('decision.not-allowed', 'You signed the first decision; the second review must be by a different person.', { reasonZh: '您签署了初审决定，复核必须由另一人进行。' }, 'decision:sign');

describe('localizeRefusal', () => {
  it('uses the Chinese reason under zh-CN', () => {
    const shown = localizeRefusal(refusal, 'zh-CN');
    expect(describeError(shown)).toEqual({ text: '您签署了初审决定，复核必须由另一人进行。', code: 'decision.not-allowed' });
  });

  it('keeps main’s English under en', () => {
    expect(describeError(localizeRefusal(refusal, 'en')).text).toBe(refusal.message);
  });

  it('leaves other errors alone', () => {
    const other = new ApiError('keys.wrong-passphrase', 'wrong', {}, 'identity:switch');
    expect(localizeRefusal(other, 'zh-CN')).toBe(other);
    const empty = new ApiError('seal.not-allowed', 'Not allowed.', { reasonZh: '' });
    expect(localizeRefusal(empty, 'zh-CN')).toBe(empty);
    expect(localizeRefusal('boom', 'zh-CN')).toBe('boom');
  });
});
