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

/**
 * One series drawn as one path (every bar segment of the series is a sub-path of `d`): its colour
 * with a white edge, and its pattern on top. One or two elements per series instead of one or two
 * per bar keeps the chart's SVG small however many weeks and sources it shows.
 */
export function SeriesPath({ idPrefix, index, d }: { idPrefix: string; index: number; d: string }) {
  const pattern = seriesPattern(index);
  return (
    <>
      <path d={d} fill={seriesColour(index)} stroke="#ffffff" strokeWidth={1} />
      {pattern ? <path d={d} fill={`url(#${idPrefix}-${pattern})`} /> : null}
    </>
  );
}

/** A rectangle as a sub-path: `M x y h w v h h -w Z`. */
export const rectPath = (x: number, y: number, width: number, height: number) =>
  `M${round(x)} ${round(y)}h${round(width)}v${round(height)}h${round(-width)}Z`;

/** Coordinates to a tenth of a pixel: shorter paths, no visible difference. */
const round = (value: number) => Math.round(value * 10) / 10;

/**
 * A legend entry's swatch: the series' look, 14 px square. Its pattern is the chart's own
 * definition (`idPrefix` of the chart drawn beside it), not a copy per swatch.
 */
export function SeriesSwatch({ idPrefix, index }: { idPrefix: string; index: number }) {
  return (
    <svg width="14" height="14" aria-hidden="true" focusable="false">
      <SeriesPath idPrefix={idPrefix} index={index} d={rectPath(0, 0, 14, 14)} />
    </svg>
  );
}
