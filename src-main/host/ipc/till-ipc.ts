// Electron host of the till API, without Electron: the logic behind the one IPC channel (TILL_CALL_CHANNEL).
// src-main/electron/main.ts wires it with `ipcMain.handle`; here it is plain functions so it is tested under Node.
// It only adapts: the sender must be the till's own page (app://till/…), the method a known name; the input goes
// untouched to `till.invoke`, which validates it with the method's zod schema. It never throws.
import type { TillErrorBody, TillResult } from '../../../src-shared/contract/errors.js';

/** The page the shell loads (scheme app, host till); calls from any other frame URL are refused. */
export const TILL_APP_SCHEME = 'app';
export const TILL_APP_HOST = 'till';
export const TILL_PAGE_URL = `${TILL_APP_SCHEME}://${TILL_APP_HOST}/index.html`;

/** What the IPC host needs of the till core (src-main/till.ts `Till` satisfies it). */
export interface IpcHostedTill {
  readonly methods: readonly string[];
  invoke(method: string, input: unknown): TillResult<unknown>;
  /** The few methods that wait on the network (sync.register, sync.now) go through invokeAsync. */
  readonly asyncMethods?: ReadonlySet<string>;
  invokeAsync?(method: string, input: unknown): Promise<TillResult<unknown>>;
}

/** One invocation as the main process sees it. */
export interface IpcTillCall {
  /** `event.senderFrame?.url` — undefined when the frame is gone. */
  senderUrl: string | undefined;
  method: unknown;
  input: unknown;
}

/** A Promise only for the async methods (ipcMain.handle awaits whatever it gets). */
export type IpcTillHandler = (call: IpcTillCall) => TillResult<unknown> | Promise<TillResult<unknown>>;

export interface IpcLogger {
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

const METHOD_NAME = /^[a-z][A-Za-z]*\.[a-z][A-Za-z]*$/;

function refused(error: TillErrorBody): TillResult<unknown> {
  return { ok: false, error };
}

/** True for a URL on the till's own origin, app://till (Node's URL gives custom schemes no `origin`). */
export function isTillPage(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return (
      parsed.protocol === `${TILL_APP_SCHEME}:` &&
      parsed.host === TILL_APP_HOST &&
      parsed.username === '' &&
      parsed.password === ''
    );
  } catch {
    return false;
  }
}

export function createIpcTillHandler(till: IpcHostedTill, log?: IpcLogger): IpcTillHandler {
  const known = new Set(till.methods);
  return ({ senderUrl, method, input }) => {
    if (!isTillPage(senderUrl)) {
      log?.warn(
        { senderUrl, method: typeof method === 'string' ? method : typeof method },
        'IPC call refused',
      );
      return refused({
        code: 'FORBIDDEN_ORIGIN',
        message: 'Only the till screen may call the till.',
      });
    }
    if (typeof method !== 'string' || !METHOD_NAME.test(method) || !known.has(method)) {
      return refused({
        code: 'UNKNOWN_METHOD',
        message: `Unknown till API method: ${typeof method === 'string' ? method.slice(0, 80) : typeof method}`,
      });
    }
    try {
      if (till.invokeAsync && till.asyncMethods?.has(method)) {
        return till.invokeAsync(method, input).catch((error: unknown) => {
          log?.error({ err: error, method }, 'till.invokeAsync threw');
          return refused({ code: 'INTERNAL', message: 'The till failed to answer.' });
        });
      }
      return till.invoke(method, input);
    } catch (error) {
      log?.error({ err: error, method }, 'till.invoke threw');
      return refused({ code: 'INTERNAL', message: 'The till failed to answer.' });
    }
  };
}
