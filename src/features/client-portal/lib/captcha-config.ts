/**
 * The optional CAPTCHA of the public request form, from the build's environment: on when
 * VITE_CAPTCHA_PROVIDER (turnstile | hcaptcha) and VITE_CAPTCHA_SITE_KEY are both set. The
 * client-portal function must be switched on to match (CAPTCHA_PROVIDER + CAPTCHA_SECRET).
 */
export type CaptchaProviderName = 'turnstile' | 'hcaptcha';

export interface CaptchaConfig {
  provider: CaptchaProviderName;
  siteKey: string;
}

/** The provider's script, loaded only when the CAPTCHA is on. */
export const captchaScripts: Record<CaptchaProviderName, string> = {
  turnstile: 'https://challenges.cloudflare.com/turnstile/v0/api.js?render=explicit',
  hcaptcha: 'https://js.hcaptcha.com/1/api.js?render=explicit',
};

export function captchaConfig(env: {
  VITE_CAPTCHA_PROVIDER?: string;
  VITE_CAPTCHA_SITE_KEY?: string;
}): CaptchaConfig | null {
  const provider = env.VITE_CAPTCHA_PROVIDER?.trim().toLowerCase();
  const siteKey = env.VITE_CAPTCHA_SITE_KEY?.trim();
  if (!siteKey || (provider !== 'turnstile' && provider !== 'hcaptcha')) return null;
  return { provider, siteKey };
}
