import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { useId } from 'react';
import type { ProgramInsights } from '../lib/figures';
import { weekLabel } from '../lib/figures';
import styles from './insights.module.css';
import { BottomAxis, LeftAxis } from './chart-axes';
import { SeriesPatterns, SeriesRect, SeriesSwatch } from './series-style';
import { useWidth } from './use-width';

const height = 260;
const margin = { top: 12, right: 8, bottom: 44, left: 40 };

/** Requests per week, stacked by source (payer name or Client Portal), with a legend in stack order. */
export function WeeklyChart({ insights }: { insights: ProgramInsights }) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const idPrefix = useId().replace(/:/g, '');
  const innerWidth = Math.max(width - margin.left - margin.right, 40);
  const innerHeight = height - margin.top - margin.bottom;
  const x = scaleBand({ domain: insights.weeks.map((w) => w.week), range: [0, innerWidth], padding: 0.2 });
  const highest = Math.max(1, ...insights.weeks.map((w) => w.total));
  const y = scaleLinear({ domain: [0, highest], range: [innerHeight, 0], nice: true });
  // label at most ~8 weeks on a phone, more on a wide screen
  const every = Math.max(1, Math.ceil(insights.weeks.length / Math.max(2, Math.floor(innerWidth / 70))));

  return (
    <div ref={ref}>
      <svg width={width} height={height} aria-hidden="true" focusable="false" className={styles.chart}>
        <SeriesPatterns idPrefix={idPrefix} />
        <Group left={margin.left} top={margin.top}>
          {insights.weeks.map((w) => {
            let top = innerHeight;
            return (
              <g key={w.week}>
                {w.counts.map((count, index) => {
                  if (count === 0) return null;
                  const barHeight = innerHeight - (y(count) ?? innerHeight);
                  top -= barHeight;
                  return (
                    <SeriesRect
                      key={index}
                      idPrefix={idPrefix}
                      index={index}
                      x={x(w.week) ?? 0}
                      y={top}
                      width={x.bandwidth()}
                      height={barHeight}
                    />
                  );
                })}
              </g>
            );
          })}
          <LeftAxis ticks={y.ticks(5)} position={(v) => y(v)} height={innerHeight} />
          <BottomAxis
            top={innerHeight}
            width={innerWidth}
            ticks={insights.weeks
              .filter((_, i) => i % every === 0)
              .map((w) => ({ key: w.week, text: weekLabel(w.week) }))}
            position={(week) => (x(String(week)) ?? 0) + x.bandwidth() / 2}
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
}
