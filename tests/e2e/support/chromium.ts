/**
 * Browser tests drive the system's Chromium (Debian's `chromium` package); Playwright never
 * downloads a browser here. A missing browser fails loudly with the one line that fixes it.
 */
import { existsSync } from 'node:fs';

const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];

export function chromiumPath(): string {
  const found = candidates.find((p): p is string => !!p && existsSync(p));
  if (!found) {
    throw new Error(
      'Chromium not found. Install it with: sudo apt-get install -y chromium (or set CHROMIUM_PATH to a Chromium binary)',
    );
  }
  return found;
}
