/**
 * How the chart's series look: colours from the Okabe–Ito palette (told apart with the common
 * colour-vision deficiencies, each at least 3:1 against white) and, from the second series on, a
 * white pattern over the colour, so a series is never told by colour alone. The legend draws the
 * same swatch beside each name.
 */
const colours = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#56b4e9', '#e69f00', '#000000'];
const patterns = ['', 'stripes', 'dots', 'crosshatch'] as const;

/** Axis labels: 12 px, the muted text colour (4.5:1 on white). */
export const axisText = { fontSize: 12, fill: '#4f5b6b' };

export const seriesColour = (index: number) => colours[index % colours.length] ?? '#000000';
const seriesPattern = (index: number) => patterns[index % patterns.length] ?? '';

/** The pattern definitions one chart's series use (ids scoped by `idPrefix`). */
export function SeriesPatterns({ idPrefix }: { idPrefix: string }) {
  return (
    <defs>
      <pattern
        id={`${idPrefix}-stripes`}
        width="6"
        height="6"
        patternUnits="userSpaceOnUse"
        patternTransform="rotate(45)"
      >
        <rect width="2" height="6" fill="#ffffff" fillOpacity="0.75" />
      </pattern>
      <pattern id={`${idPrefix}-dots`} width="6" height="6" patternUnits="userSpaceOnUse">
        <circle cx="3" cy="3" r="1.3" fill="#ffffff" fillOpacity="0.85" />
      </pattern>
      <pattern id={`${idPrefix}-crosshatch`} width="6" height="6" patternUnits="userSpaceOnUse">
        <path d="M0 3H6M3 0V6" stroke="#ffffff" strokeOpacity="0.75" strokeWidth="1.2" />
      </pattern>
    </defs>
  );
}

/** A series' rectangle: its colour, with its pattern on top. */
export function SeriesRect({
  idPrefix,
  index,
  x,
  y,
  width,
  height,
}: {
  idPrefix: string;
  index: number;
  x: number;
  y: number;
  width: number;
  height: number;
}) {
  const pattern = seriesPattern(index);
  return (
    <g>
      <rect
        x={x}
        y={y}
        width={width}
        height={height}
        fill={seriesColour(index)}
        stroke="#ffffff"
        strokeWidth={1}
      />
      {pattern ? (
        <rect x={x} y={y} width={width} height={height} fill={`url(#${idPrefix}-${pattern})`} />
      ) : null}
    </g>
  );
}

/** A legend entry's swatch: the series' look, 14 px square. */
export function SeriesSwatch({ idPrefix, index }: { idPrefix: string; index: number }) {
  return (
    <svg width="14" height="14" aria-hidden="true" focusable="false">
      <SeriesPatterns idPrefix={`${idPrefix}-swatch-${index}`} />
      <SeriesRect idPrefix={`${idPrefix}-swatch-${index}`} index={index} x={0} y={0} width={14} height={14} />
    </svg>
  );
}
