import { useEffect } from 'react';

export const appName = 'Client Referral Program';

/** Names the browser tab after the page, so screen-reader users hear where they are. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · ${appName}`;
  }, [title]);
}
