import type { ReactNode } from 'react';
import styles from './status-badge.module.css';

/** success: done or active; info: in progress; warning: needs attention soon; neutral: inactive; danger: urgent or failed. */
export type BadgeTone = 'success' | 'info' | 'warning' | 'neutral' | 'danger';

/** A short status in a pill ("Completed", "Active", "Urgent"). The text says it; the colour only repeats it. */
export function StatusBadge({ tone, children }: { tone: BadgeTone; children: ReactNode }) {
  return <span className={`${styles.badge} ${styles[tone]}`}>{children}</span>;
}
