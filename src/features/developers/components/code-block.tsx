import styles from './developers.module.css';

/** Code in a box that scrolls sideways on a narrow screen (focusable, so a keyboard can scroll it). */
export function CodeBlock({ label, code }: { label: string; code: string }) {
  return (
    <pre className={styles.code} tabIndex={0} aria-label={label}>
      <code>{code}</code>
    </pre>
  );
}
