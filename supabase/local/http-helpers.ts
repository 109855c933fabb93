/** Serving a Hono app from the local stack's Node processes (auth service, gateway, dev inbox). */
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';

export interface ServedApp {
  /** The port actually listened on (useful with `port: 0`). */
  port: number;
  close(): Promise<void>;
}

/** Listens on loopback by default; rejects with EADDRINUSE when the port is taken. */
export async function serveApp(
  app: { fetch: (request: Request, env: never) => Response | Promise<Response> },
  port: number,
  host = '127.0.0.1',
): Promise<ServedApp> {
  // the process's own fetch, Request and Response stay Node's (the stack runs inside test processes)
  const server = createAdaptorServer({
    fetch: app.fetch as never,
    overrideGlobalObjects: false,
  }) as http.Server;
  // keep-alive sockets would otherwise hold `close()` open
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return { port: (server.address() as AddressInfo).port, close: () => closeServer(server) };
}

export function closeServer(server: http.Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
