import { setupServer } from 'msw/node';
import { authHandlers } from './auth-handlers';
import { restHandlers } from './rest-handlers';

/** The Supabase API as component tests see it; tests add or override handlers with `server.use`. */
export const server = setupServer(...authHandlers, ...restHandlers);
