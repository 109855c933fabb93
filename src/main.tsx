import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ConfigErrorScreen } from '@/components/config-error-screen';
import { EnvError, loadEnv } from '@/config/env';
import { errorMessage } from '@/lib/errors';
import { dropFirstView } from '@/lib/first-view';
import './app/styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element.');
const root = createRoot(container);

function start() {
  try {
    loadEnv();
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(error.message);
    dropFirstView();
    root.render(<ConfigErrorScreen error={error} />);
    return;
  }
  // The app (and the Supabase client it creates) loads only once the settings are known to be good.
  import('@/app/app')
    .then(({ App }) =>
      root.render(
        <StrictMode>
          <App />
        </StrictMode>,
      ),
    )
    .catch((error: unknown) => {
      console.error(error);
      dropFirstView();
      root.render(
        <main className="centered-page">
          <div className="card" role="alert">
            <h1>The app could not start</h1>
            <p>{errorMessage(error)}</p>
            <p>Check your connection and reload the page.</p>
          </div>
        </main>,
      );
    });
}

start();
