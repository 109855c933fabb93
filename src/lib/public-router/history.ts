/**
 * Where the public pages' router keeps the address: the browser's history, or (tests) a list in
 * memory. An entry carries the state a page hands to the next one (never put in the address).
 */
export interface RouterLocation {
  pathname: string;
  search: string;
  hash: string;
  /** What the navigation that made this entry handed over (e.g. the sent step's summary). */
  state: unknown;
  key: string;
}

export interface RouterHistory {
  readonly location: RouterLocation;
  push(to: string, state?: unknown): void;
  replace(to: string, state?: unknown): void;
  /** Called after every change, the browser's Back and Forward included. */
  listen(listener: () => void): () => void;
}

const newKey = () => Math.random().toString(36).slice(2, 10);

function parse(to: string, state: unknown, key: string): RouterLocation {
  const url = new URL(to, 'http://local');
  return { pathname: url.pathname, search: url.search, hash: url.hash, state, key };
}

/** The state this router writes into a history entry (the same shape React Router writes). */
interface EntryState {
  usr?: unknown;
  key?: string;
}

export function createBrowserHistory(): RouterHistory {
  const listeners = new Set<() => void>();
  const read = (): RouterLocation => {
    const entry = (window.history.state ?? {}) as EntryState;
    const { pathname, search, hash } = window.location;
    return { pathname, search, hash, state: entry.usr ?? null, key: entry.key ?? 'default' };
  };
  let location = read();
  const notify = () => {
    location = read();
    for (const listener of listeners) listener();
  };
  window.addEventListener('popstate', notify);
  const write = (method: 'pushState' | 'replaceState', to: string, state: unknown) => {
    window.history[method]({ usr: state, key: newKey() } satisfies EntryState, '', to);
    notify();
  };
  return {
    get location() {
      return location;
    },
    push: (to, state = null) => write('pushState', to, state),
    replace: (to, state = null) => write('replaceState', to, state),
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** A history in memory, starting at `initial` (the tests' browser). */
export function createMemoryHistory(initial: string): RouterHistory {
  const listeners = new Set<() => void>();
  const entries = [parse(initial, null, 'default')];
  let index = 0;
  let current = entries[0] as RouterLocation;
  const notify = () => {
    for (const listener of listeners) listener();
  };
  return {
    get location() {
      return current;
    },
    push(to, state = null) {
      current = parse(to, state, newKey());
      entries.splice(index + 1, Infinity, current);
      index += 1;
      notify();
    },
    replace(to, state = null) {
      current = parse(to, state, newKey());
      entries[index] = current;
      notify();
    },
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
