// DRF wording for the commonest zod issues, configured once for the server process (imported by app.ts).
import { z } from 'zod';

let configured = false;

export function useDrfMessages(): void {
  if (configured) return;
  configured = true;
  z.config({
    customError: (issue) => {
      if (issue.code === 'invalid_type') {
        if (issue.input === undefined) return 'This field is required.';
        if (issue.input === null) return 'This field may not be null.';
        if (issue.expected === 'string') return 'Not a valid string.';
        if (issue.expected === 'number') return 'A valid number is required.';
        if (issue.expected === 'boolean') return 'Must be a valid boolean.';
        if (issue.expected === 'array')
          return `Expected a list of items but got type "${typeof issue.input}".`;
        if (issue.expected === 'object') return 'Invalid data. Expected a dictionary.';
      }
      if (issue.code === 'too_small' && issue.origin === 'string' && issue.minimum === 1) {
        return 'This field may not be blank.';
      }
      if (issue.code === 'too_big' && issue.origin === 'string') {
        return `Ensure this field has no more than ${String(issue.maximum)} characters.`;
      }
      if (issue.code === 'too_small' && issue.origin === 'string') {
        return `Ensure this field has at least ${String(issue.minimum)} characters.`;
      }
      if (issue.code === 'invalid_value') {
        return issue.input === undefined ? 'This field is required.' : 'Select a valid choice.';
      }
      return undefined;
    },
  });
}
