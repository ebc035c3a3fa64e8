// The customer pole display: follows 'sale.updated' — the last item and the running total while a sale
// is open, TOTAL and "Change: …" when it completes, the welcome line when idle.
import type { DisplayConfig } from '../../../src-shared/contract/device.js';
import type { ReadDb } from '../../ledger/connection.js';
import { findCart } from '../../services/cart-store.js';
import { priceCartState } from '../../services/cart-state.js';
import { loadCompletedSale } from '../../services/sale-read.js';
import { loadTill } from '../../services/sale-settings.js';
import { unrefTimeout, type BackoffOptions } from '../backoff.js';
import type { StatusBoard } from '../device-status.js';
import { SerialLink } from '../transport/serial-link.js';
import { TcpPrinterTransport } from '../transport/tcp-printer.js';
import { displayBytes, displayLines, type DisplayScreen } from './display-text.js';

export interface DisplayDeps {
  read: () => ReadDb | null;
  board: StatusBoard;
  backoff: BackoffOptions;
  /** How long "Change: …" stays before the welcome line. */
  idleAfterSaleMs: number;
}

/** What the display should show for a sale that just changed. */
export function screenForSale(db: ReadDb, saleId: string, status: string, welcome: string): DisplayScreen {
  if (status === 'open') {
    const cart = findCart(db, saleId);
    const last = cart?.state.lines.at(-1);
    if (!cart || !last) return { kind: 'welcome', text: welcome };
    const { store } = loadTill(db);
    const { priced, payment } = priceCartState(cart.state, store);
    const line = priced.lines.find((l) => l.id === last.id);
    return { kind: 'item', name: last.name, amount: line?.gross ?? 0, total: payment.due };
  }
  if (status === 'completed') {
    const sale = loadCompletedSale(db, { id: saleId });
    if (sale) return { kind: 'paid', total: sale.header.total, change: sale.header.changeGiven };
  }
  return { kind: 'welcome', text: welcome };
}

export class DisplayDriver {
  readonly #serial: SerialLink | null;
  readonly #tcp: TcpPrinterTransport | null;
  #idle: NodeJS.Timeout | null = null;

  constructor(
    readonly config: DisplayConfig,
    private readonly deps: DisplayDeps,
  ) {
    const c = config.connection;
    if (c.type === 'serial') {
      this.#tcp = null;
      this.#serial = new SerialLink(
        c,
        {
          onStatus: (status, detail) => {
            deps.board.set(config.id, status, detail);
            if (status === 'online') this.welcome();
          },
        },
        deps.backoff,
      );
      this.#serial.start();
    } else {
      this.#serial = null;
      this.#tcp = new TcpPrinterTransport({ host: c.host, port: c.port });
      this.welcome();
    }
  }

  show(screen: DisplayScreen): void {
    const { columns, protocol } = this.config.settings;
    const bytes = displayBytes(displayLines(screen, columns), protocol);
    const sent = this.#serial ? this.#serial.write(bytes) : this.#tcp?.session((s) => s.write(bytes));
    void sent?.then(
      () => {
        if (this.#tcp) this.deps.board.set(this.config.id, 'online');
      },
      (error: unknown) => {
        this.deps.board.set(
          this.config.id,
          'offline',
          error instanceof Error ? error.message : String(error),
        );
      },
    );
  }

  welcome(): void {
    this.show({ kind: 'welcome', text: this.config.settings.welcome });
  }

  onSaleUpdated(saleId: string, status: string): void {
    const db = this.deps.read();
    if (!db) return;
    if (this.#idle) clearTimeout(this.#idle);
    this.#idle = null;
    const screen = screenForSale(db, saleId, status, this.config.settings.welcome);
    this.show(screen);
    if (screen.kind === 'paid') {
      this.#idle = unrefTimeout(() => {
        this.welcome();
      }, this.deps.idleAfterSaleMs);
    }
  }

  async stop(): Promise<void> {
    if (this.#idle) clearTimeout(this.#idle);
    this.#idle = null;
    await this.#serial?.stop();
  }
}
