/**
 * The therapist list's data, kept for the visit: each clinic and set of filters its pages, fetched
 * once and shown again at once on Back, read again when stale (on showing, when the window comes
 * back into view or the network returns), retried after a failure that may pass, and read again
 * when a request changes what is open. The list is the public page's first view, and this is all
 * of a query library it needs (TanStack Query, which the later steps use, weighs more than the page).
 */
import { createContext, use } from 'react';
import { directoryQuery, filtersToSearchParams, type DirectoryFilters } from '../lib/filters';
import type { ClinicDirectoryPage } from '../schemas';
import { portalFetch } from './portal-http';

/** Therapists per page of the directory. */
export const directoryPageSize = 10;

/** One page of the clinic's listed therapists (public profiles, next open times) and the clinic's name. */
export const getClinicDirectory = (clinicSlug: string, filters: DirectoryFilters, cursor: string | null) =>
  portalFetch<ClinicDirectoryPage>(`clinics/${encodeURIComponent(clinicSlug)}`, {
    query: directoryQuery(filters, cursor, directoryPageSize),
  });

type Fetch = 'first' | 'next' | 'refresh';
type Pages = readonly ClinicDirectoryPage[];

export interface DirectoryEntry {
  pages: Pages | null;
  error: unknown;
  /** Which fetch failed last: the first page, a further page, or a refresh of the pages shown. */
  failed: Fetch | null;
  fetching: Fetch | null;
  updatedAt: number;
}

const emptyEntry: DirectoryEntry = { pages: null, error: null, failed: null, fetching: null, updatedAt: 0 };

export interface DirectoryCacheOptions {
  /** How long pages count as fresh (the staff app's query default: 30 s). */
  staleMs?: number;
  /** Retries of a failure that may pass (not a 4xx): twice, after 1 s and 2 s, as the app's queries. */
  retries?: number;
}

export type DirectoryCache = ReturnType<typeof createDirectoryCache>;

export function createDirectoryCache({ staleMs = 30_000, retries = 2 }: DirectoryCacheOptions = {}) {
  const entries = new Map<string, DirectoryEntry>();
  /** The lists on screen, by key, with how many places show them. */
  const shown = new Map<string, { slug: string; filters: DirectoryFilters; count: number }>();
  const listeners = new Set<() => void>();
  /** Per clinic, the pages fetched last: shown while other filters load (the list does not blank). */
  const latest = new Map<string, Pages>();

  const keyOf = (slug: string, filters: DirectoryFilters) => `${slug}?${filtersToSearchParams(filters)}`;
  const entry = (key: string) => entries.get(key) ?? emptyEntry;
  const set = (key: string, value: DirectoryEntry) => {
    entries.set(key, value);
    for (const listener of listeners) listener();
  };
  const fetchPage = getClinicDirectory;

  async function fetchPages(slug: string, filters: DirectoryFilters, kind: Fetch, before: Pages) {
    const last = before.at(-1)?.next_cursor ?? null;
    if (kind === 'next') return [...before, await fetchPage(slug, filters, last)];
    // a refresh reads as many pages as were shown, each from the fresh page before it
    const pages = [await fetchPage(slug, filters, null)];
    for (let cursor = pages[0]?.next_cursor; pages.length < before.length && cursor;) {
      const page = await fetchPage(slug, filters, cursor);
      pages.push(page);
      cursor = page.next_cursor;
    }
    return pages;
  }

  async function load(slug: string, filters: DirectoryFilters, kind: Fetch) {
    const key = keyOf(slug, filters);
    const before = entry(key);
    set(key, { ...before, fetching: kind });
    for (let failures = 0; ; failures += 1) {
      try {
        const pages = await fetchPages(slug, filters, kind, before.pages ?? []);
        latest.set(slug, pages);
        return set(key, { pages, error: null, failed: null, fetching: null, updatedAt: Date.now() });
      } catch (error) {
        const status = (error as { status?: number }).status ?? 0;
        if (failures >= retries || (status >= 400 && status < 500))
          return set(key, { ...entry(key), error, failed: kind, fetching: null });
        await new Promise((resolve) => setTimeout(resolve, 1000 * 2 ** failures));
      }
    }
  }

  /** Try again, or read again: every page shown, from the first. */
  function refresh(slug: string, filters: DirectoryFilters) {
    const { fetching, pages } = entry(keyOf(slug, filters));
    if (!fetching) void load(slug, filters, pages ? 'refresh' : 'first');
  }

  const isStale = (key: string) => Date.now() - entry(key).updatedAt >= staleMs;

  if (typeof window !== 'undefined') {
    const refreshShown = () => {
      if (document.visibilityState !== 'visible') return;
      for (const [key, { slug, filters }] of shown) if (isStale(key)) refresh(slug, filters);
    };
    document.addEventListener('visibilitychange', refreshShown);
    window.addEventListener('online', refreshShown);
  }

  return {
    keyOf,
    entry,
    refresh,
    /** The clinic's last fetched pages, for the list shown while other filters load. */
    latestOf: (slug: string) => latest.get(slug) ?? null,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    /** A list on screen: fetches what is missing or stale now, and again while it is shown. */
    watch(slug: string, filters: DirectoryFilters) {
      const key = keyOf(slug, filters);
      const watcher = shown.get(key) ?? { slug, filters, count: 0 };
      watcher.count += 1;
      shown.set(key, watcher);
      const { pages, fetching, failed } = entry(key);
      // a failure already shown is not fetched again by showing it (the page offers Try again)
      if (!pages && !fetching && !failed) void load(slug, filters, 'first');
      else if (pages && isStale(key)) refresh(slug, filters);
      return () => {
        watcher.count -= 1;
        if (watcher.count === 0) shown.delete(key);
      };
    },
    fetchNextPage(slug: string, filters: DirectoryFilters) {
      const { fetching, pages } = entry(keyOf(slug, filters));
      if (!fetching && pages?.at(-1)?.next_cursor) void load(slug, filters, 'next');
    },
    /** A request was sent, or refused for a time no longer open: every list of the clinic is out of date. */
    invalidate(slug: string) {
      for (const [key, value] of entries) {
        if (!key.startsWith(`${slug}?`)) continue;
        entries.set(key, { ...value, updatedAt: 0 });
        const watcher = shown.get(key);
        if (watcher) refresh(watcher.slug, watcher.filters);
      }
    },
  };
}

// the public app (src/public/public-app.tsx) provides the cache to every page
export const DirectoryCacheContext = createContext<DirectoryCache>(null as never);

export const useDirectoryCache = (): DirectoryCache => use(DirectoryCacheContext);
