/**
 * The anchor pages: `#table` (5,000 rows in a plain @tanstack/react-table table, no
 * virtualization) and `#week` (react-big-calendar's own week view), and `#our-week` (the app's
 * week view, mounted as the library's is). Each waits for a click on
 * Show, so that the harness times the render from the click, as it times the app's pages.
 */
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { PlainTable } from './plain-table.tsx';
import { LibraryWeek } from './library-week.tsx';
import { OurWeek } from './our-week.tsx';

function Anchor() {
  const [shown, setShown] = useState(false);
  const page = window.location.hash.slice(1);
  return (
    <main>
      <button type="button" onClick={() => setShown(true)}>
        Show
      </button>
      {shown && (page === 'week' ? <LibraryWeek /> : page === 'our-week' ? <OurWeek /> : <PlainTable />)}
    </main>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('The anchor page has no #root');
createRoot(root).render(
  <StrictMode>
    <Anchor />
  </StrictMode>,
);
