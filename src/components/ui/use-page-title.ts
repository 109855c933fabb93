import { useEffect } from 'react';

export const appName = 'Client Referral Program';

// the tab title is the page's name, prefixed with the count of requests waiting ("(3) …") while
// the signed-in frame shows one; pages and the frame set their part, either may come first
let pageTitle = '';
let waitingCount = 0;

function showTitle() {
  const prefix = waitingCount > 0 ? `(${waitingCount}) ` : '';
  document.title = pageTitle ? `${prefix}${pageTitle} · ${appName}` : `${prefix}${appName}`;
}

/** Names the browser tab after the page, so screen-reader users hear where they are. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    pageTitle = title;
    showTitle();
  }, [title]);
}

/** Prefixes the tab title with a count of waiting work while mounted (the signed-in frame's pending requests). */
export function useTitleCount(count: number): void {
  useEffect(() => {
    waitingCount = count;
    showTitle();
    return () => {
      waitingCount = 0;
      showTitle();
    };
  }, [count]);
}
