import { describe, expect, it } from 'vitest';
import { chooseEncoding, parseHeadersFile, parseRedirectsFile, rewriteOf } from './serve-build.ts';

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

describe('the rewrites of _redirects', () => {
  const rules = parseRedirectsFile(
    [
      '# the public pages',
      '/request/:clinicSlug  /client-portal  200',
      '/request/status/:token  /client-portal  200',
      '/old  /new  301',
      '/docs/*  /docs.html  200',
      '',
    ].join('\n'),
  );

  it('reads the 200 rules only, comments and redirects left out', () => {
    expect(rules.map((r) => r.from)).toEqual(['/request/:clinicSlug', '/request/status/:token', '/docs/*']);
  });

  it('matches placeholders one segment each, with or without a trailing slash, and splats', () => {
    expect(rewriteOf(rules, '/request/harborview')).toBe('/client-portal');
    expect(rewriteOf(rules, '/request/harborview/')).toBe('/client-portal');
    expect(rewriteOf(rules, '/request/status/abc')).toBe('/client-portal');
    expect(rewriteOf(rules, '/docs/a/b')).toBe('/docs.html');
    expect(rewriteOf(rules, '/request')).toBeNull();
    expect(rewriteOf(rules, '/request/harborview/unknown/page')).toBeNull();
    expect(rewriteOf(rules, '/sign-in')).toBeNull();
  });
});
