/**
 * A router for the public pages, in a few hundred bytes: they are a handful of addresses, and the
 * phone of a prospective client should not download a full router (React Router is about as big
 * as the pages themselves). Its hooks and components have React Router's names and meaning
 * (`useParams`, `useSearchParams`, `useLocation`, `useNavigate`, `Link`, `Navigate`), so a page
 * reads the same either way. Navigations are transitions, as in React Router: the page shown
 * stays until the next one's code has loaded.
 */
import {
  createContext,
  startTransition,
  use,
  useCallback,
  useEffect,
  useMemo,
  useState,
  type ComponentProps,
  type ComponentType,
} from 'react';
import type { RouterHistory, RouterLocation } from './history';
import { matchPath, type Params } from './match-path';

export interface NavigateOptions {
  replace?: boolean;
  /** Handed to the next page in its history entry (`useLocation().state`), never put in the address. */
  state?: unknown;
}
export type NavigateFunction = (to: string, options?: NavigateOptions) => void;

export interface PublicRoute {
  path: string;
  Component: ComponentType;
}

interface RouterContextValue {
  location: RouterLocation;
  navigate: NavigateFunction;
  params: Params;
}

// every public page is rendered by the Router below, which provides the value
const RouterContext = createContext<RouterContextValue>(null as never);

const useRouter = (): RouterContextValue => use(RouterContext);

/** The first route whose pattern matches the path (listed order decides, as in the route table). */
export function matchRoute(routes: readonly PublicRoute[], pathname: string) {
  for (const route of routes) {
    const params = matchPath(route.path, pathname);
    if (params) return { route, params };
  }
  return null;
}

interface RouterProps {
  history: RouterHistory;
  routes: readonly PublicRoute[];
  /** What an address no route matches shows. */
  notFound: ComponentType;
}

/** Renders the route the address matches, and follows every change of the address. */
export function Router({ history, routes, notFound: NotFound }: RouterProps) {
  const [location, setLocation] = useState(history.location);
  useEffect(() => {
    const follow = () => startTransition(() => setLocation(history.location));
    follow();
    return history.listen(follow);
  }, [history]);

  const navigate = useCallback<NavigateFunction>(
    (to, { replace = false, state = null } = {}) => {
      const { pathname, search, hash } = history.location;
      // an address the public pages do not have belongs to the staff app: load it
      if (!matchRoute(routes, new URL(to, 'http://local').pathname)) {
        window.location.assign(to);
        return;
      }
      // as React Router does: a link to the address already shown does not add a history entry
      if (replace || to === `${pathname}${search}${hash}`) history.replace(to, state);
      else history.push(to, state);
    },
    [history, routes],
  );

  const matched = matchRoute(routes, location.pathname);
  const value = useMemo(
    () => ({ location, navigate, params: matched?.params ?? {} }),
    // the params are derived from the location
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [location, navigate],
  );
  const Page = matched?.route.Component ?? NotFound;
  return (
    <RouterContext value={value}>
      <Page />
    </RouterContext>
  );
}

export const useLocation = (): RouterLocation => useRouter().location;
export const useNavigate = (): NavigateFunction => useRouter().navigate;
export const useParams = (): Params => useRouter().params;

/** The address's query string, and a way to change it (a navigation, as React Router's is). */
export function useSearchParams(): [
  URLSearchParams,
  (next: URLSearchParams, options?: NavigateOptions) => void,
] {
  const { location, navigate } = useRouter();
  const { search, pathname } = location;
  const params = useMemo(() => new URLSearchParams(search), [search]);
  const setParams = useCallback(
    (next: URLSearchParams, options?: NavigateOptions) => {
      const query = next.toString();
      navigate(query ? `${pathname}?${query}` : pathname, options);
    },
    [navigate, pathname],
  );
  return [params, setParams];
}

type LinkProps = Omit<ComponentProps<'a'>, 'href'> & { to: string } & NavigateOptions;

/** A link that opens another public page without reloading (a new tab, or a modified click, as the browser does). */
export function Link({ to, replace, state, onClick, ...anchor }: LinkProps) {
  const navigate = useNavigate();
  return (
    <a
      {...anchor}
      href={to}
      onClick={(event) => {
        onClick?.(event);
        const modified = event.metaKey || event.altKey || event.ctrlKey || event.shiftKey;
        const elsewhere = anchor.target !== undefined && anchor.target !== '_self';
        if (event.defaultPrevented || event.button !== 0 || modified || elsewhere) return;
        event.preventDefault();
        navigate(to, { replace, state });
      }}
    />
  );
}

/** Goes to `to` once rendered (a redirect). */
export function Navigate({ to, replace, state }: { to: string } & NavigateOptions) {
  const navigate = useNavigate();
  useEffect(() => navigate(to, { replace, state }), [navigate, to, replace, state]);
  return null;
}
