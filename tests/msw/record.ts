import { server } from './server';

/** Every request to the REST API at `path` (e.g. `rpc/enroll_staff`), from now on, as sent. */
export function recordRequests(path: string, method?: string): Request[] {
  const seen: Request[] = [];
  server.events.on('request:start', ({ request }) => {
    if (new URL(request.url).pathname !== `/rest/v1/${path}`) return;
    if (method === undefined || request.method === method) seen.push(request.clone());
  });
  return seen;
}
