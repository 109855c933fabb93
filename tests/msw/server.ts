import { setupServer } from 'msw/node';
import { appFrameHandlers } from './app-frame-handlers';
import { authHandlers } from './auth-handlers';

/**
 * The Supabase API as component tests see it: sign-in and what every signed-in page asks for.
 * Each test serves the rest of what its screen reads with `server.use`; any other request fails it.
 */
export const server = setupServer(...authHandlers, ...appFrameHandlers);
