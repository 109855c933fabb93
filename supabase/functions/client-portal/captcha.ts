/**
 * The optional CAPTCHA on the public request form. Off unless CAPTCHA_PROVIDER is set; then
 * every new request must carry a token that the provider's siteverify endpoint accepts.
 *   CAPTCHA_PROVIDER = turnstile | hcaptcha   (unset or "off": no CAPTCHA)
 *   CAPTCHA_SECRET   = the provider's secret key for this site
 * The app shows the widget when VITE_CAPTCHA_SITE_KEY (and VITE_CAPTCHA_PROVIDER) are set.
 */
export type CaptchaProvider = 'turnstile' | 'hcaptcha';

/** ok: a person; failed: the provider refused the token; unavailable: the provider did not answer. */
export type CaptchaOutcome = 'ok' | 'failed' | 'unavailable';

export type CaptchaVerifier = (token: string, remoteIp: string) => Promise<CaptchaOutcome>;

const siteverifyUrls: Record<CaptchaProvider, string> = {
  turnstile: 'https://challenges.cloudflare.com/turnstile/v0/siteverify',
  hcaptcha: 'https://api.hcaptcha.com/siteverify',
};

/** Checks tokens with the provider's siteverify endpoint (both take the same form fields). */
export function createCaptchaVerifier(
  provider: CaptchaProvider,
  secret: string,
  fetchImpl: typeof fetch = fetch,
): CaptchaVerifier {
  return async (token, remoteIp) => {
    const form = new URLSearchParams({ secret, response: token });
    if (remoteIp && remoteIp !== 'unknown') form.set('remoteip', remoteIp);
    try {
      const response = await fetchImpl(siteverifyUrls[provider], {
        method: 'POST',
        body: form,
        signal: AbortSignal.timeout(5_000),
      });
      if (!response.ok) return 'unavailable';
      const result: unknown = await response.json();
      return typeof result === 'object' && result !== null && 'success' in result && result.success === true
        ? 'ok'
        : 'failed';
    } catch {
      return 'unavailable';
    }
  };
}

/** The verifier the environment asks for, or null when the CAPTCHA is off. A half-set switch fails at start-up. */
export function captchaFromEnv(
  env: (name: string) => string | undefined,
  fetchImpl: typeof fetch = fetch,
): CaptchaVerifier | null {
  const provider = (env('CAPTCHA_PROVIDER') ?? '').trim().toLowerCase();
  if (provider === '' || provider === 'off') return null;
  if (provider !== 'turnstile' && provider !== 'hcaptcha') {
    throw new Error(`CAPTCHA_PROVIDER must be turnstile, hcaptcha or off (got "${provider}").`);
  }
  const secret = env('CAPTCHA_SECRET')?.trim();
  if (!secret)
    throw new Error(
      `CAPTCHA_PROVIDER is ${provider} but CAPTCHA_SECRET is not set (set it with \`supabase secrets set\`).`,
    );
  return createCaptchaVerifier(provider, secret, fetchImpl);
}
