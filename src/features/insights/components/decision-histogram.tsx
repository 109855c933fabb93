import { Group } from '@visx/group';
import { scaleLinear } from '@visx/scale';
import type { ProgramInsights } from '../lib/figures';
import styles from './insights.module.css';
import { BottomAxis, LeftAxis } from './chart-axes';
import { seriesColour } from './series-style';
import { useWidth } from './use-width';

const height = 240;
const margin = { top: 24, right: 16, bottom: 44, left: 40 };
const deadlineHours = 48;

/** How long decisions took, in 4-hour bins, with the 48-hour deadline drawn and named. */
export function DecisionHistogram({ insights }: { insights: ProgramInsights }) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const bins = insights.decision.histogram;
  const innerWidth = Math.max(width - margin.left - margin.right, 40);
  const innerHeight = height - margin.top - margin.bottom;
  const x = scaleLinear({ domain: [0, deadlineHours], range: [0, innerWidth] });
  const y = scaleLinear({
    domain: [0, Math.max(1, ...bins.map((b) => b.count))],
    range: [innerHeight, 0],
    nice: true,
  });
  const deadline = x(deadlineHours);
  return (
    <div ref={ref}>
      <svg width={width} height={height} aria-hidden="true" focusable="false" className={styles.chart}>
        <Group left={margin.left} top={margin.top}>
          {bins.map((b) => (
            <rect
              key={b.from_hours}
              x={x(b.from_hours) + 1}
              y={y(b.count)}
              width={Math.max(0, x(b.to_hours) - x(b.from_hours) - 2)}
              height={innerHeight - y(b.count)}
              fill={seriesColour(0)}
            />
          ))}
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
}
