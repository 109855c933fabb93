/**
 * The public request page and the sign-in page on a phone: Lighthouse's mobile preset (simulated
 * 4× CPU slowdown, 150 ms RTT, 1.6 Mbps, a Moto G-sized screen) against the production build
 * served as a static host serves it, talking to the benchmark stack, in Debian's Chromium; the
 * median of five runs of each figure.
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromiumPath } from '../tests/e2e/support/chromium.ts';
import { record } from './figures.ts';
import { serveBuild } from './serve-build.ts';
import { median, round } from './stats.ts';

export const lighthouseRuns = 5;
export const lighthouseBudget = { performance: 95, lcpMs: 2000, tbtMs: 150, cls: 0.05, accessibility: 100 };

export interface PageScores {
  performance: number;
  accessibility: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
}

/** The median of each figure over the runs (each figure on its own, as Lighthouse's docs advise). */
export function medianScores(runs: PageScores[]): PageScores {
  const of = (k: keyof PageScores) => median(runs.map((r) => r[k]));
  return {
    performance: of('performance'),
    accessibility: of('accessibility'),
    lcpMs: round(of('lcpMs'), 0),
    tbtMs: round(of('tbtMs'), 0),
    cls: round(of('cls'), 3),
  };
}

export function scoresMet(s: PageScores): Record<keyof PageScores, boolean> {
  const b = lighthouseBudget;
  return {
    performance: s.performance >= b.performance,
    accessibility: s.accessibility >= b.accessibility,
    lcpMs: s.lcpMs <= b.lcpMs,
    tbtMs: s.tbtMs <= b.tbtMs,
    cls: s.cls <= b.cls,
  };
}

async function audit(url: string, port: number): Promise<PageScores> {
  const result = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility'],
  });
  if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.message}`);
  const score = (c: string) => Math.round((lhr.categories[c]?.score ?? 0) * 100);
  const numeric = (a: string) => lhr.audits[a]?.numericValue ?? Number.NaN;
  const failing = Object.values(lhr.audits)
    .filter(
      (a) =>
        a.scoreDisplayMode === 'binary' &&
        a.score === 0 &&
        lhr.categories.accessibility?.auditRefs.some((r) => r.id === a.id),
    )
    .map((a) => a.id);
  if (failing.length) console.log(`    accessibility audits failing on ${url}: ${failing.join(', ')}`);
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    lcpMs: numeric('largest-contentful-paint'),
    tbtMs: numeric('total-blocking-time'),
    cls: numeric('cumulative-layout-shift'),
  };
}

export async function measureLighthouse(
  distDir: string,
  pages: { name: string; path: string }[],
): Promise<void> {
  const server = await serveBuild(distDir);
  const chrome = await chromeLauncher.launch({
    chromePath: chromiumPath(),
    chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    for (const page of pages) {
      const url = `${server.origin}${page.path}`;
      const runs: PageScores[] = [];
      for (let i = 0; i < lighthouseRuns; i++) runs.push(await audit(url, chrome.port));
      const s = medianScores(runs);
      const met = scoresMet(s);
      const b = lighthouseBudget;
      const rec = (
        what: string,
        value: string,
        budget: string,
        ok: boolean,
        n: number,
        better: 'lower' | 'higher',
      ) =>
        record({
          group: 'lighthouse',
          figure: `Lighthouse, ${page.name}, phone: ${what}`,
          value: `${value} (median of ${lighthouseRuns}: ${runs.map((r) => round(r[keyOf(what)], 3)).join(', ')})`,
          budget,
          met: ok,
          measure: { value: n, better },
        });
      rec('performance', `${s.performance}`, `≥ ${b.performance}`, met.performance, s.performance, 'higher');
      rec('LCP', `${s.lcpMs} ms`, `≤ ${b.lcpMs} ms`, met.lcpMs, s.lcpMs, 'lower');
      rec('TBT', `${s.tbtMs} ms`, `≤ ${b.tbtMs} ms`, met.tbtMs, s.tbtMs, 'lower');
      rec('CLS', `${s.cls}`, `≤ ${b.cls}`, met.cls, s.cls, 'lower');
      rec(
        'accessibility',
        `${s.accessibility}`,
        `${b.accessibility}`,
        met.accessibility,
        s.accessibility,
        'higher',
      );
    }
  } finally {
    chrome.kill();
    await server.close();
  }
}

const keyOf = (what: string): keyof PageScores =>
  ({ performance: 'performance', LCP: 'lcpMs', TBT: 'tbtMs', CLS: 'cls', accessibility: 'accessibility' })[
    what
  ] as keyof PageScores;
