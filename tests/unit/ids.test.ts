import { describe, it, expect } from 'vitest';
import { isUuid, isUuidV7, newId } from '../../src-shared/domain/ids.js';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newId', () => {
  it('makes a lower-case canonical UUIDv7', () => {
    const id = newId();
    expect(id).toMatch(UUID_V7);
    expect(id).toHaveLength(36);
    expect(isUuid(id)).toBe(true);
    expect(isUuidV7(id)).toBe(true);
  });

  it('never repeats and sorts in creation order', () => {
    const ids = Array.from({ length: 2000 }, () => newId());
    expect(new Set(ids).size).toBe(2000);
    expect([...ids].sort()).toEqual(ids);
  });

  it('embeds the creation time in its first 48 bits', () => {
    const before = Date.now();
    const id = newId();
    const after = Date.now();
    const embeddedTime = parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
    expect(embeddedTime).toBeGreaterThanOrEqual(before);
    expect(embeddedTime).toBeLessThanOrEqual(after);
  });
});

describe('isUuid', () => {
  it.each([
    ['0190a6f4-8c3b-7d2e-9f10-1a2b3c4d5e6f', true],
    ['0190A6F4-8C3B-7D2E-9F10-1A2B3C4D5E6F', true],
    ['9b2e4f3a-1c5d-4e6f-8a7b-0c1d2e3f4a5b', true],
    ['00000000-0000-0000-0000-000000000000', true],
    ['', false],
    ['not-a-uuid', false],
    ['0190a6f48c3b7d2e9f101a2b3c4d5e6f', false],
    ['0190a6f4-8c3b-7d2e-9f10-1a2b3c4d5e6', false],
    ['0190a6f4-8c3b-7d2e-9f10-1a2b3c4d5e6g', false],
    [' 0190a6f4-8c3b-7d2e-9f10-1a2b3c4d5e6f', false],
  ])('%j → %s', (s, expected) => {
    expect(isUuid(s)).toBe(expected);
  });

  it('tells a v7 from other versions', () => {
    expect(isUuidV7('0190a6f4-8c3b-7d2e-9f10-1a2b3c4d5e6f')).toBe(true);
    expect(isUuidV7('9b2e4f3a-1c5d-4e6f-8a7b-0c1d2e3f4a5b')).toBe(false);
    expect(isUuidV7('garbage')).toBe(false);
  });
});
