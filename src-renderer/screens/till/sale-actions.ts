// The till screen's commands on the open sale. Each calls one sale.* method and puts the SaleView the
// ledger returns into the sale store; errors propagate to the caller, which reports them.
import type { Approval } from '../../../src-shared/contract/common.js';
import type { SaleView } from '../../../src-shared/contract/sale.js';
import type { Discount } from '../../../src-shared/domain/cart.js';
import { till } from '../../api/till.js';
import { useSaleStore } from '../../state/sale-store.js';

function apply(sale: SaleView): SaleView {
  useSaleStore.getState().setSale(sale);
  return sale;
}

/** The open sale's id, starting one when there is none (needs an open cash session). */
export async function ensureSaleId(): Promise<string> {
  const current = useSaleStore.getState().sale;
  if (current) return current.id;
  return apply(await till().call('sale.start', {})).id;
}

export async function addByCode(code: string): Promise<SaleView> {
  const saleId = await ensureSaleId();
  return apply(await till().call('sale.addItem', { saleId, code }));
}

export async function addProduct(productId: string, qtyMilli?: number): Promise<SaleView> {
  const saleId = await ensureSaleId();
  return apply(
    await till().call(
      'sale.addItem',
      qtyMilli === undefined ? { saleId, productId } : { saleId, productId, qtyMilli },
    ),
  );
}

export async function setQuantity(saleId: string, lineId: string, qtyMilli: number): Promise<SaleView> {
  return apply(await till().call('sale.setQuantity', { saleId, lineId, qtyMilli }));
}

export interface Authorised {
  reason: string;
  approval?: Approval;
}

function withApproval<T extends object>(input: T, auth: Authorised): T & Authorised {
  return auth.approval
    ? { ...input, reason: auth.reason, approval: auth.approval }
    : { ...input, reason: auth.reason };
}

export async function overridePrice(
  saleId: string,
  lineId: string,
  unitPrice: number | null,
  auth: Authorised,
): Promise<SaleView> {
  return apply(await till().call('sale.overridePrice', withApproval({ saleId, lineId, unitPrice }, auth)));
}

export async function voidLine(saleId: string, lineId: string, auth: Authorised): Promise<SaleView> {
  return apply(await till().call('sale.voidLine', withApproval({ saleId, lineId }, auth)));
}

export async function setLineDiscount(
  saleId: string,
  lineId: string,
  discount: Discount | null,
  auth: Authorised,
): Promise<SaleView> {
  return apply(await till().call('sale.setLineDiscount', withApproval({ saleId, lineId, discount }, auth)));
}

export async function setCartDiscount(
  saleId: string,
  discount: Discount | null,
  auth: Authorised,
): Promise<SaleView> {
  return apply(await till().call('sale.setCartDiscount', withApproval({ saleId, discount }, auth)));
}

export async function attachClient(clientId: string | null): Promise<SaleView> {
  const saleId = await ensureSaleId();
  return apply(await till().call('sale.attachClient', { saleId, clientId }));
}

export async function holdSale(saleId: string): Promise<void> {
  await till().call('sale.hold', { saleId });
  useSaleStore.getState().setSale(null);
}

export async function recallSale(saleId: string): Promise<SaleView> {
  return apply(await till().call('sale.recall', { saleId }));
}
