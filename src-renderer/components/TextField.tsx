// One labelled text input: the label wraps the field (so the label text is its accessible name), an optional
// hint below it (inside the label, referenced by aria-describedby). `kind` sets the input attributes a kind of
// value always wants: an amount (money or quantity, decimal keypad), a PIN (hidden, numeric keypad), a search.
import { useId, type InputHTMLAttributes, type ReactNode, type Ref } from 'react';

export type TextFieldKind = 'text' | 'amount' | 'pin' | 'search';

type KindAttributes = Pick<InputHTMLAttributes<HTMLInputElement>, 'type' | 'inputMode' | 'autoComplete'>;

const KIND_ATTRIBUTES: Readonly<Record<TextFieldKind, KindAttributes>> = {
  text: { type: 'text' },
  amount: { type: 'text', inputMode: 'decimal' },
  pin: { type: 'password', inputMode: 'numeric', autoComplete: 'off' },
  search: { type: 'search' },
};

export interface TextFieldProps extends Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'value' | 'onChange' | 'type' | 'className'
> {
  label: ReactNode;
  value: string;
  onValue: (value: string) => void;
  kind?: TextFieldKind;
  /** Large type (the amount on the tender screen, a receipt number, a search). */
  large?: boolean;
  hint?: ReactNode;
  ref?: Ref<HTMLInputElement>;
}

export function TextField({
  label,
  value,
  onValue,
  kind = 'text',
  large = false,
  hint,
  ...input
}: TextFieldProps) {
  const hintId = useId();
  const className = ['input', kind === 'amount' ? 'input-money' : '', large ? 'input-large' : '']
    .filter((name) => name !== '')
    .join(' ');
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      <input
        className={className}
        {...KIND_ATTRIBUTES[kind]}
        {...input}
        {...(hint === undefined ? {} : { 'aria-describedby': hintId })}
        value={value}
        onChange={(e) => {
          onValue(e.target.value);
        }}
      />
      {hint !== undefined && (
        <span id={hintId} className="hint">
          {hint}
        </span>
      )}
    </label>
  );
}
