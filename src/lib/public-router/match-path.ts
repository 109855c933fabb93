/**
 * Matching an address against a route pattern such as `/request/:clinicSlug/sent`: `:name` takes
 * one non-empty segment (decoded), every other segment must be equal; a trailing slash is allowed.
 */
export type Params = Readonly<Record<string, string | undefined>>;

export function matchPath(pattern: string, pathname: string): Params | null {
  const wanted = pattern.split('/').filter(Boolean);
  const given = pathname.replace(/\/+$/, '').split('/').filter(Boolean);
  if (wanted.length !== given.length) return null;
  const params: Record<string, string> = {};
  for (const [index, segment] of wanted.entries()) {
    const value = given[index] ?? '';
    if (segment.startsWith(':')) {
      try {
        params[segment.slice(1)] = decodeURIComponent(value);
      } catch {
        return null;
      }
    } else if (segment !== value) {
      return null;
    }
  }
  return params;
}
