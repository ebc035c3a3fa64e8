// The menu: F11 on the till, the receipt and every back-office screen opens a list of the screens the
// operator's role may use (refund, cash session, stock, devices), each on its own F-key inside the menu.
// Mounted by screens/registry.tsx next to the routed screen; a screen's open dialog hides it (modal layer).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog.js';
import type { Shortcut } from '../../shortcuts/shortcut-registry.js';
import { useShortcuts } from '../../shortcuts/shortcuts.js';
import { MENU_ROUTES, TRANSITIONS, useScreenStore, type RouteName } from '../../state/screen-store.js';
import { useSessionStore } from '../../state/session-store.js';
import { menuEntriesFor, type MenuRoute } from './menu-entries.js';

export const MENU_KEY = 'F11';

function MenuDialog(props: { current: RouteName; onClose: () => void }) {
  const { t } = useTranslation();
  const role = useSessionStore((s) => s.operator?.role ?? 'employee');
  const navigate = useScreenStore((s) => s.navigate);
  const home = useScreenStore((s) => s.home);
  const entries = menuEntriesFor(role);
  const go = (route: MenuRoute) => {
    props.onClose();
    navigate({ name: route });
  };
  const shortcuts: Shortcut[] = entries.map((entry) => ({
    key: entry.key,
    labelKey: entry.labelKey,
    run: () => {
      go(entry.route);
    },
  }));
  if (props.current !== 'till') {
    shortcuts.push({
      key: 'F1',
      labelKey: 'menu.till',
      run: () => {
        props.onClose();
        home();
      },
    });
  }
  return (
    <Dialog title={t('menu.title')} onClose={props.onClose} shortcuts={shortcuts}>
      <ul className="menu-list">
        {props.current !== 'till' && (
          <li>
            <button
              type="button"
              className="menu-item"
              aria-keyshortcuts="F1"
              onClick={() => {
                props.onClose();
                home();
              }}
            >
              <kbd aria-hidden="true">F1</kbd>
              <span className="menu-label">{t('menu.till')}</span>
              <span className="menu-hint">{t('menu.tillHint')}</span>
            </button>
          </li>
        )}
        {entries.map((entry, i) => (
          <li key={entry.route}>
            <button
              type="button"
              className={entry.route === props.current ? 'menu-item current' : 'menu-item'}
              aria-keyshortcuts={entry.key}
              aria-current={entry.route === props.current ? 'page' : undefined}
              autoFocus={i === 0}
              onClick={() => {
                go(entry.route);
              }}
            >
              <kbd aria-hidden="true">{entry.key}</kbd>
              <span className="menu-label">{t(entry.labelKey)}</span>
              <span className="menu-hint">{t(entry.hintKey)}</span>
            </button>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}

export function ScreenMenu({ routeName }: { routeName: RouteName }) {
  const [open, setOpen] = useState(false);
  const reachable = MENU_ROUTES.every((r) => r === routeName || TRANSITIONS[routeName].includes(r));
  useShortcuts(
    reachable
      ? [
          {
            key: MENU_KEY,
            labelKey: 'menu.open',
            run: () => {
              setOpen(true);
            },
          },
        ]
      : [],
  );
  if (!open || !reachable) return null;
  return (
    <MenuDialog
      current={routeName}
      onClose={() => {
        setOpen(false);
      }}
    />
  );
}
