/** A row's requests per week as a small line; its figures are read out as text beside it. */
export function Sparkline({ values, label }: { values: number[]; label: string }) {
  const width = 96;
  const height = 24;
  const highest = Math.max(1, ...values);
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  const points = values.map(
    (v, i) => `${(i * step).toFixed(1)},${(height - 2 - (v / highest) * (height - 4)).toFixed(1)}`,
  );
  return (
    <>
      <svg width={width} height={height} aria-hidden="true" focusable="false">
        <polyline points={points.join(' ')} fill="none" stroke="#1f5fae" strokeWidth={1.5} />
      </svg>
      <span className="visually-hidden">
        {label}: {values.join(', ')}
      </span>
    </>
  );
}
