// The registry of resource route modules. Adding a resource = one file in this folder + one line here.
import { authRoutes } from '../auth/routes.js';
import type { RouteModule } from '../http/types.js';
import { storesRoutes } from './stores.js';
import { usersRoutes } from './users.js';

export const ROUTE_MODULES: readonly RouteModule[] = [
  authRoutes,
  usersRoutes,
  storesRoutes,
  // one line per resource, e.g. productsRoutes,
];
