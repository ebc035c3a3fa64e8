// The desktop shell's Node-side pieces (src-main/electron without Electron): the app:// file answers, the kiosk
// setting, the remembered window bounds — on real files in a temp folder.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readAppFile } from '../../src-main/electron/app-files.js';
import {
  readShellSettings,
  readWindowState,
  visibleBounds,
  writeWindowState,
} from '../../src-main/electron/shell-settings.js';
import { TILL_PAGE_CSP } from '../../src-main/host/http/renderer-site.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'asiria-shell-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('app:// protocol files', () => {
  beforeEach(() => {
    mkdirSync(join(dir, 'renderer/assets'), { recursive: true });
    writeFileSync(join(dir, 'renderer/index.html'), '<!doctype html><title>till</title>');
    writeFileSync(join(dir, 'renderer/assets/app-1.js'), 'export {}');
    writeFileSync(join(dir, 'secret.txt'), 'secret');
    symlinkSync(join(dir, 'secret.txt'), join(dir, 'renderer/assets/out.txt'));
  });

  it('serves the page and its assets with their content types and the strict CSP', async () => {
    const page = await readAppFile(join(dir, 'renderer'), 'app://till/index.html');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toBe(TILL_PAGE_CSP);
    expect(page.body.toString()).toContain('<title>till</title>');
    expect((await readAppFile(join(dir, 'renderer'), 'app://till/')).status).toBe(200);
    const js = await readAppFile(join(dir, 'renderer'), 'app://till/assets/app-1.js');
    expect([js.status, js.headers['content-type']]).toEqual([200, 'text/javascript; charset=utf-8']);
  });

  it('answers 404 outside the folder, on another host and for links that lead out', async () => {
    for (const url of [
      'app://till/../secret.txt',
      'app://till/%2e%2e/secret.txt',
      'app://till/assets/..%2f..%2fsecret.txt',
      'app://till/assets/out.txt',
      'app://other/index.html',
      'file:///etc/passwd',
      'app://till/missing.js',
    ]) {
      const answer = await readAppFile(join(dir, 'renderer'), url);
      expect({ url, status: answer.status }).toEqual({ url, status: 404 });
      expect(answer.body.toString()).not.toContain('secret');
    }
  });
});

describe('shell settings', () => {
  it('kiosk mode: off by default, on from shell.json, ASIRIA_KIOSK overrides both ways', () => {
    expect(readShellSettings(dir, {})).toEqual({ kiosk: false });
    writeFileSync(join(dir, 'shell.json'), JSON.stringify({ kiosk: true }));
    expect(readShellSettings(dir, {})).toEqual({ kiosk: true });
    expect(readShellSettings(dir, { ASIRIA_KIOSK: '0' })).toEqual({ kiosk: false });
    rmSync(join(dir, 'shell.json'));
    expect(readShellSettings(dir, { ASIRIA_KIOSK: '1' })).toEqual({ kiosk: true });
    expect(() => readShellSettings(dir, { ASIRIA_KIOSK: 'maybe' })).toThrow('ASIRIA_KIOSK must be 1 or 0');
  });

  it('a damaged shell.json falls back to the defaults', () => {
    writeFileSync(join(dir, 'shell.json'), '{"kiosk": "yes please"');
    expect(readShellSettings(dir, {})).toEqual({ kiosk: false });
  });

  it('remembers the window bounds in the data folder; ignores a damaged file', () => {
    expect(readWindowState(dir)).toBeNull();
    writeWindowState(dir, { x: 10, y: 20, width: 1024, height: 700, maximized: true });
    expect(readWindowState(dir)).toEqual({ x: 10, y: 20, width: 1024, height: 700, maximized: true });
    expect(JSON.parse(readFileSync(join(dir, 'window-state.json'), 'utf8'))).toMatchObject({ width: 1024 });
    writeFileSync(join(dir, 'window-state.json'), '{"x": 1, "y": 2, "width": 5, "height": 5}');
    expect(readWindowState(dir)).toBeNull();
  });

  it('restores saved bounds only while they are on a screen', () => {
    const laptop = { x: 0, y: 0, width: 1366, height: 740 };
    const monitor = { x: 1366, y: 0, width: 1920, height: 1050 };
    const onMonitor = { x: 1500, y: 100, width: 1280, height: 800 };
    expect(visibleBounds(onMonitor, [laptop, monitor])).toEqual(onMonitor);
    expect(visibleBounds(onMonitor, [laptop])).toBeNull(); // the monitor was unplugged
    // A window pushed off the left edge: 130 px still on screen is enough to grab it, 80 px is not.
    const mostlyOff = { x: -1150, y: 0, width: 1280, height: 800 };
    expect(visibleBounds(mostlyOff, [laptop])).toEqual(mostlyOff);
    expect(visibleBounds({ ...mostlyOff, x: -1200 }, [laptop])).toBeNull();
  });
});
