import { describe, expect, it } from 'vitest';
import { captchaConfig } from './captcha-config';

describe('captchaConfig', () => {
  it('is off unless a known provider and a site key are both set', () => {
    expect(captchaConfig({})).toBeNull();
    expect(captchaConfig({ VITE_CAPTCHA_SITE_KEY: '0x4AAA' })).toBeNull();
    expect(captchaConfig({ VITE_CAPTCHA_PROVIDER: 'turnstile' })).toBeNull();
    expect(captchaConfig({ VITE_CAPTCHA_PROVIDER: 'recaptcha', VITE_CAPTCHA_SITE_KEY: 'k' })).toBeNull();
  });

  it('turns on for Turnstile or hCaptcha', () => {
    expect(captchaConfig({ VITE_CAPTCHA_PROVIDER: ' Turnstile ', VITE_CAPTCHA_SITE_KEY: '0x4AAA ' })).toEqual(
      { provider: 'turnstile', siteKey: '0x4AAA' },
    );
    expect(captchaConfig({ VITE_CAPTCHA_PROVIDER: 'hcaptcha', VITE_CAPTCHA_SITE_KEY: 'abc' })).toEqual({
      provider: 'hcaptcha',
      siteKey: 'abc',
    });
  });
});
