// Route name → the screen component. Adding a screen: extend Route and TRANSITIONS in
// state/screen-store.ts, write screens/<name>/<Name>Screen.tsx, register it here (see src-renderer/README.md).
import type { ComponentType } from 'react';
import type { Route, RouteName } from '../state/screen-store.js';
import { DevicesScreen } from './devices/DevicesScreen.js';
import { ScreenMenu } from './menu/ScreenMenu.js';
import { ReceiptScreen } from './receipt/ReceiptScreen.js';
import { RefundScreen } from './refund/RefundScreen.js';
import { CashSessionScreen } from './session/CashSessionScreen.js';
import { StockScreen } from './stock/StockScreen.js';
import { SyncScreen } from './sync/SyncScreen.js';
import { TenderScreen } from './tender/TenderScreen.js';
import { TillScreen } from './till/TillScreen.js';

type ScreenFor<N extends RouteName> = ComponentType<{ route: Extract<Route, { name: N }> }>;

export const SCREENS: { [N in RouteName]: ScreenFor<N> } = {
  till: TillScreen,
  tender: TenderScreen,
  receipt: ReceiptScreen,
  refund: RefundScreen,
  session: CashSessionScreen,
  stock: StockScreen,
  devices: DevicesScreen,
  sync: SyncScreen,
};

export function ScreenFor({ route }: { route: Route }) {
  const Screen = SCREENS[route.name] as ComponentType<{ route: Route }>;
  return (
    <>
      <Screen route={route} />
      <ScreenMenu routeName={route.name} />
    </>
  );
}
