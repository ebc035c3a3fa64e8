// A named list of things to pick from (clients, held sales): each a button with a main line and a detail line.
import type { ReactNode } from 'react';

export function PickList<T extends { id: string }>(props: {
  label: string;
  items: readonly T[];
  busy: boolean;
  onPick: (item: T) => void;
  main: (item: T) => ReactNode;
  sub: (item: T) => ReactNode;
  /** Shown after the items (e.g. a "none found" line). */
  children?: ReactNode;
}) {
  return (
    <ul className="pick-list" aria-label={props.label}>
      {props.items.map((item) => (
        <li key={item.id}>
          <button
            type="button"
            className="pick-item"
            disabled={props.busy}
            onClick={() => {
              props.onPick(item);
            }}
          >
            <span className="pick-main">{props.main(item)}</span>
            <span className="pick-sub">{props.sub(item)}</span>
          </button>
        </li>
      ))}
      {props.children}
    </ul>
  );
}
