// A table's column headings from a list: each a `th scope="col"`, numbers right-aligned (`num`), and a column
// whose heading only a screen reader needs (a row's buttons) labelled visually hidden. `false` skips a column.
import type { ReactNode } from 'react';

export interface Column {
  label: ReactNode;
  num?: boolean;
  /** Heard, not seen (the actions column). */
  hidden?: boolean;
}

export function ColumnHeads(props: { columns: readonly (Column | false)[] }) {
  return (
    <thead>
      <tr>
        {props.columns.map((column, index) =>
          column === false ? null : (
            <th key={index} scope="col" className={column.num ? 'num' : undefined}>
              {column.hidden ? <span className="visually-hidden">{column.label}</span> : column.label}
            </th>
          ),
        )}
      </tr>
    </thead>
  );
}
