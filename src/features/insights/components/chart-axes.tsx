import { axisText } from './series-style';

/**
 * The charts' axes as plain lines and text. A charting library's axis measured each tick label in
 * a hidden SVG to wrap it, which made the browser lay the page out again per label while the tab
 * was first drawn; these labels are short and never wrap, so nothing is measured.
 */
const axisColour = '#4f5b6b';
const tickLength = 6;

/** A vertical axis at x = 0: `ticks` values placed by `position`, labels to the left. */
export function LeftAxis({
  ticks,
  position,
  height,
}: {
  ticks: number[];
  position: (value: number) => number;
  height: number;
}) {
  return (
    <g>
      <line x1={0} x2={0} y1={0} y2={height} stroke={axisColour} />
      {ticks.map((value) => {
        const y = position(value);
        return (
          <g key={value}>
            <line x1={-tickLength} x2={0} y1={y} y2={y} stroke={axisColour} />
            <text x={-tickLength - 3} y={y} dy={4} textAnchor="end" {...axisText}>
              {value}
            </text>
          </g>
        );
      })}
    </g>
  );
}

/** A horizontal axis at y = `top`: tick labels centred under `position`, and the axis's name below. */
export function BottomAxis({
  ticks,
  position,
  top,
  width,
  label,
}: {
  ticks: { key: string | number; text: string }[];
  position: (key: string | number) => number;
  top: number;
  width: number;
  label: string;
}) {
  return (
    <g transform={`translate(0, ${top})`}>
      <line x1={0} x2={width} y1={0} y2={0} stroke={axisColour} />
      {ticks.map(({ key, text }) => {
        const x = position(key);
        return (
          <g key={key}>
            <line x1={x} x2={x} y1={0} y2={tickLength} stroke={axisColour} />
            <text x={x} y={tickLength + 12} textAnchor="middle" {...axisText}>
              {text}
            </text>
          </g>
        );
      })}
      <text x={width / 2} y={tickLength + 32} textAnchor="middle" {...axisText}>
        {label}
      </text>
    </g>
  );
}
