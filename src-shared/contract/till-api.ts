// The whole till API: every domain's method table joined once. Hosts and the renderer's client use this.
import { auditMethods } from './audit.js';
import { authMethods } from './auth.js';
import { catalogMethods } from './catalog.js';
import { deviceMethods } from './device.js';
import { drawerMethods } from './drawer.js';
import type { MethodInput, MethodResult } from './method.js';
import { joinMethodTables } from './method.js';
import { refundMethods } from './refund.js';
import { reportMethods } from './report.js';
import { saleMethods } from './sale.js';
import { sessionMethods } from './session.js';
import { stockMethods } from './stock.js';
import { syncMethods } from './till-sync.js';

export const tillMethods = joinMethodTables(
  authMethods,
  catalogMethods,
  sessionMethods,
  reportMethods,
  saleMethods,
  refundMethods,
  stockMethods,
  auditMethods,
  drawerMethods,
  deviceMethods,
  syncMethods,
);

export type TillMethods = typeof tillMethods;
export type TillMethodName = Extract<keyof TillMethods, string>;
export type TillInput<K extends TillMethodName> = MethodInput<TillMethods[K]>;
export type TillOutput<K extends TillMethodName> = MethodResult<TillMethods[K]>;
