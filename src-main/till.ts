// The till core: one ledger, the till API dispatcher, the event bus. Runs under plain Node; Electron and the
// browser-mode HTTP host only adapt it.
import type { TillErrorBody, TillResult } from '../src-shared/contract/errors.js';
import { TillError } from '../src-shared/contract/errors.js';
import {
  tillMethods,
  type TillInput,
  type TillMethodName,
  type TillOutput,
} from '../src-shared/contract/till-api.js';
import { dirname } from 'node:path';
import { ledgerPath } from './config/data-dir.js';
import { startHardware, type HardwareManager, type HardwareOptions } from './hardware/manager.js';
import { openLedger, startIdleCheckpointer, type Ledger } from './ledger/connection.js';
import { systemClock, type Clock } from './services/clock.js';
import { DEFAULT_TILL_SETTINGS, type TillRuntime, type TillSettings } from './services/context.js';
import { createDispatcher } from './services/dispatcher.js';
import { TillEventBus, type TillEventListener } from './services/event-bus.js';
import { allHandlers } from './services/registry.js';
import { SyncController, type SyncOptions } from './sync/controller.js';

export interface TillOptions {
  /** Folder holding ledger.sqlite (ASIRIA_DATA_DIR). */
  dataDir?: string;
  /** Or an explicit ledger file. */
  ledgerFile?: string;
  clock?: Clock;
  settings?: Partial<TillSettings>;
  /** Idle WAL checkpoint timer (default on). */
  checkpointer?: boolean;
  onInternalError?: (method: string, error: unknown) => void;
  /** Printers, drawers, scanners, displays (default on; with none configured it costs one empty read). */
  hardware?: HardwareOptions | false;
  /**
   * The sync worker (src-main/sync): started when the ledger is registered with a cloud. `false` never starts
   * it (tests that need no network); sync.register then still registers.
   */
  sync?: SyncOptions | false;
}

export interface Till {
  readonly ledger: Ledger;
  readonly runtime: TillRuntime;
  readonly methods: readonly string[];
  /** Typed call; throws TillError. */
  call<K extends TillMethodName>(method: K, input: TillInput<K>): TillOutput<K>;
  /** Untyped call for hosts; never throws. */
  invoke(method: string, input: unknown): TillResult<unknown>;
  /** Typed call of any method, the async ones (sync.register, sync.now) included; rejects with TillError. */
  callAsync<K extends TillMethodName>(method: K, input: TillInput<K>): Promise<TillOutput<K>>;
  /** Untyped call of any method for hosts; never rejects. */
  invokeAsync(method: string, input: unknown): Promise<TillResult<unknown>>;
  /** Methods that must go through callAsync / invokeAsync. */
  readonly asyncMethods: ReadonlySet<string>;
  /** The sync controller (status, worker, page statistics). */
  readonly sync: SyncController;
  subscribe(listener: TillEventListener): () => void;
  /** The hardware manager (null when opened with hardware: false); close() stops it without waiting. */
  readonly hardware: HardwareManager | null;
  close(): void;
}

export function openTill(options: TillOptions): Till {
  const file = options.ledgerFile ?? (options.dataDir ? ledgerPath(options.dataDir) : undefined);
  if (!file) throw new Error('openTill needs dataDir or ledgerFile');
  const ledger = openLedger(file);
  const runtime: TillRuntime = {
    ledger,
    clock: options.clock ?? systemClock,
    events: new TillEventBus(),
    settings: { ...DEFAULT_TILL_SETTINGS, ...options.settings },
    operator: null,
    sync: null,
  };
  const syncOptions = options.sync === false ? { autoStart: false } : options.sync;
  const sync = new SyncController(
    ledger.raw,
    file,
    dirname(file),
    (status) => {
      runtime.events.publish('sync.changed', status);
    },
    { ...syncOptions, writeIntent: ledger.writeIntent.buffer },
  );
  runtime.sync = sync;
  const dispatcher = createDispatcher(runtime, tillMethods, allHandlers(), options.onInternalError);
  const stopCheckpointer = options.checkpointer === false ? () => undefined : startIdleCheckpointer(ledger);
  const hardware = options.hardware === false ? null : startHardware(runtime, options.hardware);
  sync.startIfRegistered();
  return {
    ledger,
    runtime,
    methods: dispatcher.methods,
    call: (method, input) => dispatcher.call(method, input) as never,
    invoke: (method, input) => dispatcher.invoke(method, input),
    callAsync: (method, input) => dispatcher.callAsync(method, input) as never,
    invokeAsync: (method, input) => dispatcher.invokeAsync(method, input),
    asyncMethods: dispatcher.asyncMethods,
    sync,
    subscribe: (listener) => runtime.events.subscribe(listener),
    hardware,
    close() {
      void hardware?.stop();
      void sync.stop();
      stopCheckpointer();
      ledger.close();
    },
  };
}

export type { TillErrorBody };
export { TillError };
