/**
 * The sign-in page's first view (see src/lib/first-view.ts): at build time the page's component is
 * rendered to HTML (through a Vite server in SSR mode, with the build's own CSS Module names) and
 * written, beside the app's empty root, into `sign-in-page.html`, a copy of the built index.html.
 * The build's `_redirects` answers /sign-in with it; `vite preview` does the same here. A build
 * whose settings are missing has no first view: that app only shows its configuration error.
 */
import path from 'node:path';
import type { Connect, Plugin, ResolvedConfig } from 'vite';
import { createServer } from 'vite';
import react from '@vitejs/plugin-react';
import { appName } from '../src/components/ui/use-page-title.ts';
import { firstViewElementId } from '../src/lib/first-view.ts';
import { signInEntryHtml } from '../src/public/public-paths.ts';

const rootElement = '<div id="root"></div>';
const firstViewModule = '/src/features/auth/components/sign-in-first-view.tsx';

/** The built index.html with the first view in front of the app's root, and the page's own title. */
export function withFirstView(indexHtml: string, markup: string, title: string): string {
  if (!indexHtml.includes(rootElement)) throw new Error(`index.html has no ${rootElement}`);
  return indexHtml
    .replace(rootElement, `<div id="${firstViewElementId}">${markup}</div>${rootElement}`)
    .replace(/<title>[^<]*<\/title>/, `<title>${title}</title>`);
}

/**
 * The page without the app shell's preloads (preload-app-shell.ts): here the first paint needs
 * the stylesheets only, and on a phone's link the shell's ~100 KB would share the bandwidth with
 * them. The entry and its own imports stay; the entry asks for the shell as it runs.
 */
export function withoutShellPreloads(html: string, loadedByEntry: ReadonlySet<string>): string {
  return html.replace(/\s*<link rel="modulepreload" crossorigin href="\/([^"]+)">/g, (tag, file: string) =>
    loadedByEntry.has(file) ? tag : '',
  );
}

/** Renders the first view with the build's settings, or returns null when they are missing. */
async function renderFirstView(config: ResolvedConfig): Promise<string | null> {
  const server = await createServer({
    configFile: false,
    root: config.root,
    mode: config.mode,
    envDir: config.envDir,
    logLevel: 'error',
    // the first view never talks to Supabase (the form only does on submit, in the browser): no
    // client is created at build time (it would open nothing, but needs a WebSocket in Node 20)
    plugins: [
      react(),
      {
        name: 'crp:no-supabase-client',
        enforce: 'pre',
        resolveId: (id) => (/\/src\/lib\/supabase(\.ts)?$/.test(id) ? '\0no-supabase-client' : null),
        load: (id) => (id === '\0no-supabase-client' ? 'export const supabase = null;' : null),
      },
    ],
    resolve: { alias: { '@': path.resolve(config.root, 'src') } },
    css: { modules: config.css.modules },
    server: { middlewareMode: true, hmr: false, ws: false },
    appType: 'custom',
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  try {
    const { renderSignInFirstView } = (await server.ssrLoadModule(firstViewModule)) as {
      renderSignInFirstView: () => string;
    };
    return renderSignInFirstView();
  } catch (error) {
    if (error instanceof Error && error.name === 'EnvError') return null;
    throw error;
  } finally {
    await server.close();
  }
}

const serveSignInEntry: Connect.NextHandleFunction = (req, _res, next) => {
  if (req.method === 'GET' || req.method === 'HEAD') {
    const url = new URL(req.url ?? '/', 'http://local');
    if (url.pathname.replace(/\/+$/, '') === '/sign-in') req.url = `/${signInEntryHtml}${url.search}`;
  }
  next();
};

export function signInFirstViewPlugin(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'crp:sign-in-first-view',
    configResolved(resolved) {
      config = resolved;
    },
    configurePreviewServer(server) {
      server.middlewares.use(serveSignInEntry);
    },
    generateBundle: {
      // after Vite has written index.html into the bundle
      order: 'post',
      async handler(_options, bundle) {
        if (config.command !== 'build' || config.build.ssr) return;
        const index = bundle['index.html'];
        if (index?.type !== 'asset') return;
        const markup = await renderFirstView(config);
        const loadedByEntry = new Set(
          Object.values(bundle).flatMap((c) =>
            c.type === 'chunk' && c.isEntry ? [c.fileName, ...c.imports] : [],
          ),
        );
        const html = withoutShellPreloads(String(index.source), loadedByEntry);
        this.emitFile({
          type: 'asset',
          fileName: signInEntryHtml,
          source: markup === null ? html : withFirstView(html, markup, `Sign in · ${appName}`),
        });
      },
    },
  };
}
