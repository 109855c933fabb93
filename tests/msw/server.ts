import { setupServer } from 'msw/node';
import { authHandlers } from './auth-handlers';
import { clientPortalHandlers } from './client-portal-handlers';
import { publicProfileHandlers } from './public-profile-handlers';
import { referralProgramHandlers } from './referral-program-handlers';
import { restHandlers } from './rest-handlers';
import { scheduleHandlers } from './schedule-handlers';
import { undeliveredEmailHandlers } from './undelivered-email-handlers';

/** The Supabase API as component tests see it; tests add or override handlers with `server.use`. */
export const server = setupServer(
  ...authHandlers,
  // before restHandlers: it answers the Add Staff candidates query on staff_members and lets the others through
  ...referralProgramHandlers,
  ...restHandlers,
  ...publicProfileHandlers,
  ...clientPortalHandlers,
  ...scheduleHandlers,
  ...undeliveredEmailHandlers,
);
