// Keyboard shortcuts: screens and dialogs register layers of F-key (or Escape/Enter) bindings; the top layer
// wins a key, and a modal layer (an open dialog) hides everything under it. The shortcut bar shows what the
// visible layers offer, so every shortcut is on screen. Pure: the app feeds it keydown events (shell/App.tsx).

export interface Shortcut {
  /** KeyboardEvent.key: 'F1'…'F12', 'Escape', … */
  key: string;
  /** i18n key of the label shown in the shortcut bar (and the button it mirrors). */
  labelKey: string;
  run: () => void;
  /** A disabled shortcut is shown greyed and does nothing. */
  disabled?: boolean;
  /** Keep it out of the shortcut bar (e.g. Escape, which every dialog has). */
  hidden?: boolean;
}

export interface ShortcutLayer {
  shortcuts: readonly Shortcut[];
  /** A dialog: keys of the layers under it do nothing while it is open. */
  modal?: boolean;
}

export interface KeyLike {
  key: string;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
}

export interface ShortcutRegistry {
  /** Adds a layer on top; returns the function that removes it. */
  push: (layer: ShortcutLayer) => () => void;
  /**
   * Replaces a pushed layer's shortcuts in place (a re-render with new handlers), keeping its position.
   * Subscribers hear of it only when what the bar shows changed (keys, labels, disabled, hidden): a screen
   * re-rendering on every keystroke does not re-render the bar. The new handlers run either way.
   */
  update: (layer: ShortcutLayer, shortcuts: readonly Shortcut[]) => void;
  /** The shortcut a key press runs, if any (modifier combinations are never ours). */
  match: (event: KeyLike) => Shortcut | undefined;
  /** Runs the matched shortcut (its latest handler); true when the key was ours (the caller then prevents the default). */
  handle: (event: KeyLike) => boolean;
  /** What the shortcut bar shows: the visible layers' shortcuts, top layer first, one per key, F-key order. */
  visible: () => Shortcut[];
  subscribe: (listener: () => void) => () => void;
  /** Changes on every push/update/remove (for useSyncExternalStore). */
  version: () => number;
}

const F_KEY = /^F(\d{1,2})$/;

function keyOrder(key: string): number {
  const f = F_KEY.exec(key);
  return f ? Number(f[1]) : 100;
}

/** Same keys, labels, disabled and hidden flags in the same order (what the bar shows); handlers not compared. */
function sameShape(a: readonly Shortcut[], b: readonly Shortcut[]): boolean {
  return (
    a.length === b.length &&
    a.every((s, i) => {
      const o = b[i];
      return (
        o !== undefined &&
        s.key === o.key &&
        s.labelKey === o.labelKey &&
        Boolean(s.disabled) === Boolean(o.disabled) &&
        Boolean(s.hidden) === Boolean(o.hidden)
      );
    })
  );
}

export function createShortcutRegistry(): ShortcutRegistry {
  const layers: { layer: ShortcutLayer; shortcuts: readonly Shortcut[] }[] = [];
  const listeners = new Set<() => void>();
  let version = 0;
  const changed = () => {
    version++;
    for (const l of [...listeners]) l();
  };

  function* reachable(): Generator<Shortcut> {
    for (let i = layers.length - 1; i >= 0; i--) {
      const entry = layers[i];
      if (!entry) continue;
      yield* entry.shortcuts;
      if (entry.layer.modal) return;
    }
  }

  const registry: ShortcutRegistry = {
    push(layer) {
      const entry = { layer, shortcuts: layer.shortcuts };
      layers.push(entry);
      changed();
      return () => {
        const at = layers.indexOf(entry);
        if (at >= 0) {
          layers.splice(at, 1);
          changed();
        }
      };
    },
    update(layer, shortcuts) {
      const entry = layers.find((e) => e.layer === layer);
      if (!entry) return;
      const unchanged = sameShape(entry.shortcuts, shortcuts);
      entry.shortcuts = shortcuts;
      if (!unchanged) changed();
    },
    match(event) {
      if (event.ctrlKey || event.altKey || event.metaKey) return undefined;
      for (const s of reachable()) if (s.key === event.key) return s;
      return undefined;
    },
    handle(event) {
      const s = registry.match(event);
      if (!s) return false;
      if (!s.disabled) s.run();
      return true;
    },
    visible() {
      const seen = new Set<string>();
      const out: Shortcut[] = [];
      for (const s of reachable()) {
        if (seen.has(s.key)) continue;
        seen.add(s.key);
        if (!s.hidden) out.push(s);
      }
      return out.sort((a, b) => keyOrder(a.key) - keyOrder(b.key));
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    version: () => version,
  };
  return registry;
}
