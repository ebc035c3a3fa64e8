// HID POS barcode scanner reports (usage page 0x8C, Scanned Data Report), as Honeywell, Zebra and
// Datalogic scanners send them in "HID POS" mode. One input report:
//   [0] report id (0x02) · [1] length of the data in this report · [2..4] AIM symbology identifier
//   (e.g. "]E0"; zeros when the scanner sends none) · [5..5+length) decoded data ·
//   last byte bit 0: more data follows in the next report (long codes span several reports).
// Pure: bytes in, scans out. The HidPosAssembler joins continuation reports into one scan.
export const HID_POS_USAGE_PAGE = 0x8c;
export const SCANNED_DATA_REPORT_ID = 0x02;

export interface HidPosReport {
  data: Uint8Array;
  /** "]E0", or null when the identifier bytes are zero. */
  symbology: string | null;
  more: boolean;
}

/** Parses one input report; null for other reports (attributes, status) or malformed ones. */
export function parseHidPosReport(report: Uint8Array): HidPosReport | null {
  if (report.length < 6 || report[0] !== SCANNED_DATA_REPORT_ID) return null;
  const length = report[1] ?? 0;
  const start = 5;
  if (start + length > report.length) return null;
  const idBytes = report.subarray(2, 5);
  const symbology = idBytes.every((b) => b === 0) ? null : Buffer.from(idBytes).toString('latin1');
  const last = report[report.length - 1] ?? 0;
  const more = start + length < report.length && (last & 0x01) === 1;
  return { data: report.slice(start, start + length), symbology, more };
}

export interface HidPosScan {
  data: string;
  symbology: string | null;
}

/** Joins a scan's reports (more = 1 on all but the last). */
export class HidPosAssembler {
  #parts: Uint8Array[] = [];
  #symbology: string | null = null;

  /** Returns the scan once its last report arrived, else null. */
  push(report: Uint8Array): HidPosScan | null {
    const parsed = parseHidPosReport(report);
    if (!parsed) return null;
    if (this.#parts.length === 0) this.#symbology = parsed.symbology;
    this.#parts.push(parsed.data);
    if (parsed.more) return null;
    const data = Buffer.concat(this.#parts)
      .toString('latin1')
      .replace(/[\r\n]+$/, '');
    const scan = { data, symbology: this.#symbology };
    this.#parts = [];
    this.#symbology = null;
    return data ? scan : null;
  }
}
