// The registry of resource route modules. Adding a resource = one file in this folder + one line here.
import { authRoutes } from '../auth/routes.js';
import type { RouteModule } from '../http/types.js';
import { purchaseheadersRoutes } from './purchaseheaders.js';
import { paymentsRoutes } from './payments.js';
import { receiptsRoutes } from './receipts.js';
import { expensesRoutes } from './expenses.js';
import { stockMovementsRoutes } from './stock-movements.js';
import { stockAdjustmentsRoutes } from './stock-adjustments.js';
import { stockAlertsRoutes } from './stock-alerts.js';
import { auditLogsRoutes } from './audit-logs.js';
import { notificationsRoutes } from './notifications.js';
import { salesheadersRoutes } from './salesheaders.js';
import { salesdetailsRoutes } from './salesdetails.js';
import { salesPaymentsRoutes } from './sales-payments.js';
import { cashSessionsRoutes } from './cash-sessions.js';
import { terminalsRoutes } from './terminals.js';
import { clientsRoutes } from './clients.js';
import { suppliersRoutes } from './suppliers.js';
import { categoriesRoutes } from './categories.js';
import { unitsRoutes } from './units.js';
import { productsRoutes } from './products.js';
import { productsStockRoutes } from './products-stock.js';
import { storesRoutes } from './stores.js';
import { syncRoutes } from './sync.js';
import { usersRoutes } from './users.js';

export const ROUTE_MODULES: readonly RouteModule[] = [
  authRoutes,
  usersRoutes,
  storesRoutes,
  purchaseheadersRoutes,
  paymentsRoutes,
  receiptsRoutes,
  expensesRoutes,
  stockMovementsRoutes,
  stockAdjustmentsRoutes,
  stockAlertsRoutes,
  auditLogsRoutes,
  notificationsRoutes,
  salesheadersRoutes,
  salesdetailsRoutes,
  salesPaymentsRoutes,
  cashSessionsRoutes,
  terminalsRoutes,
  clientsRoutes,
  suppliersRoutes,
  categoriesRoutes,
  unitsRoutes,
  productsRoutes,
  productsStockRoutes,
  syncRoutes,
  // one line per resource, e.g. productsRoutes,
];
