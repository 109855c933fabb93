import { useSyncExternalStore } from 'react';

/**
 * The width a chart is drawn at, in SVG units: a phone's card or a desktop column's. It comes from
 * a media query on the window, which reads no layout: measuring each chart's box when it mounted
 * made the browser lay the page out in the middle of the tab's first render, and drew every chart
 * twice (once at a guess, once at the measured width). The SVG keeps this viewBox and shrinks with
 * its card (`max-width: 100%`), so a box a little narrower than the guess only scales the drawing.
 */
export const wideChartWidth = 560;
export const narrowChartWidth = 340;
const narrowQuery = '(max-width: 600px)';

const media = () => (typeof window.matchMedia === 'function' ? window.matchMedia(narrowQuery) : null);

function subscribe(onChange: () => void) {
  const query = media();
  query?.addEventListener('change', onChange);
  return () => query?.removeEventListener('change', onChange);
}

const current = () => (media()?.matches ? narrowChartWidth : wideChartWidth);

export function useChartWidth(): number {
  return useSyncExternalStore(subscribe, current, () => wideChartWidth);
}
