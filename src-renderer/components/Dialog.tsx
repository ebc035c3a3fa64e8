// A modal dialog on the native <dialog> (showModal: focus stays inside, the page behind is inert, Escape
// cancels). While open, its shortcuts (Escape = cancel, plus any given) are the only ones that work.
// Closing returns focus to the scan field (the till screen listens for the close via onClose).
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Shortcut } from '../shortcuts/shortcut-registry.js';
import { useShortcuts } from '../shortcuts/shortcuts.js';

export interface DialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Submit handler: the dialog body is a form, Enter in a field submits. */
  onSubmit?: () => void;
  submitLabel?: string;
  submitDisabled?: boolean;
  busy?: boolean;
  shortcuts?: readonly Shortcut[];
  wide?: boolean;
}

export function Dialog(props: DialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const { onClose } = props;

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      dialog?.close();
    };
  }, []);

  useShortcuts([{ key: 'Escape', labelKey: 'common.cancel', run: onClose }, ...(props.shortcuts ?? [])], {
    modal: true,
  });

  return (
    <dialog
      ref={ref}
      className={props.wide ? 'dialog dialog-wide' : 'dialog'}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          if (!props.submitDisabled && !props.busy) props.onSubmit?.();
        }}
      >
        <h2 id={titleId} className="dialog-title">
          {props.title}
        </h2>
        <div className="dialog-body">{props.children}</div>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          {props.onSubmit && (
            <button
              type="submit"
              className="button button-primary"
              disabled={props.submitDisabled === true || props.busy === true}
            >
              {props.submitLabel ?? t('common.ok')}
            </button>
          )}
        </div>
      </form>
    </dialog>
  );
}
