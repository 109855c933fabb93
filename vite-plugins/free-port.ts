/**
 * A port nobody listens on right now, for the tests that start Vite servers: Vite reads port 0
 * as "the default" (5173, strict in this project's config), which `npm start`'s app may hold.
 */
import net from 'node:net';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
