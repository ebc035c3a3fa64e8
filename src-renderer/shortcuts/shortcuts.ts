// The app's one shortcut registry and the hook screens use to put their F-keys on it. The shell listens to
// keydown once (useGlobalShortcutKeys) and shows what is reachable in the shortcut bar.
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { createShortcutRegistry, type Shortcut, type ShortcutLayer } from './shortcut-registry.js';

export const shortcutRegistry = createShortcutRegistry();

/**
 * Registers a screen's (or an open dialog's, with modal) shortcuts while the component is mounted.
 * Pass a fresh array every render: handlers are updated in place, the layer keeps its position.
 */
export function useShortcuts(shortcuts: readonly Shortcut[], options: { modal?: boolean } = {}): void {
  const layerRef = useRef<ShortcutLayer | null>(null);
  const modal = options.modal ?? false;
  useEffect(() => {
    const layer: ShortcutLayer = { shortcuts: [], modal };
    layerRef.current = layer;
    const remove = shortcutRegistry.push(layer);
    return () => {
      layerRef.current = null;
      remove();
    };
  }, [modal]);
  useEffect(() => {
    if (layerRef.current) shortcutRegistry.update(layerRef.current, shortcuts);
  });
}

/** The shortcuts the bar shows, re-rendering when layers change. */
export function useVisibleShortcuts(): Shortcut[] {
  useSyncExternalStore(shortcutRegistry.subscribe, shortcutRegistry.version);
  return shortcutRegistry.visible();
}

/** Installs the one keydown listener that runs shortcuts (capture phase, before inputs see F-keys). */
export function useGlobalShortcutKeys(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.repeat) return;
      if (shortcutRegistry.handle(event)) event.preventDefault();
    };
    window.addEventListener('keydown', onKey, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
    };
  }, []);
}
