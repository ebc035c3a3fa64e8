// TillError codes → plain words, in English and Kiswahili; unknown codes fall back to the till's message.
import { describe, expect, it } from 'vitest';
import { TILL_ERROR_CODES, TillError } from '../../../src-shared/contract/errors.js';
import { HOST_UNREACHABLE } from '../../../src-shared/contract/till-client.js';
import { presentError, type Translator } from '../../../src-renderer/errors/error-text.js';
import en from '../../../src-renderer/i18n/en.json' with { type: 'json' };
import sw from '../../../src-renderer/i18n/sw.json' with { type: 'json' };

function translator(resource: unknown): Translator {
  const lookup = (key: string): unknown =>
    key
      .split('.')
      .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], resource);
  return {
    exists: (key) => typeof lookup(key) === 'string',
    t: (key) => {
      const value = lookup(key);
      return typeof value === 'string' ? value : key;
    },
  };
}

function keysOf(node: unknown, prefix = ''): string[] {
  if (typeof node !== 'object' || node === null) return [prefix];
  return Object.entries(node).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k));
}

describe('presentError', () => {
  it('has plain words for every till error code, in both languages', () => {
    for (const [name, resource] of [
      ['en', en],
      ['sw', sw],
    ] as const) {
      const tr = translator(resource);
      for (const code of [...TILL_ERROR_CODES, HOST_UNREACHABLE, 'BAD_CHECK_DIGIT', 'OVER_TENDER_NON_CASH']) {
        expect(tr.exists(`errors.${code}`), `${name}: errors.${code}`).toBe(true);
      }
    }
  });

  it('shows the words for the code, not the technical message', () => {
    const shown = presentError(
      new TillError('UNKNOWN_BARCODE', 'No product has the code 6160000009992.'),
      translator(en),
    );
    expect(shown).toEqual({
      code: 'UNKNOWN_BARCODE',
      text: 'Unknown barcode: no product has this code. The sale is unchanged.',
      details: [],
    });
    expect(presentError(new TillError('APPROVAL_INVALID', 'Wrong manager PIN.'), translator(sw)).text).toBe(
      'PIN ya meneja si sahihi, au mtumiaji huyo hawezi kuidhinisha.',
    );
  });

  it("falls back to the till's message for a code without words", () => {
    const shown = presentError(new TillError('SOMETHING_NEW', 'A new rule said no.'), translator(en));
    expect(shown).toMatchObject({ code: 'SOMETHING_NEW', text: 'A new rule said no.' });
  });

  it('lists field messages of a validation error', () => {
    const shown = presentError(
      new TillError('VALIDATION_FAILED', 'Invalid input', {
        fieldErrors: { reference: ['enter the M-Pesa code'] },
      }),
      translator(en),
    );
    expect(shown.text).toBe('Some of what was entered is not valid.');
    expect(shown.details).toEqual(['reference: enter the M-Pesa code']);
  });

  it('says "something went wrong" for anything that is not a till error', () => {
    expect(presentError(new Error('boom'), translator(en))).toMatchObject({
      code: 'UNEXPECTED',
      text: 'Something went wrong on this screen. Try again.',
    });
    expect(presentError('a string', translator(en)).code).toBe('UNEXPECTED');
  });
});

describe('resource files', () => {
  it('English and Kiswahili have exactly the same keys', () => {
    expect(keysOf(sw).sort()).toEqual(keysOf(en).sort());
  });

  it('every Kiswahili string is filled in', () => {
    for (const key of keysOf(sw)) {
      expect(translator(sw).t(key).trim(), key).not.toBe('');
    }
  });
});
