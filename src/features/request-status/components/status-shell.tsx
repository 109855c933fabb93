import type { ReactNode } from 'react';
import styles from './request-status.module.css';

/** The frame of the client's status page: no sign-in, no dashboard navigation; a banner, one main and a footer. */
export function StatusShell({ children }: { children: ReactNode }) {
  return (
    <div className={styles.shell}>
      <a href="#main" className="skip-link">
        Skip to main content
      </a>
      <header className={styles.header}>
        <p className={styles.headerTitle}>Your appointment request</p>
      </header>
      <main id="main" tabIndex={-1} className={styles.main}>
        <div className={styles.page}>{children}</div>
      </main>
      <footer className={styles.footer}>
        <p>In a crisis, call or text 988 (Suicide &amp; Crisis Lifeline) or 911.</p>
      </footer>
    </div>
  );
}
