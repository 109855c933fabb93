import styles from './insights.module.css';

export interface LabelledBar {
  label: string;
  value: number;
  /** the value as it reads beside the bar ("4 · 33.3%") */
  text: string;
}

/**
 * Horizontal bars of one colour, each with its name and figure written beside it (so nothing is
 * told by colour or length alone): outcome shares, and hours offered against requested.
 */
export function BarListChart({ bars, max }: { bars: LabelledBar[]; max?: number }) {
  const highest = max ?? Math.max(1, ...bars.map((b) => b.value));
  return (
    <ul className={styles.barList} aria-hidden="true">
      {bars.map((bar) => (
        <li key={bar.label}>
          <span className={styles.barLabel}>{bar.label}</span>
          <span className={styles.barTrack}>
            <span
              className={styles.barFill}
              style={{
                width: `${(bar.value / highest) * 100}%`,
              }}
            />
          </span>
          <span className={styles.barValue}>{bar.text}</span>
        </li>
      ))}
    </ul>
  );
}
