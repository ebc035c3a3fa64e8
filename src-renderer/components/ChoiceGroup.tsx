// A set of radio buttons in a named group (the legend): one choice of a few, each a touch-sized segment.
import type { ReactNode } from 'react';

export function ChoiceGroup<T extends string | number>(props: {
  legend: string;
  /** The radios' shared `name` (one group per form). */
  name: string;
  options: readonly T[];
  value: T;
  onChange: (value: T) => void;
  label: (option: T) => ReactNode;
  /** Segments side by side (default) or one under another. */
  layout?: 'row' | 'column';
  describedBy?: string;
}) {
  return (
    <fieldset
      className={props.layout === 'column' ? 'segmented-column' : 'segmented'}
      aria-describedby={props.describedBy}
    >
      <legend>{props.legend}</legend>
      {props.options.map((option) => (
        <label key={option} className="segment">
          <input
            type="radio"
            name={props.name}
            checked={props.value === option}
            onChange={() => {
              props.onChange(option);
            }}
          />
          {props.label(option)}
        </label>
      ))}
    </fieldset>
  );
}
