// Crash-safety child: rings sales in a loop on the given data dir until it is killed (SIGKILL by the test).
// After each committed sale it prints `done <receiptNumber>` — an acknowledgement the test holds it to.
import { openTill } from '../../src-main/till.js';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: crash-child <dataDir>');
const till = openTill({ dataDir, checkpointer: false });
till.call('auth.login', { phone: '0700000003', password: 'cashier1234' });
if (!till.call('session.current', {})) till.call('session.open', { openingFloat: 500_000 });
const codes = (
  till.ledger.raw
    .prepare(
      'select b.code from barcodes b join products p on p.id = b.product_id where p.is_active = 1 and p.sold_by_weight = 0 order by p.sku limit 30',
    )
    .all() as { code: string }[]
).map((r) => r.code);

let n = 0;
process.stdout.write('ready\n');
for (;;) {
  n++;
  const sale = till.call('sale.start', {});
  const lines = 1 + (n % 6);
  for (let i = 0; i < lines; i++)
    till.call('sale.addItem', { saleId: sale.id, code: codes[(n * 7 + i * 3) % codes.length] ?? '' });
  let view = till.call('sale.get', { saleId: sale.id });
  const due = view?.sale.payment.due ?? 0;
  if (n % 2 === 0 && due > 100) {
    till.call('sale.tender', {
      saleId: sale.id,
      method: 'MPESA',
      amount: Math.floor(due / 2),
      reference: `QK${n}`,
    });
    view = till.call('sale.get', { saleId: sale.id });
  }
  till.call('sale.tender', {
    saleId: sale.id,
    method: 'CASH',
    amount: (view?.sale.payment.balance ?? 0) + 5_000,
  });
  const { sale: done } = till.call('sale.complete', { saleId: sale.id });
  process.stdout.write(`done ${done.receiptNumber ?? '?'}\n`);
}
