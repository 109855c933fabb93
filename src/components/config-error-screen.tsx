import type { EnvError } from '@/config/env';

/** Shown instead of the app when its settings are missing or wrong, so nobody stares at a blank page. */
export function ConfigErrorScreen({ error }: { error: EnvError }) {
  return (
    <main className="centered-page">
      <div className="card" role="alert">
        <h1>The app is not configured</h1>
        <ul>
          {error.problems.map(({ variable, problem }) => (
            <li key={variable}>
              <code>{variable}</code> {problem}.
            </li>
          ))}
        </ul>
        <p>
          <code>npm start</code> sets both variables for the local stack. For a hosted Supabase project, put
          them in <code>.env.local</code> (values from the dashboard: Project Settings › API) and restart
          Vite.
        </p>
      </div>
    </main>
  );
}
