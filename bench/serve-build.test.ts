import { describe, expect, it } from 'vitest';
import { chooseEncoding, parseHeadersFile } from './serve-build.ts';

describe('parseHeadersFile', () => {
  it('takes the headers of the /* rule only', () => {
    const text = `/*\n  Content-Security-Policy: default-src 'self'; connect-src http://x:1\n  X-Frame-Options: DENY\n/assets/*\n  Cache-Control: immutable\n`;
    expect(parseHeadersFile(text)).toEqual({
      'Content-Security-Policy': "default-src 'self'; connect-src http://x:1",
      'X-Frame-Options': 'DENY',
    });
  });
});

describe('chooseEncoding', () => {
  it('prefers brotli, then gzip, for text only', () => {
    expect(chooseEncoding('gzip, deflate, br', 'text/javascript')).toBe('br');
    expect(chooseEncoding('gzip;q=1', 'text/css')).toBe('gzip');
    expect(chooseEncoding('br', 'image/png')).toBeNull();
    expect(chooseEncoding('', 'text/html')).toBeNull();
  });
});
