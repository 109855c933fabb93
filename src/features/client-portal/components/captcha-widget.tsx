import { useEffect, useRef } from 'react';
import { captchaScripts, type CaptchaConfig } from '../lib/captcha-config';

interface WidgetApi {
  render(container: HTMLElement, options: Record<string, unknown>): string | number;
  remove?(id: string | number): void;
}

declare global {
  interface Window {
    turnstile?: WidgetApi;
    hcaptcha?: WidgetApi;
  }
}

const loading = new Map<string, Promise<void>>();

/** Loads a provider's script once per page. */
function loadScript(src: string): Promise<void> {
  let promise = loading.get(src);
  if (!promise) {
    promise = new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = src;
      script.async = true;
      script.onload = () => resolve();
      script.onerror = () => reject(new Error(`could not load ${src}`));
      document.head.append(script);
    });
    loading.set(src, promise);
  }
  return promise;
}

/**
 * The provider's "are you a person" check (rendered only when the CAPTCHA is switched on). Each
 * solved check gives a token for one request; an expired check clears it.
 */
export function CaptchaWidget({
  config,
  onToken,
}: {
  config: CaptchaConfig;
  onToken: (token: string | null) => void;
}) {
  const container = useRef<HTMLDivElement>(null);
  const latestOnToken = useRef(onToken);
  useEffect(() => {
    latestOnToken.current = onToken;
  }, [onToken]);

  useEffect(() => {
    let widgetId: string | number | undefined;
    let cancelled = false;
    void loadScript(captchaScripts[config.provider]).then(() => {
      const api = config.provider === 'turnstile' ? window.turnstile : window.hcaptcha;
      if (cancelled || !api || !container.current) return;
      widgetId = api.render(container.current, {
        sitekey: config.siteKey,
        callback: (token: string) => latestOnToken.current(token),
        'expired-callback': () => latestOnToken.current(null),
        'error-callback': () => latestOnToken.current(null),
      });
    });
    return () => {
      cancelled = true;
      const api = config.provider === 'turnstile' ? window.turnstile : window.hcaptcha;
      if (widgetId !== undefined) api?.remove?.(widgetId);
    };
  }, [config]);

  return <div ref={container} />;
}
