/**
 * The public pages' addresses: a clinic's request page (its four steps and the email link's
 * verification page) and the client's status page. They are served by their own small entry
 * (`client-portal.html`, `src/public/main.tsx`); every other address is the staff app's
 * (`index.html`). The dev server, `vite preview`, the build's `_redirects` and the bench's static
 * server all route by this list; the public router matches it in this order.
 */
export const publicPaths = {
  therapists: '/request/:clinicSlug',
  times: '/request/:clinicSlug/therapists/:therapistId',
  details: '/request/:clinicSlug/therapists/:therapistId/request',
  sent: '/request/:clinicSlug/sent',
  verify: '/request/:clinicSlug/verify',
  status: '/request/status/:token',
} as const;

/** The public entry's page in the build, and the address a host serves it at (hosts drop `.html`). */
export const publicEntryHtml = 'client-portal.html';
export const publicEntryAddress = '/client-portal';

/**
 * The sign-in page's HTML in the build (the staff app's page with the sign-in page's first view
 * in it, see src/lib/first-view.ts) and the address a host serves it at.
 */
export const signInEntryHtml = 'sign-in-page.html';
export const signInEntryAddress = '/sign-in-page';

/** Whether `pathname` is one of the public pages (`:name` is one non-empty segment; a trailing slash is allowed). */
export function isPublicPath(pathname: string): boolean {
  const given = pathname.replace(/\/+$/, '').split('/').slice(1);
  return Object.values(publicPaths).some((pattern) => {
    const wanted = pattern.split('/').slice(1);
    return (
      wanted.length === given.length &&
      wanted.every((segment, i) => (segment.startsWith(':') ? given[i] !== '' : segment === given[i]))
    );
  });
}

/**
 * The host's rewrite rules (Netlify and Cloudflare Pages `_redirects`): each public address is
 * answered with the public entry's page, the address kept (200). Other addresses fall to the
 * host's single-page fallback, index.html.
 */
export function redirectsFile(): string {
  const lines = Object.values(publicPaths).map((pattern) => `${pattern}  ${publicEntryAddress}  200`);
  return [
    '# the public request pages have an entry of their own (see src/public/public-paths.ts)',
    ...lines,
    '# the sign-in page is the staff app with the page already drawn in (see src/lib/first-view.ts)',
    `/sign-in  ${signInEntryAddress}  200`,
    '',
  ].join('\n');
}
