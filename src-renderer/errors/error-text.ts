// Turns whatever a till call threw into plain words for the cashier: a TillError's stable `code` picks the
// i18n key `errors.<CODE>` (every code in TILL_ERROR_CODES has one, plus the domain codes the screens meet);
// a code without a key falls back to the till's own message; anything else is "something went wrong".
// Pure: the translate functions are passed in (i18next's t/exists in the app, plain maps in tests).

export interface Translator {
  t: (key: string, options?: Record<string, unknown>) => string;
  exists: (key: string) => boolean;
}

export interface PresentedError {
  /** The TillError code, or 'UNEXPECTED'. */
  code: string;
  text: string;
  /** VALIDATION_FAILED: the field messages, to show under the headline. */
  details: string[];
}

interface ErrorLike {
  code: string;
  message: string;
  fieldErrors?: Record<string, string[]> | undefined;
}

function isErrorLike(error: unknown): error is ErrorLike {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

export function presentError(error: unknown, tr: Translator): PresentedError {
  if (!isErrorLike(error)) {
    return { code: 'UNEXPECTED', text: tr.t('errors.UNEXPECTED'), details: [] };
  }
  const key = `errors.${error.code}`;
  const text = tr.exists(key) ? tr.t(key, { message: error.message }) : error.message;
  const details = Object.entries(error.fieldErrors ?? {}).map(
    ([field, messages]) => `${field}: ${messages.join(', ')}`,
  );
  return { code: error.code, text, details };
}
