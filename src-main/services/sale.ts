// sale.* handlers: the table only — the work is in cart-*.ts and sale-*.ts, split by job.
import { TillError } from '../../src-shared/contract/errors.js';
import { saleMethods } from '../../src-shared/contract/sale.js';
import { viewOf } from './cart-change.js';
import { priceCartState } from './cart-state.js';
import { findCart, openCartsOf } from './cart-store.js';
import { handlersFor } from './handler.js';
import { completeSale } from './sale-complete.js';
import {
  addItem,
  overridePrice,
  setCartDiscount,
  setLineDiscount,
  setQuantity,
  voidLine,
} from './sale-items.js';
import { holdSale, listHeld, recallSale, startSale } from './sale-lifecycle.js';
import { completedSaleDetail, loadCompletedSale } from './sale-read.js';
import { loadTill } from './sale-settings.js';
import { attachClient, removeTender, tender } from './sale-tender.js';
import { voidSale } from './sale-void.js';

export const saleHandlers = handlersFor(saleMethods)({
  'sale.start': { kind: 'command', access: 'employee', run: startSale },
  'sale.addItem': { kind: 'command', access: 'employee', run: addItem },
  'sale.setQuantity': { kind: 'command', access: 'employee', run: setQuantity },
  'sale.setLineDiscount': { kind: 'command', access: 'employee', run: setLineDiscount },
  'sale.setCartDiscount': { kind: 'command', access: 'employee', run: setCartDiscount },
  'sale.overridePrice': { kind: 'command', access: 'employee', run: overridePrice },
  'sale.voidLine': { kind: 'command', access: 'employee', run: voidLine },
  'sale.attachClient': { kind: 'command', access: 'employee', run: attachClient },
  'sale.hold': { kind: 'command', access: 'employee', run: holdSale },
  'sale.listHeld': { kind: 'query', access: 'employee', run: listHeld },
  'sale.recall': { kind: 'command', access: 'employee', run: recallSale },
  'sale.tender': { kind: 'command', access: 'employee', run: tender },
  'sale.removeTender': { kind: 'command', access: 'employee', run: removeTender },
  'sale.complete': {
    kind: 'command',
    access: 'employee',
    run: (ctx, input) => completeSale(ctx, input.saleId),
  },
  'sale.void': { kind: 'command', access: 'employee', run: voidSale },
  'sale.get': {
    kind: 'query',
    access: 'employee',
    run(ctx, input) {
      const { identity, store } = loadTill(ctx.db);
      const cart =
        input.saleId === undefined
          ? openCartsOf(ctx.db, identity.terminalId, ctx.operator.id)[0]
          : findCart(ctx.db, input.saleId);
      if (cart) {
        return {
          sale: viewOf(ctx.db, { cart, store, identity }, priceCartState(cart.state, store)),
          receipt: null,
        };
      }
      if (input.saleId === undefined) return null;
      const parts = loadCompletedSale(ctx.db, { id: input.saleId });
      if (!parts) throw new TillError('NOT_FOUND', 'No such sale.', { details: { saleId: input.saleId } });
      return completedSaleDetail(ctx.db, parts, { store, identity, copy: true });
    },
  },
  'sale.findByReceipt': {
    kind: 'query',
    access: 'employee',
    run(ctx, input) {
      const { identity, store } = loadTill(ctx.db);
      const receiptNumber = input.receiptNumber.toUpperCase();
      const parts = loadCompletedSale(ctx.db, { receiptNumber });
      if (!parts) {
        throw new TillError('NOT_FOUND', `No sale with receipt number ${receiptNumber}.`, {
          details: { receiptNumber },
        });
      }
      return completedSaleDetail(ctx.db, parts, { store, identity, copy: true });
    },
  },
});
