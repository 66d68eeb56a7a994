// Only plain http(s) links leave the app; everything a hostile document might try is refused.
import { describe, expect, it } from 'vitest';
import { vetExternalUrl } from './external-links';

describe('vetExternalUrl', () => {
  it('allows absolute http and https URLs', () => {
    expect(vetExternalUrl('https://www.zj.gov.cn/')).toBe('https://www.zj.gov.cn/');
    expect(vetExternalUrl('http://example.com/a?b=c#d')).toBe('http://example.com/a?b=c#d');
    expect(vetExternalUrl('HTTPS://Example.COM/path')).toBe('https://example.com/path');
  });

  it.each([
    ['file:///etc/passwd'],
    ['javascript:alert(1)'],
    ['JaVaScRiPt:alert(1)'],
    ['data:text/html,<script>alert(1)</script>'],
    ['vbscript:msgbox'],
    ['smb://server/share'],
    ['\\\\server\\share'],
    ['ms-msdt:/id PCWDiagnostic'],
    ['search-ms:query=x'],
    ['app://workstation/index.html'],
    ['mailto:a@b.c'],
    ['https://user:pass@example.com/'],
    ['https://example.com@evil.com/'],
    [' https://example.com/'],
    ['https://example.com/\n'],
    ['https://exa\tmple.com/'],
    ['https:/example.com'],
    ['https:example.com'],
    ['//example.com'],
    ['/relative/path'],
    ['https://example.com\\@evil.com'],
    ['https://example.com/\u0000'],
    [''],
    [`https://example.com/${'a'.repeat(3000)}`],
  ])('refuses %j', (url) => {
    expect(vetExternalUrl(url)).toBeNull();
  });

  it('refuses values that are not strings', () => {
    for (const value of [null, undefined, 42, {}, ['https://example.com'], { toString: () => 'https://example.com' }]) {
      expect(vetExternalUrl(value)).toBeNull();
    }
  });
});
