/** The endpoints, as the gateway forwards them (it strips the /auth/v1 prefix). */
import type { Handler } from './context.ts';
import { createUser, deleteUserById, getUserById, updateUserById } from './handlers/admin-users.ts';
import { invite } from './handlers/invite.ts';
import { logout } from './handlers/logout.ts';
import { health, settings } from './handlers/meta.ts';
import { token } from './handlers/token.ts';
import { getUser, updateUser } from './handlers/user.ts';
import { verify } from './handlers/verify.ts';

interface Route {
  /** An exact path, or a pattern whose groups become the request's params. */
  path: string | RegExp;
  methods: Partial<Record<string, Handler>>;
}

const routes: Route[] = [
  { path: '/health', methods: { GET: health } },
  { path: '/settings', methods: { GET: settings } },
  { path: '/token', methods: { POST: token } },
  { path: '/user', methods: { GET: getUser, PUT: updateUser } },
  { path: '/logout', methods: { POST: logout } },
  { path: '/verify', methods: { GET: verify } },
  { path: '/invite', methods: { POST: invite } },
  { path: '/admin/users', methods: { POST: createUser } },
  {
    path: /^\/admin\/users\/([^/]+)$/,
    methods: { GET: getUserById, PUT: updateUserById, DELETE: deleteUserById },
  },
];

export type RouteMatch =
  | { kind: 'handler'; handler: Handler; params: string[] }
  | { kind: 'method_not_allowed'; allow: string[] }
  | { kind: 'not_found' };

export function matchRoute(method: string, path: string): RouteMatch {
  for (const route of routes) {
    let params: string[];
    if (typeof route.path === 'string') {
      if (route.path !== path) continue;
      params = [];
    } else {
      const m = route.path.exec(path);
      if (!m) continue;
      params = m.slice(1).map((p) => safeDecode(p ?? ''));
    }
    const handler = route.methods[method];
    if (handler) return { kind: 'handler', handler, params };
    return { kind: 'method_not_allowed', allow: Object.keys(route.methods) };
  }
  return { kind: 'not_found' };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // malformed escapes: left as is, and the handler refuses the value
  }
}
