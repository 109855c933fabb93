/**
 * Setup of the `components` test project (jsdom): jest-dom matchers, the app's settings, and the
 * Supabase API mocked at the network edge by msw; any request without a handler fails the test.
 */
import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, vi } from 'vitest';
import { testEnv } from '../msw/env';
import { server } from '../msw/server';

for (const [name, value] of Object.entries(testEnv)) vi.stubEnv(name, value);

// pages are lazily loaded chunks, and the app fetches the code of its pages ahead once idle: the
// first page a test file opens waits for the transform of several modules, longer than the default 1 s
configure({ asyncUtilTimeout: 5000 });

// jsdom has <dialog> but not its methods: showModal/close as the browser does them, and Escape
// firing `cancel` (then closing unless a listener prevents it).
if (!HTMLDialogElement.prototype.showModal) {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement, returnValue?: string) {
    if (!this.open) return;
    this.open = false;
    if (returnValue !== undefined) this.returnValue = returnValue;
    this.dispatchEvent(new Event('close'));
  };
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    const dialog = [...document.querySelectorAll('dialog')].findLast((d) => d.open);
    if (dialog && dialog.dispatchEvent(new Event('cancel', { cancelable: true }))) dialog.close();
  });
}

// msw's 'error' only rejects the request, and a page that shows nothing for a failed read still
// passes: every request without a handler is also collected and fails the test that made it
const unhandledRequests: string[] = [];
beforeAll(() =>
  server.listen({
    onUnhandledRequest(request, print) {
      unhandledRequests.push(`${request.method} ${request.url}`);
      print.error();
    },
  }),
);

// the one reset: the handlers tests added, and what the browser kept (supabase-js keeps the session
// in localStorage; the invitation flag lives in sessionStorage)
afterEach(() => {
  cleanup();
  const unhandled = unhandledRequests.splice(0);
  if (unhandled.length > 0) {
    throw new Error(`Requests without an msw handler (serve them in the test):\n${unhandled.join('\n')}`);
  }
  server.resetHandlers();
  server.events.removeAllListeners();
  localStorage.clear();
  sessionStorage.clear();
});

afterAll(() => server.close());
