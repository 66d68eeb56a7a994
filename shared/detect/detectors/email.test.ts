/**
 * Tests of the e-mail detector: valid and role addresses, malformed ones, and the text scan's
 * handling of sentence punctuation.
 */
import { describe, expect, it } from 'vitest';
import { EMAIL_CONFIDENCE, checkEmail, findEmails } from './email';

function scan(text: string): string[] {
  const found: string[] = [];
  findEmails(text, (_hit, start, end) => found.push(text.slice(start, end)));
  return found;
}

describe('checkEmail', () => {
  it('accepts personal addresses', () => {
    for (const value of ['zhang.wei@example.com', 'a+tag@mail.example.com.cn', 'x_y-z%1@sub-domain.example.org', '12345678@qq.com', 'a@b.xn--fiqs8s']) {
      expect(checkEmail(value), value).toEqual({ detector: 'email', confidence: EMAIL_CONFIDENCE, personal: true });
    }
  });

  it('reports role mailboxes as not personal', () => {
    expect(checkEmail('service@example.com')?.personal).toBe(false);
    expect(checkEmail('NoReply@example.com')?.personal).toBe(false);
  });

  it('rejects malformed addresses', () => {
    for (const value of ['@example.com', 'a@', 'a@example', 'a@@example.com', 'a@b@example.com', '.a@example.com', 'a.@example.com', 'a..b@example.com', 'a@-example.com', 'a@example-.com', 'a@example..com', 'a@example.c', 'a@example.c0m', 'a b@example.com', '张@example.com']) {
      expect(checkEmail(value), value).toBeNull();
    }
  });
});

describe('findEmails', () => {
  it('finds addresses in text without trailing punctuation', () => {
    expect(scan('请联系 zhang.wei@example.com。或 li@example.cn.')).toEqual(['zhang.wei@example.com', 'li@example.cn']);
    expect(scan('邮箱:wang@example.com,备用:wang2@example.com')).toEqual(['wang@example.com', 'wang2@example.com']);
  });

  it('ignores handles and decorators', () => {
    expect(scan('@zhangwei 你好')).toEqual([]);
    expect(scan('@Component({selector: "x"})')).toEqual([]);
    expect(scan('a@b')).toEqual([]);
  });
});
