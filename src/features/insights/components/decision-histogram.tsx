import { Group } from '@visx/group';
import { scaleLinear } from '@visx/scale';
import { memo, useMemo } from 'react';
import type { ProgramInsights } from '../lib/figures';
import styles from './insights.module.css';
import { BottomAxis, LeftAxis } from './chart-axes';
import { useChartWidth } from './chart-width';
import { rectPath, seriesColour } from './series-style';

const height = 240;
const margin = { top: 24, right: 16, bottom: 44, left: 40 };
const deadlineHours = 48;

/** How long decisions took, in 4-hour bins (one path), with the 48-hour deadline drawn and named. */
export const DecisionHistogram = memo(function DecisionHistogram({
  insights,
}: {
  insights: ProgramInsights;
}) {
  const width = useChartWidth();
  const bins = insights.decision.histogram;
  const drawing = useMemo(() => {
    const innerWidth = width - margin.left - margin.right;
    const innerHeight = height - margin.top - margin.bottom;
    const x = scaleLinear({ domain: [0, deadlineHours], range: [0, innerWidth] });
    const y = scaleLinear({
      domain: [0, Math.max(1, ...bins.map((b) => b.count))],
      range: [innerHeight, 0],
      nice: true,
    });
    return {
      innerWidth,
      innerHeight,
      x,
      y,
      bars: bins
        .filter((b) => b.count > 0)
        .map((b) =>
          rectPath(
            x(b.from_hours) + 1,
            y(b.count),
            Math.max(0, x(b.to_hours) - x(b.from_hours) - 2),
            innerHeight - y(b.count),
          ),
        )
        .join(''),
    };
  }, [bins, width]);
  const { innerWidth, innerHeight, x, y } = drawing;
  const deadline = x(deadlineHours);
  return (
    <div>
      <svg viewBox={`0 0 ${width} ${height}`} aria-hidden="true" focusable="false" className={styles.chart}>
        <Group left={margin.left} top={margin.top}>
          {drawing.bars ? <path d={drawing.bars} fill={seriesColour(0)} /> : null}
          <line
            x1={deadline}
            x2={deadline}
            y1={-8}
            y2={innerHeight}
            stroke="#b3261e"
            strokeWidth={2}
            strokeDasharray="6 3"
          />
          <text x={deadline - 4} y={-10} textAnchor="end" className={styles.chartNote}>
            48-hour deadline
          </text>
          <LeftAxis ticks={y.ticks(4)} position={(v) => y(v)} height={innerHeight} />
          <BottomAxis
            top={innerHeight}
            width={innerWidth}
            ticks={[0, 12, 24, 36, 48].map((h) => ({ key: h, text: `${h} h` }))}
            position={(h) => x(Number(h))}
            label="Hours from arrival to confirm or decline"
          />
        </Group>
      </svg>
    </div>
  );
});
