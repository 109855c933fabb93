/**
 * The public pages' own entry (client-portal.html, src/public/main.tsx): the dev server and
 * `vite preview` answer the public addresses with its page and every other address with the staff
 * app's, as the build's `_redirects` (written here) tells a static host to.
 */
import type { Connect, Plugin } from 'vite';
import { isPublicPath, publicEntryHtml, redirectsFile } from '../src/public/public-paths.ts';

/** Rewrites a public address to the public entry's page (the address bar keeps the address). */
export const servePublicEntry: Connect.NextHandleFunction = (req, _res, next) => {
  if (req.method === 'GET' || req.method === 'HEAD') {
    const url = new URL(req.url ?? '/', 'http://local');
    if (isPublicPath(url.pathname)) req.url = `/${publicEntryHtml}${url.search}`;
  }
  next();
};

/**
 * React and the small shared modules the public page's first view imports, in one chunk (the
 * staff app's entry loads it too): one file compresses better than six, and a phone fetches one.
 */
const firstViewModules = [
  // Vite's helper that loads a lazy page's chunks together (the entry's later steps need it)
  /vite\/preload-helper/,
  /\/node_modules\/(react|react-dom|scheduler)\//,
  /\/src\/lib\/(errors|datetime-format|appointment-time|profile-vocabulary)\.ts$/,
  /\/src\/config\/env\.ts$/,
  /\/src\/components\/ui\/(button|status|field-base)\.tsx$/,
];

/** TanStack Query in one chunk: the public pages' later steps fetch one file for it, not seven. */
const queryLibrary = /\/node_modules\/@tanstack\/(react-query|query-core)\//;

export function publicFirstViewChunk(id: string): string | undefined {
  if (firstViewModules.some((pattern) => pattern.test(id))) return 'first-view';
  return queryLibrary.test(id) ? 'query' : undefined;
}

/**
 * What a lazy chunk's loader preloads, less what both pages load at start (the first-view chunk
 * and its styles, the global stylesheet): listing those again changes nothing in the browser and
 * costs bytes in every entry's list of lazy chunks.
 */
export const withoutLoadedAtStart = (
  _file: string,
  deps: string[],
  { hostType }: { hostType: 'html' | 'js' },
) =>
  hostType === 'html' ? deps : deps.filter((dep) => !/(^|\/)(first-view|styles)-[\w-]+\.(js|css)$/.test(dep));

export function publicEntryPlugin(): Plugin {
  return {
    name: 'crp:public-entry',
    configureServer(server) {
      server.middlewares.use(servePublicEntry);
    },
    configurePreviewServer(server) {
      server.middlewares.use(servePublicEntry);
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: '_redirects', source: redirectsFile() });
    },
  };
}
