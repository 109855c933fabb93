import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { memo, useId, useMemo } from 'react';
import type { ProgramInsights } from '../lib/figures';
import { weekLabel } from '../lib/figures';
import styles from './insights.module.css';
import { BottomAxis, LeftAxis } from './chart-axes';
import { useChartWidth } from './chart-width';
import { rectPath, SeriesPath, SeriesPatterns, SeriesSwatch } from './series-style';

const height = 260;
const margin = { top: 12, right: 8, bottom: 44, left: 40 };

/** Each source's bar segments, stacked week by week in the sources' order, as one path per source. */
export function stackedSeriesPaths(
  insights: Pick<ProgramInsights, 'weeks' | 'sources'>,
  x: (week: string) => number,
  bandwidth: number,
  y: (count: number) => number,
  innerHeight: number,
): string[] {
  const paths = insights.sources.map(() => '');
  for (const w of insights.weeks) {
    let top = innerHeight;
    w.counts.forEach((count, index) => {
      if (count === 0 || index >= paths.length) return;
      const barHeight = innerHeight - y(count);
      top -= barHeight;
      paths[index] += rectPath(x(w.week), top, bandwidth, barHeight);
    });
  }
  return paths;
}

/** Requests per week, stacked by source (payer name or Client Portal), with a legend in stack order. */
export const WeeklyChart = memo(function WeeklyChart({ insights }: { insights: ProgramInsights }) {
  const width = useChartWidth();
  const idPrefix = useId().replace(/:/g, '');
  const drawing = useMemo(() => {
    const innerWidth = width - margin.left - margin.right;
    const innerHeight = height - margin.top - margin.bottom;
    const x = scaleBand({ domain: insights.weeks.map((w) => w.week), range: [0, innerWidth], padding: 0.2 });
    const highest = Math.max(1, ...insights.weeks.map((w) => w.total));
    const y = scaleLinear({ domain: [0, highest], range: [innerHeight, 0], nice: true });
    // label at most ~8 weeks on a phone, more on a wide screen
    const every = Math.max(1, Math.ceil(insights.weeks.length / Math.max(2, Math.floor(innerWidth / 70))));
    return {
      innerWidth,
      innerHeight,
      series: stackedSeriesPaths(insights, (week) => x(week) ?? 0, x.bandwidth(), y, innerHeight),
      yTicks: y.ticks(5).map((value) => ({ value, at: y(value) })),
      xTicks: insights.weeks
        .filter((_, i) => i % every === 0)
        .map((w) => ({ key: w.week, text: weekLabel(w.week), at: (x(w.week) ?? 0) + x.bandwidth() / 2 })),
    };
  }, [insights, width]);
  const xAt = new Map(drawing.xTicks.map((t) => [t.key, t.at]));
  const yAt = new Map(drawing.yTicks.map((t) => [t.value, t.at]));

  return (
    <div>
      <svg viewBox={`0 0 ${width} ${height}`} aria-hidden="true" focusable="false" className={styles.chart}>
        <SeriesPatterns idPrefix={idPrefix} />
        <Group left={margin.left} top={margin.top}>
          {drawing.series.map((d, index) =>
            d ? <SeriesPath key={index} idPrefix={idPrefix} index={index} d={d} /> : null,
          )}
          <LeftAxis
            ticks={drawing.yTicks.map((t) => t.value)}
            position={(v) => yAt.get(v) ?? 0}
            height={drawing.innerHeight}
          />
          <BottomAxis
            top={drawing.innerHeight}
            width={drawing.innerWidth}
            ticks={drawing.xTicks}
            position={(week) => xAt.get(String(week)) ?? 0}
            label="Week starting (Monday)"
          />
        </Group>
      </svg>
      <ul className={styles.legend} aria-label="Sources">
        {insights.sources.map((source, index) => (
          <li key={source}>
            <SeriesSwatch idPrefix={idPrefix} index={index} />
            {source}
          </li>
        ))}
      </ul>
    </div>
  );
});
