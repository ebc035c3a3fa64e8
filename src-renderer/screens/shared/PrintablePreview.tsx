// A printable document beside its actions: the same paper column and print rules as the sale receipt
// (styles/receipt.css — only the paper prints). Used for the refund receipt and the X and Z reports.
import type { ReactNode } from 'react';

export function PrintablePreview(props: { titleId: string; actions: ReactNode; children: ReactNode }) {
  return (
    <div className="receipt-screen">
      <section className="receipt-actions no-print" aria-labelledby={props.titleId}>
        {props.actions}
      </section>
      <div className="receipt-paper">{props.children}</div>
    </div>
  );
}
