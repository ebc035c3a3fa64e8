// Cash drawers: kicked with ESC p through the printer they hang on (pin 2 or 5, configurable pulse) or
// through a serial drawer interface. Kicks are never queued for later: a drawer that springs open when a
// printer comes back hours after the sale would be worse than one that did not open. When the printer
// reports the drawer sensor (DLE EOT 1 bit 2), the drawer's status follows it until it is shut again.
import type { DrawerConfig } from '../../src-shared/contract/device.js';
import type { DrawerKick } from '../services/drawer.js';
import { unrefTimeout, type BackoffOptions } from './backoff.js';
import type { StatusBoard } from './device-status.js';
import { drawerKick } from './escpos/commands.js';
import type { PrinterDriver } from './printer-driver.js';
import { SerialLink } from './transport/serial-link.js';

export interface DrawerDeps {
  printer: (id: string) => PrinterDriver | undefined;
  board: StatusBoard;
  backoff: BackoffOptions;
  /** Sensor poll interval while the drawer reads open. */
  sensorPollMs: number;
}

const SENSOR_POLL_LIMIT = 600;

export class DrawerDriver {
  readonly #serial: SerialLink | null;
  #poll: NodeJS.Timeout | null = null;
  #stopped = false;

  constructor(
    readonly config: DrawerConfig,
    private readonly deps: DrawerDeps,
  ) {
    const c = config.connection;
    this.#serial =
      c.type === 'serial'
        ? new SerialLink(
            c,
            {
              onStatus: (status, detail) => {
                deps.board.set(config.id, status, detail);
              },
            },
            deps.backoff,
          )
        : null;
    this.#serial?.start();
  }

  /** Whether this drawer opens for a kick with this cause. */
  wants(cause: DrawerKick['cause']): boolean {
    return cause === 'no_sale' ? this.config.settings.openOnNoSale : this.config.settings.openOnCash;
  }

  async kick(): Promise<void> {
    const bytes = drawerKick(this.config.settings);
    const c = this.config.connection;
    try {
      if (c.type === 'serial') {
        if (!this.#serial) throw new Error('serial drawer not started');
        await this.#serial.write(bytes);
      } else {
        const printer = this.deps.printer(c.printerId);
        if (!printer) throw new Error('its printer is not configured');
        await printer.send(bytes);
        if (this.config.settings.sensor) this.#watchSensor(printer, 0);
      }
      if (!this.config.settings.sensor) this.deps.board.set(this.config.id, 'online');
    } catch (error) {
      this.deps.board.set(this.config.id, 'offline', error instanceof Error ? error.message : String(error));
    }
  }

  #watchSensor(printer: PrinterDriver, round: number): void {
    if (this.#poll) clearTimeout(this.#poll);
    this.#poll = unrefTimeout(
      () => {
        this.#poll = null;
        void printer.probe().then((reply) => {
          if (this.#stopped) return;
          if (!reply) {
            this.deps.board.set(this.config.id, 'online', 'The printer does not report the drawer sensor.');
            return;
          }
          this.deps.board.set(this.config.id, reply.drawerOpen ? 'drawer_open' : 'online');
          if (reply.drawerOpen && round < SENSOR_POLL_LIMIT) this.#watchSensor(printer, round + 1);
        });
      },
      round === 0 ? 50 : this.deps.sensorPollMs,
    );
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#poll) clearTimeout(this.#poll);
    await this.#serial?.stop();
  }
}
