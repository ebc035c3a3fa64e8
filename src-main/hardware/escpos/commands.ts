// Raw ESC/POS commands the encoder library does not cover: real-time status (DLE EOT) and its replies,
// plus the drawer kick as bytes for drawers that are not behind a printer.
import type { DrawerConfig } from '../../../src-shared/contract/device.js';

/** DLE EOT n: 1 printer status (drawer sensor, offline), 2 offline cause (cover), 4 roll paper sensor. */
export function dleEot(n: 1 | 2 | 4): Uint8Array {
  return Uint8Array.of(0x10, 0x04, n);
}

/** ESC p m t1 t2 — pin 2 (m=0) or pin 5 (m=1), on/off times in 2 ms units. */
export function drawerKick(settings: DrawerConfig['settings']): Uint8Array {
  const units = (ms: number) => Math.max(1, Math.min(255, Math.round(ms / 2)));
  return Uint8Array.of(0x1b, 0x70, settings.pin === 5 ? 1 : 0, units(settings.onMs), units(settings.offMs));
}

export interface PrinterStatusReply {
  /** DLE EOT 1 bit 3. */
  offline: boolean;
  /** DLE EOT 1 bit 2: drawer kick connector pin 3 high — most drawers report "open" this way. */
  drawerOpen: boolean;
  /** DLE EOT 2 bit 2. */
  coverOpen: boolean;
  /** DLE EOT 4 bits 2-3. */
  paperLow: boolean;
  /** DLE EOT 4 bits 5-6 (or DLE EOT 2 bit 5). */
  paperOut: boolean;
}

/** A status byte is valid when bits 1 and 4 are set and bit 7 clear (0xx1xx1x). */
export function isStatusByte(b: number): boolean {
  return (b & 0x93) === 0x12;
}

export function parseStatus(printer: number, offlineCause: number, paper: number): PrinterStatusReply {
  return {
    offline: (printer & 0x08) !== 0,
    drawerOpen: (printer & 0x04) !== 0,
    coverOpen: (offlineCause & 0x04) !== 0,
    paperLow: (paper & 0x0c) !== 0,
    paperOut: (paper & 0x60) !== 0 || (offlineCause & 0x20) !== 0,
  };
}
