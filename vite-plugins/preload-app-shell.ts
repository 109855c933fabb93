/**
 * The entry (main.tsx) imports the app shell (`src/app/app.tsx`: router, providers, Supabase
 * client) dynamically, once the settings are known to be good. Left alone, a browser learns of
 * that chunk only after the entry has downloaded and run: one more round trip before any page can
 * draw, which on a phone (150 ms RTT, 1.6 Mbps) is most of the Largest Contentful Paint budget.
 * This plugin adds `<link rel="modulepreload">` for the shell and the chunks it imports to the
 * built index.html, so they download beside the entry; nothing runs before main.tsx imports it.
 */
import type { HtmlTagDescriptor, Plugin } from 'vite';

/** The chunks of a bundle, as far as this plugin reads them. */
export type ChunkInfo = { type: 'chunk'; fileName: string; moduleIds: string[]; imports: string[] };
type BundleItem = ChunkInfo | { type: 'asset'; fileName: string };

/**
 * The chunk holding the shell's module and every chunk it imports statically (transitively),
 * shell first. (By module, not by facade: Rollup may put the shell in a chunk it shares with
 * modules the pages import, and then the chunk has no facade.)
 */
export function shellChunkFiles(
  bundle: Record<string, BundleItem>,
  shellModuleSuffix = '/src/app/app.tsx',
): string[] {
  const chunks = Object.values(bundle).filter((c): c is ChunkInfo => c.type === 'chunk');
  const shell = chunks.find((c) => c.moduleIds.some((id) => id.endsWith(shellModuleSuffix)));
  if (!shell) return [];
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  const files: string[] = [];
  const walk = (chunk: ChunkInfo) => {
    if (files.includes(chunk.fileName)) return;
    files.push(chunk.fileName);
    for (const file of chunk.imports) {
      const imported = byFile.get(file);
      if (imported) walk(imported);
    }
  };
  walk(shell);
  return files;
}

export function preloadAppShellPlugin(): Plugin {
  let base = '/';
  return {
    name: 'crp:preload-app-shell',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        // the staff app's page only: the public pages' entry (client-portal.html) has no shell
        if (!ctx.bundle || !ctx.path.endsWith('/index.html')) return html;
        // the entry's own imports are already preloaded by Vite: only the shell's others
        const entryImports = new Set(
          Object.values(ctx.bundle).flatMap((c) =>
            c.type === 'chunk' && c.isEntry ? [c.fileName, ...c.imports] : [],
          ),
        );
        const tags: HtmlTagDescriptor[] = shellChunkFiles(ctx.bundle as Record<string, BundleItem>)
          .filter((file) => !entryImports.has(file))
          .map((file) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `${base}${file}` },
            injectTo: 'head',
          }));
        return { html, tags };
      },
    },
  };
}
