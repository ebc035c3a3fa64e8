// The desktop shell's own settings, kept in the data folder next to the ledger (no Electron import: tested under
// Node). shell.json: { "kiosk": true } runs the till full-screen with no way out but the till's own screens;
// ASIRIA_KIOSK=1/0 overrides it. window-state.json: the window's last bounds, restored at the next start when
// they are still on a screen.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { flagFromEnv } from '../cli/cli-env.js';

export const SHELL_SETTINGS_FILE = 'shell.json';
export const WINDOW_STATE_FILE = 'window-state.json';

const shellSettingsSchema = z.object({ kiosk: z.boolean().default(false) });
export type ShellSettings = z.infer<typeof shellSettingsSchema>;

const rectangle = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(200).max(20_000),
  height: z.number().int().min(200).max(20_000),
});
export type Bounds = z.infer<typeof rectangle>;
const windowStateSchema = rectangle.extend({ maximized: z.boolean().default(false) });
export type WindowState = z.infer<typeof windowStateSchema>;

export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 800 };

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch {
    return undefined; // missing or unreadable: the defaults apply
  }
}

/** Writes through a temp file and a rename, so a crash never leaves half a file. */
function writeJson(file: string, value: unknown): void {
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(value, null, 2)}\n`);
  renameSync(temp, file);
}

export function readShellSettings(dataDir: string, env: NodeJS.ProcessEnv = process.env): ShellSettings {
  const parsed = shellSettingsSchema.safeParse(readJson(join(dataDir, SHELL_SETTINGS_FILE)) ?? {});
  const settings = parsed.success ? parsed.data : { kiosk: false };
  const kiosk = flagFromEnv('ASIRIA_KIOSK', env);
  return kiosk === undefined ? settings : { ...settings, kiosk };
}

export function readWindowState(dataDir: string): WindowState | null {
  const parsed = windowStateSchema.safeParse(readJson(join(dataDir, WINDOW_STATE_FILE)));
  return parsed.success ? parsed.data : null;
}

export function writeWindowState(dataDir: string, state: WindowState): void {
  writeJson(join(dataDir, WINDOW_STATE_FILE), windowStateSchema.parse(state));
}

/**
 * The saved bounds when at least a 100×100 px corner of the window's title area lies on one of the displays'
 * work areas (a monitor may have been unplugged since); else null (the shell centres a default-sized window).
 */
export function visibleBounds(saved: Bounds, workAreas: readonly Bounds[]): Bounds | null {
  const visible = workAreas.some((area) => {
    const left = Math.max(saved.x, area.x);
    const right = Math.min(saved.x + saved.width, area.x + area.width);
    const top = Math.max(saved.y, area.y);
    const bottom = Math.min(saved.y + 100, area.y + area.height);
    return right - left >= 100 && bottom - top >= 100;
  });
  return visible ? saved : null;
}
