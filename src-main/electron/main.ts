// The desktop till's main process (bundled by `npm run build:electron` into dist/electron/main.mjs; `npm start`
// builds and launches it where Electron can run). It opens the till core in this process (the ledger is
// better-sqlite3, synchronous and fast: a sale's transaction takes ~2 ms, so no IPC hop to another process is
// worth its cost) and one hardened window:
//   - contextIsolation, sandbox (for every renderer), no nodeIntegration, webSecurity;
//   - the screen loaded from app://till/ (a privileged, secure custom scheme serving dist/renderer) with a strict
//     Content-Security-Policy; navigation, new windows, <webview> and every permission request denied;
//   - one IPC channel (TILL_CALL_CHANNEL) whose sender frame must be app://till, its method a known name, its
//     input validated by the method's zod schema (src-main/host/ipc/till-ipc.ts); events on TILL_EVENT_CHANNEL;
//   - a single-instance lock (a second launch focuses the first window), kiosk mode by setting (ASIRIA_KIOSK=1 or
//     shell.json in the data folder), the window's bounds remembered in the data folder.
// Electron fuses (no RunAsNode, no NODE_OPTIONS, no inspect flags, asar integrity) are flipped at packaging
// (electron-builder.yml).
import { app, BrowserWindow, ipcMain, Menu, protocol, safeStorage, screen, session } from 'electron';
import { join } from 'node:path';
import { TILL_CALL_CHANNEL, TILL_EVENT_CHANNEL } from '../../src-shared/contract/bridge.js';
import { demoProductsFromEnv } from '../cli/cli-env.js';
import { createCliLogger } from '../cli/common.js';
import { openHostTill } from '../host/open-host-till.js';
import { createIpcTillHandler, TILL_APP_SCHEME, TILL_PAGE_URL } from '../host/ipc/till-ipc.js';
import type { Till } from '../till.js';
import { readAppFile } from './app-files.js';
import {
  DEFAULT_WINDOW_SIZE,
  readShellSettings,
  readWindowState,
  visibleBounds,
  writeWindowState,
} from './shell-settings.js';

const RENDERER_DIR = join(import.meta.dirname, '../renderer');
const PRELOAD = join(import.meta.dirname, 'preload.cjs');

const log = createCliLogger('asiria-desktop');

app.setName('AsiriaPOS');
app.enableSandbox();
protocol.registerSchemesAsPrivileged([
  {
    scheme: TILL_APP_SCHEME,
    privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: false },
  },
]);

function dataDirectory(): string {
  return process.env.ASIRIA_DATA_DIR?.trim() || app.getPath('userData');
}

/** Every web contents, present or future: no navigation away, no new windows, no <webview>. */
function denyNavigation(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => {
      event.preventDefault();
    });
    contents.on('will-redirect', (event) => {
      event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => {
      event.preventDefault();
    });
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

function denyPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => {
    log.warn({ permission }, 'permission request denied');
    callback(false);
  });
  session.defaultSession.setPermissionCheckHandler(() => false);
}

function serveRenderer(): void {
  protocol.handle(TILL_APP_SCHEME, async (request) => {
    const answer = await readAppFile(RENDERER_DIR, request.url);
    return new Response(answer.body, { status: answer.status, headers: answer.headers });
  });
}

function wireTill(till: Till, window: BrowserWindow): void {
  const handle = createIpcTillHandler(till, log);
  ipcMain.handle(TILL_CALL_CHANNEL, (event, method: unknown, input: unknown) =>
    handle({ senderUrl: event.senderFrame?.url, method, input }),
  );
  const unsubscribe = till.subscribe((event) => {
    if (!window.isDestroyed()) window.webContents.send(TILL_EVENT_CHANNEL, event);
  });
  window.on('closed', unsubscribe);
}

function openWindow(dataDir: string, kiosk: boolean): BrowserWindow {
  const saved = readWindowState(dataDir);
  const areas = screen.getAllDisplays().map((display) => display.workArea);
  const bounds = saved ? visibleBounds(saved, areas) : null;
  const window = new BrowserWindow({
    ...(bounds ?? DEFAULT_WINDOW_SIZE),
    minWidth: 800,
    minHeight: 600,
    show: false,
    kiosk,
    fullscreen: kiosk,
    title: 'AsiriaPOS',
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: PRELOAD,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  if (saved?.maximized && !kiosk) window.maximize();
  window.once('ready-to-show', () => {
    window.show();
  });
  window.on('close', () => {
    if (kiosk) return; // kiosk bounds are the screen's, not the user's choice
    try {
      writeWindowState(dataDir, { ...window.getNormalBounds(), maximized: window.isMaximized() });
    } catch (error) {
      log.warn({ err: error }, 'could not save the window state');
    }
  });
  return window;
}

async function start(): Promise<void> {
  const dataDir = dataDirectory();
  const { kiosk } = readShellSettings(dataDir);
  // The sync device secret is kept encrypted with the OS keychain where Electron can (else a 0600 file).
  // The synchronous safeStorage calls are deprecated in favour of *Async ones, still present in Electron 45;
  // the secret store reads the secret synchronously when the sync worker starts, so it uses these for now.
  /* eslint-disable @typescript-eslint/no-deprecated */
  const secretCipher = safeStorage.isEncryptionAvailable()
    ? {
        encrypt: (plain: string) => safeStorage.encryptString(plain),
        decrypt: (data: Buffer) => safeStorage.decryptString(data),
      }
    : undefined;
  /* eslint-enable @typescript-eslint/no-deprecated */
  const till = openHostTill({
    dataDir,
    demoProducts: demoProductsFromEnv(),
    log,
    ...(secretCipher && { secretCipher }),
  });
  app.on('will-quit', () => {
    till.close();
  });
  Menu.setApplicationMenu(null);
  denyNavigation();
  denyPermissions();
  serveRenderer();
  const window = openWindow(dataDir, kiosk);
  wireTill(till, window);
  app.on('second-instance', () => {
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  await window.loadURL(TILL_PAGE_URL);
  log.info({ dataDir, kiosk }, 'desktop till open');
}

if (!app.requestSingleInstanceLock()) {
  // Another till window is open on this machine: it was focused (second-instance); this one ends.
  app.quit();
} else {
  app.on('window-all-closed', () => {
    app.quit();
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      log.fatal({ err: error }, 'the desktop till failed to start');
      process.stderr.write(
        `AsiriaPOS: the desktop till failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
      );
      app.exit(1);
    });
}
