import type { ReactNode } from 'react';
import styles from './client-portal.module.css';

/**
 * The frame of the public request page: no sign-in and none of the dashboard's navigation,
 * just a banner, one main landmark and a footer.
 */
export function PortalShell({ children }: { children: ReactNode }) {
  return (
    <div className={styles.portalShell}>
      <a href="#main" className="skip-link">
        Skip to main content
      </a>
      <header className={styles.portalHeader}>
        <p className={styles.portalHeaderTitle}>Online appointment requests</p>
      </header>
      <main id="main" tabIndex={-1} className={styles.portalMain}>
        {children}
      </main>
      <footer className={styles.portalFooter}>
        <p>
          A request is not yet an appointment: the clinic confirms or declines it within 48 hours. In a
          crisis, call or text 988 (Suicide &amp; Crisis Lifeline) or 911.
        </p>
      </footer>
    </div>
  );
}
