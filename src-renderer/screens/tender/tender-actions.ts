// The tender screen's commands: add/remove a payment, complete the sale (one transaction in the ledger).
import type { TenderMethod } from '../../../src-shared/domain/tender.js';
import type { SaleCompleted, SaleView } from '../../../src-shared/contract/sale.js';
import { till } from '../../api/till.js';
import { useSaleStore } from '../../state/sale-store.js';

export async function addTender(
  saleId: string,
  method: TenderMethod,
  amount: number,
  reference: string,
): Promise<SaleView> {
  const ref = reference.trim();
  const sale = await till().call(
    'sale.tender',
    ref === '' ? { saleId, method, amount } : { saleId, method, amount, reference: ref },
  );
  useSaleStore.getState().setSale(sale);
  return sale;
}

export async function removeTender(saleId: string, tenderId: string): Promise<SaleView> {
  const sale = await till().call('sale.removeTender', { saleId, tenderId });
  useSaleStore.getState().setSale(sale);
  return sale;
}

export async function completeSale(saleId: string): Promise<SaleCompleted> {
  const done = await till().call('sale.complete', { saleId });
  useSaleStore.getState().setSale(null);
  return done;
}
