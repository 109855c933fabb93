import { render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sampleInsights } from '../../../../tests/msw/insights-handlers';
import type { ProgramInsights } from '../lib/figures';
import { chartWidthFor } from './chart-width';
import { DecisionHistogram } from './decision-histogram';
import { WeeklyChart } from './weekly-chart';

/** Ten weeks of two sources: the first always, the second every other week. */
function tenWeeks(): ProgramInsights {
  const insights = sampleInsights() as ProgramInsights;
  const weeks = Array.from({ length: 10 }, (_, i) => {
    const day = new Date(Date.UTC(2026, 7, 3 + 7 * i)).toISOString().slice(0, 10);
    const counts = [i + 1, i % 2];
    return { week: day, total: counts[0]! + counts[1]!, counts };
  });
  return { ...insights, weeks };
}

/** What a chart draws: its elements outside the pattern definitions. */
const drawn = (svg: Element, selector: string) =>
  [...svg.querySelectorAll(selector)].filter((e) => !e.closest('defs'));

const subPaths = (path: Element) => (path.getAttribute('d') ?? '').split('M').length - 1;

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('the charts’ drawing', () => {
  it('draws each source of the weekly chart as one path (and its pattern), however many weeks', () => {
    const { container } = render(<WeeklyChart insights={tenWeeks()} />);
    const chart = container.querySelector('svg')!;
    expect(drawn(chart, 'rect')).toHaveLength(0);
    const paths = drawn(chart, 'path');
    // Aetna in its colour; Client Portal in its colour and under its stripes
    expect(paths.map((p) => p.getAttribute('fill'))).toEqual([
      '#0072b2',
      '#d55e00',
      expect.stringMatching(/^url\(#.+-stripes\)$/),
    ]);
    expect(paths.map(subPaths)).toEqual([10, 5, 5]);
  });

  it('stacks a week’s sources from the axis up, in the sources’ order', () => {
    const insights = { ...tenWeeks(), weeks: [{ week: '2026-10-19', total: 4, counts: [3, 1] }] };
    const { container } = render(<WeeklyChart insights={insights} />);
    const [aetna, portal] = drawn(container.querySelector('svg')!, 'path').map((p) => p.getAttribute('d'));
    // inner height 204: 4 requests fill it, so Aetna's 3 are 153 high from the axis up, the portal's 1 on top
    expect(aetna).toMatch(/^M[\d.]+ 51h[\d.]+v153h-[\d.]+Z$/);
    expect(portal).toMatch(/^M[\d.]+ 0h[\d.]+v51h-[\d.]+Z$/);
  });

  it('draws the histogram’s bars as one path, a sub-path per bin with decisions', () => {
    const { container } = render(<DecisionHistogram insights={sampleInsights() as ProgramInsights} />);
    const paths = drawn(container.querySelector('svg')!, 'path');
    expect(paths).toHaveLength(1);
    expect(subPaths(paths[0]!)).toBe(3);
    expect(drawn(container.querySelector('svg')!, 'rect')).toHaveLength(0);
  });

  it('gives the legend the chart’s own patterns instead of a copy per swatch', () => {
    const { container } = render(<WeeklyChart insights={tenWeeks()} />);
    const swatches = [...container.querySelectorAll('li svg')];
    expect(swatches).toHaveLength(2);
    for (const swatch of swatches) expect(swatch.querySelector('defs, pattern')).toBeNull();
    const stripes = swatches[1]!.querySelectorAll('path')[1]!.getAttribute('fill')!;
    const id = /^url\(#(.+)\)$/.exec(stripes)![1]!;
    expect(container.querySelector('svg')!.querySelector(`pattern[id="${id}"]`)).not.toBeNull();
  });

  it('draws at the width its card will have, worked out from the window’s width without measuring the page', () => {
    const measured = vi.spyOn(Element.prototype, 'getBoundingClientRect');
    // a 1280 px window: the menu, then two columns of cards 480 px wide, 446 inside
    vi.stubGlobal('innerWidth', 1280);
    const wide = render(
      <>
        <WeeklyChart insights={tenWeeks()} />
        <DecisionHistogram insights={tenWeeks()} />
      </>,
    );
    expect([...wide.container.querySelectorAll('div > svg')].map((s) => s.getAttribute('viewBox'))).toEqual([
      '0 0 440 260',
      '0 0 440 240',
    ]);
    wide.unmount();
    // a phone: one column, a 358 px card
    vi.stubGlobal('innerWidth', 390);
    const phone = render(<WeeklyChart insights={tenWeeks()} />);
    expect(phone.container.querySelector('svg')).toHaveAttribute('viewBox', '0 0 320 260');
    expect(measured).not.toHaveBeenCalled();
  });

  it('estimates the card’s width on each layout of the page', () => {
    // measured in Chromium: the chart's box is 324 px at 390, 562 at 900, 446 at 1280, 526 at 1440
    expect([390, 900, 1280, 1440].map(chartWidthFor)).toEqual([320, 560, 440, 520]);
  });
});
