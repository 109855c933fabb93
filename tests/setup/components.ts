/**
 * Setup of the `components` test project (jsdom): jest-dom matchers, the app's settings, and the
 * Supabase API mocked at the network edge by msw; any request without a handler fails the test.
 */
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, vi } from 'vitest';
import { resetAuthLog } from '../msw/auth-handlers';
import { resetData } from '../msw/data';
import { testEnv } from '../msw/env';
import { server } from '../msw/server';

for (const [name, value] of Object.entries(testEnv)) vi.stubEnv(name, value);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));

afterEach(() => {
  cleanup();
  server.resetHandlers();
  server.events.removeAllListeners();
  resetData();
  resetAuthLog();
  // supabase-js keeps the session in localStorage; the invitation flag lives in sessionStorage
  localStorage.clear();
  sessionStorage.clear();
});

afterAll(() => server.close());
