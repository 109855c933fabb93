/** Where links and /verify may send the browser (GoTrue's GetReferrer / IsRedirectURLValid). */

/**
 * A redirect is allowed when its host is the site's host (GoTrue's rule without an allow list);
 * anything else, including `javascript:` URLs, falls back to the site URL. The parsed form is
 * returned, so control characters never reach a Location header.
 */
export function allowedRedirect(siteUrl: string, candidate: string | null | undefined): string {
  if (!candidate) return siteUrl;
  try {
    const target = new URL(candidate);
    const site = new URL(siteUrl);
    if ((target.protocol === 'http:' || target.protocol === 'https:') && target.hostname === site.hostname) {
      return target.href;
    }
  } catch {
    // not a URL: use the site URL
  }
  return siteUrl;
}

/** GoTrue encodes fragments with Go's url.Values.Encode: keys sorted, form-encoded. */
export function encodeSorted(values: Record<string, string>): string {
  return new URLSearchParams(
    Object.entries(values).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  ).toString();
}

/** The URL with its fragment replaced. */
export function withFragment(url: string, fragment: string): string {
  const hash = url.indexOf('#');
  return `${hash === -1 ? url : url.slice(0, hash)}#${fragment}`;
}
