// The F-key registry: the top layer wins a key, a modal dialog hides the screen's keys, disabled keys do
// nothing, and the shortcut bar lists what is reachable in F-key order.
import { describe, expect, it } from 'vitest';
import { createShortcutRegistry, type Shortcut } from '../../../src-renderer/shortcuts/shortcut-registry.js';

function recorder() {
  const ran: string[] = [];
  const make = (key: string, name: string, extra: Partial<Shortcut> = {}): Shortcut => ({
    key,
    labelKey: name,
    run: () => ran.push(name),
    ...extra,
  });
  return { ran, make };
}

describe('shortcut registry', () => {
  it('runs the shortcut of a key and says the key was handled', () => {
    const registry = createShortcutRegistry();
    const { ran, make } = recorder();
    registry.push({ shortcuts: [make('F2', 'quantity'), make('F10', 'pay')] });
    expect(registry.handle({ key: 'F10' })).toBe(true);
    expect(registry.handle({ key: 'F3' })).toBe(false);
    expect(ran).toEqual(['pay']);
  });

  it('ignores keys with Ctrl, Alt or Meta (browser and OS shortcuts are not ours)', () => {
    const registry = createShortcutRegistry();
    const { ran, make } = recorder();
    registry.push({ shortcuts: [make('F2', 'quantity')] });
    expect(registry.handle({ key: 'F2', ctrlKey: true })).toBe(false);
    expect(registry.handle({ key: 'F2', altKey: true })).toBe(false);
    expect(registry.handle({ key: 'F2', metaKey: true })).toBe(false);
    expect(ran).toEqual([]);
  });

  it('lets the top layer win a key, and a modal layer hide everything under it', () => {
    const registry = createShortcutRegistry();
    const { ran, make } = recorder();
    registry.push({
      shortcuts: [make('F2', 'screen-quantity'), make('F10', 'pay'), make('Escape', 'clear')],
    });
    const removeDialog = registry.push({ shortcuts: [make('Escape', 'cancel-dialog')], modal: true });
    registry.handle({ key: 'Escape' });
    expect(registry.handle({ key: 'F10' })).toBe(false); // the dialog hides the screen's Pay
    removeDialog();
    registry.handle({ key: 'Escape' });
    registry.handle({ key: 'F10' });
    expect(ran).toEqual(['cancel-dialog', 'clear', 'pay']);
  });

  it('a non-modal layer adds keys on top and still lets the lower ones through', () => {
    const registry = createShortcutRegistry();
    const { ran, make } = recorder();
    registry.push({ shortcuts: [make('F2', 'base'), make('F3', 'base-only')] });
    registry.push({ shortcuts: [make('F2', 'top')] });
    registry.handle({ key: 'F2' });
    registry.handle({ key: 'F3' });
    expect(ran).toEqual(['top', 'base-only']);
  });

  it('swallows a disabled key without running it', () => {
    const registry = createShortcutRegistry();
    const { ran, make } = recorder();
    registry.push({ shortcuts: [make('F10', 'pay', { disabled: true })] });
    expect(registry.handle({ key: 'F10' })).toBe(true);
    expect(ran).toEqual([]);
  });

  it('lists the reachable shortcuts in F-key order, one per key, hidden ones left out', () => {
    const registry = createShortcutRegistry();
    const { make } = recorder();
    registry.push({
      shortcuts: [
        make('F10', 'pay'),
        make('F2', 'quantity'),
        make('F12', 'lock'),
        make('Escape', 'clear', { hidden: true }),
      ],
    });
    registry.push({ shortcuts: [make('F2', 'weight')] });
    expect(registry.visible().map((s) => `${s.key}:${s.labelKey}`)).toEqual([
      'F2:weight',
      'F10:pay',
      'F12:lock',
    ]);
    registry.push({ shortcuts: [make('F3', 'dialog-only')], modal: true });
    expect(registry.visible().map((s) => s.labelKey)).toEqual(['dialog-only']);
  });

  it('updates a layer in place and tells subscribers about every change', () => {
    const registry = createShortcutRegistry();
    const { ran, make } = recorder();
    let notified = 0;
    const unsubscribe = registry.subscribe(() => notified++);
    const layer = { shortcuts: [make('F2', 'old')] };
    const remove = registry.push(layer);
    registry.push({ shortcuts: [make('F3', 'above')] });
    registry.update(layer, [make('F2', 'new')]);
    registry.handle({ key: 'F2' });
    expect(ran).toEqual(['new']);
    const before = registry.version();
    remove();
    remove(); // removing twice is harmless
    expect(registry.version()).toBe(before + 1);
    expect(notified).toBe(4);
    unsubscribe();
    registry.push({ shortcuts: [] });
    expect(notified).toBe(4);
  });

  it('runs the newest handler but tells subscribers only when what the bar shows changed', () => {
    const registry = createShortcutRegistry();
    const { ran, make } = recorder();
    let notified = 0;
    registry.subscribe(() => notified++);
    const layer = { shortcuts: [make('F8', 'hold-v1', { disabled: true })] };
    registry.push(layer);
    expect(notified).toBe(1);
    registry.update(layer, [make('F8', 'hold-v1', { disabled: true, run: () => ran.push('newer') })]);
    expect(notified).toBe(1); // a re-render with the same keys, labels and states: the bar stays as it is
    registry.update(layer, [make('F8', 'hold-v1', { run: () => ran.push('enabled') })]);
    expect(notified).toBe(2); // enabled now: the bar must show it
    expect(registry.handle({ key: 'F8' })).toBe(true);
    expect(ran).toEqual(['enabled']);
  });
});
