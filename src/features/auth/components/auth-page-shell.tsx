import type { ReactNode } from 'react';

/** The frame of the pages a person sees before the app: app name, one card, one main landmark. */
export function AuthPageShell({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div>
      <header className="auth-shell-header">
        <p className="app-name">Client Referral Program</p>
      </header>
      <main id="main" tabIndex={-1} className="centered-page">
        <div className="card auth-card">
          <h1>{title}</h1>
          {children}
        </div>
      </main>
    </div>
  );
}
