// The F-keys the current screen (or open dialog) offers, always visible at the bottom; each is also a button.
// A button runs its key through the registry, so it always gets the screen's latest handler (the bar only
// re-renders when what it shows changes).
import { useTranslation } from 'react-i18next';
import { shortcutRegistry, useVisibleShortcuts } from '../shortcuts/shortcuts.js';

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
          onClick={() => {
            shortcutRegistry.handle({ key: s.key });
          }}
          aria-keyshortcuts={s.key}
          tabIndex={-1}
        >
          <kbd>{s.key === 'Escape' ? 'Esc' : s.key}</kbd> {t(s.labelKey)}
        </button>
      ))}
    </nav>
  );
}
