// The scan/search field: always focused on the till screen. Keystrokes are timed; Enter after a scanner
// burst is a scan (added straight to the sale), Enter after a person's typing picks the highlighted search
// result. Arrow keys move the highlight. The field keeps its own text (uncontrolled: a keystroke re-renders
// nothing); whoever ends an entry empties it through the ref.
import { forwardRef, useRef, type FocusEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { WedgeTracker } from '../../scanner/wedge-detector.js';

export interface ScanFieldProps {
  onChange: (value: string) => void;
  onScan: (code: string) => void;
  onTypedEnter: (text: string) => void;
  onArrow: (direction: 1 | -1) => void;
  onBlur: (event: FocusEvent<HTMLInputElement>) => void;
  activeOptionId: string | undefined;
  listId: string;
  expanded: boolean;
}

export const ScanField = forwardRef<HTMLInputElement, ScanFieldProps>(function ScanField(props, ref) {
  const { t } = useTranslation();
  const tracker = useRef(new WedgeTracker());
  return (
    <div className="scan-field">
      <label htmlFor="scan-input" className="field-label">
        {t('till.scanLabel')}
      </label>
      <input
        ref={ref}
        id="scan-input"
        className="input input-scan"
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-controls={props.listId}
        aria-expanded={props.expanded}
        aria-activedescendant={props.activeOptionId}
        autoComplete="off"
        spellCheck={false}
        placeholder={t('till.scanPlaceholder')}
        onKeyDown={(event) => {
          const input = event.currentTarget;
          if (event.key === 'Enter') {
            event.preventDefault();
            const kind = tracker.current.enter(event.timeStamp);
            const text = input.value.trim();
            if (text === '') return;
            // Enter commits the entry: empty the field now, not at React's next render — the next scan's
            // keys may already be coming (and a slow answer must not see them appended to this code).
            input.value = '';
            props.onChange('');
            if (kind === 'scan') props.onScan(text);
            else props.onTypedEnter(text);
            return;
          }
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            props.onArrow(event.key === 'ArrowDown' ? 1 : -1);
            return;
          }
          if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
            // Only typing at the end of the field counts towards a scan; any other edit starts over.
            const atEnd =
              input.selectionStart === input.value.length && input.selectionEnd === input.value.length;
            if (!atEnd || input.value === '') tracker.current.reset();
            tracker.current.key(event.key, event.timeStamp);
          } else if (event.key === 'Backspace' || event.key === 'Delete') {
            tracker.current.reset();
          }
        }}
        onChange={(event) => {
          props.onChange(event.target.value);
        }}
        onBlur={props.onBlur}
      />
    </div>
  );
});
