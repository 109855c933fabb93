/**
 * The browser figures as ratios: each of the app's views against its anchor (a well-known
 * library doing the same job in the same browser, the two timed in turns), so that a busy machine
 * slows both sides. The ratios pass or fail; round one's absolute budgets are reported beside them.
 */
import type { BenchStack } from './bench-stack.ts';
import { measureBrowser, type InsightsTabTimings, type Versus } from './browser.ts';
import { ms, p95Of, record } from './figures.ts';
import { speedup, type Timing } from './stats.ts';

/** Passes when ours is at least `times` faster than the anchor at p50 and at p95. */
export function ratioMet(pair: Versus, times: number): boolean {
  // unrounded: 4.95× is not 5×
  return pair.anchor.p50 >= times * pair.ours.p50 && pair.anchor.p95 >= times * pair.ours.p95;
}

function recordVersus(figure: string, anchorName: string, pair: Versus, times: number, absoluteP95: number) {
  const s = speedup(pair.anchor, pair.ours);
  record({
    group: 'browser',
    figure: `${figure}: ${anchorName} ÷ ours`,
    value: `${s.p50}× at p50, ${s.p95}× at p95 (anchor ${ms(pair.anchor)})`,
    budget: `≥ ${times}× at p50 and p95`,
    met: ratioMet(pair, times),
    measure: { value: Math.min(s.p50, s.p95), better: 'higher' },
  });
  absolute(figure, pair.ours, absoluteP95);
}

/** Round one's absolute budget, reported and not judged: milliseconds in a browser say more about the neighbours. */
function absolute(figure: string, t: Timing, p95Budget: number) {
  record({
    group: 'browser',
    figure: `${figure}, ours (4× CPU)`,
    value: `${ms(t)}${t.p95 <= p95Budget ? '' : ' — over round one’s budget'}`,
    budget: `round one: p95 ≤ ${p95Budget} ms (reported)`,
    met: null,
    measure: p95Of(t),
  });
}

export async function measureBrowserGroup(b: BenchStack, distDir: string, anchorsDir: string): Promise<void> {
  const f = await measureBrowser({ distDir, anchorsDir, apiUrl: b.stack.urls.api, db: b.db });
  const table = 'plain @tanstack/react-table, 5,000 rows';
  recordVersus('browser: program grid, 5,000 enrolled, first render', table, f.gridFirstRender, 5, 300);
  recordVersus('browser: program grid, filter by payer', table, f.gridFilter, 5, 100);
  recordVersus(
    'browser: week view, 500 events in memory, render',
    'react-big-calendar’s week view',
    f.weekRender,
    4,
    300,
  );
  absolute(
    'browser: week view reopened from home in the app (code loaded, 500 events in the query cache)',
    f.weekReopen,
    300,
  );
  absolute(
    'browser: week view opened from the home page (route code, fetch of 500 events, render)',
    f.weekOpen,
    300,
  );
  absolute('browser: week view, next week (fetch and render of 500 events)', f.weekNavigate, 150);
  recordInsightsTab(f.insightsTab);
}

export const insightsTabBudgetMs = 300;

/**
 * The Insights tab's own budget (no anchor: the issue sets it in milliseconds at 4× CPU), judged
 * on what the user waits for, from the click to every chart painted, the figures' calls included
 * (the calls' 50 ms SQL budget is part of these 300 ms). Its two parts are reported beside it,
 * so a slow gateway or database is told apart from a slow render.
 */
export function recordInsightsTab(t: InsightsTabTimings): void {
  const figure =
    'browser: Insights tab, every chart with its table and both breakdown tables (bench-200, 90 days, 4× CPU)';
  record({
    group: 'browser',
    figure,
    value: ms(t.total),
    budget: `p95 ≤ ${insightsTabBudgetMs} ms`,
    met: t.total.p95 <= insightsTabBudgetMs,
    measure: p95Of(t.total),
  });
  record({
    group: 'browser',
    figure: `${figure}: until the figures’ calls had answered`,
    value: ms(t.fetch),
    budget: 'part of the above (reported)',
    met: null,
    measure: p95Of(t.fetch),
  });
  record({
    group: 'browser',
    figure: `${figure}: from their answers to the charts painted`,
    value: ms(t.render),
    budget: 'part of the above (reported)',
    met: null,
    measure: p95Of(t.render),
  });
}
