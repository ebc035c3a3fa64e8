// The F-keys the current screen (or open dialog) offers, always visible at the bottom; each is also a button.
import { useTranslation } from 'react-i18next';
import { useVisibleShortcuts } from '../shortcuts/shortcuts.js';

export function ShortcutBar() {
  const { t } = useTranslation();
  const shortcuts = useVisibleShortcuts();
  if (shortcuts.length === 0) return null;
  return (
    <nav className="shortcut-bar" aria-label={t('shell.shortcuts')}>
      {shortcuts.map((s) => (
        <button
          key={s.key}
          type="button"
          className="shortcut"
          disabled={s.disabled}
          onClick={s.run}
          aria-keyshortcuts={s.key}
          tabIndex={-1}
        >
          <kbd>{s.key === 'Escape' ? 'Esc' : s.key}</kbd> {t(s.labelKey)}
        </button>
      ))}
    </nav>
  );
}
