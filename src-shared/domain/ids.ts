/**
 * Record ids: every record created anywhere (till or cloud) gets a UUIDv7 at creation, so tills create
 * records offline without collisions and ids sort roughly by creation time.
 */
import { v7 as uuidv7, validate as uuidValidate, version as uuidVersion } from 'uuid';

/** A fresh UUIDv7, lower-case canonical form (e.g. "019a6b2e-7c1f-7d3a-9b4e-5f0a1c2d3e4f"). */
export function newId(): string {
  return uuidv7();
}

/** True for any RFC 9562 UUID in canonical 8-4-4-4-12 form (any case, versions 1–8, nil and max). */
export function isUuid(s: string): boolean {
  return uuidValidate(s);
}

/** True only for a version-7 UUID (the kind `newId` makes). */
export function isUuidV7(s: string): boolean {
  return isUuid(s) && uuidVersion(s) === 7;
}
