import { useSyncExternalStore } from 'react';

/**
 * The width a chart is drawn at, in SVG units: the width its card will give it, worked out from
 * the window's width and the page's own layout (app shell: a 15rem menu and 2rem margins from
 * 900 px, 1rem margins below; the insights grid: two columns of at least 30rem when they fit;
 * a card's 1rem padding). It reads no layout: measuring each chart's box when it mounted made the
 * browser lay the page out in the middle of the tab's first render, and drew every chart twice
 * (once at a guess, once at the measured width). The SVG keeps this viewBox and fills its box
 * (`width: 100%`), so an estimate a little off only scales the drawing a little.
 */
const rem = 16;
const menuFrom = 900;
const twoColumnsFrom = 2 * 30 * rem + rem;
const cardInset = 2 * rem + 2;
const smallest = 240;

export function chartWidthFor(windowWidth: number): number {
  const content = windowWidth >= menuFrom ? windowWidth - 15 * rem - 4 * rem : windowWidth - 2 * rem;
  const card = content >= twoColumnsFrom ? (content - rem) / 2 : content;
  // to 10 units, so a small resize does not redraw the charts
  return Math.max(smallest, Math.floor((card - cardInset) / 10) * 10);
}

function subscribe(onChange: () => void) {
  window.addEventListener('resize', onChange);
  return () => window.removeEventListener('resize', onChange);
}

const current = () => chartWidthFor(window.innerWidth);

export function useChartWidth(): number {
  return useSyncExternalStore(subscribe, current, () => chartWidthFor(1280));
}
