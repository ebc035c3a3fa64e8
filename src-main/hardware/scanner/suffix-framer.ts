// Cuts a serial scanner's byte stream into scans: at the configured suffix (CR, LF, CR LF, Tab), or —
// with no suffix — after a moment of silence. Pure apart from the idle timer; used by the serial scanner.
import type { ScannerConfig } from '../../../src-shared/contract/device.js';

type Suffix = ScannerConfig['settings']['suffix'];

const TERMINATORS: Record<Exclude<Suffix, 'none'>, RegExp> = {
  cr: /\r/,
  lf: /\n/,
  crlf: /\r\n/,
  tab: /\t/,
};

export class SuffixFramer {
  #buffer = '';
  #timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly suffix: Suffix,
    private readonly idleMs: number,
    private readonly onScan: (raw: string) => void,
  ) {}

  push(chunk: Uint8Array): void {
    this.#buffer += Buffer.from(chunk).toString('latin1');
    if (this.suffix === 'none') {
      if (this.#timer) clearTimeout(this.#timer);
      this.#timer = setTimeout(() => {
        this.flush();
      }, this.idleMs);
      return;
    }
    const terminator = TERMINATORS[this.suffix];
    for (;;) {
      const match = terminator.exec(this.#buffer);
      if (!match) break;
      const raw = this.#buffer.slice(0, match.index);
      this.#buffer = this.#buffer.slice(match.index + match[0].length);
      this.#emit(raw);
    }
  }

  flush(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    const raw = this.#buffer;
    this.#buffer = '';
    this.#emit(raw);
  }

  #emit(raw: string): void {
    // CR LF scanners configured as 'cr' leave a leading LF on the next scan: strip stray controls.
    const clean = raw.replace(/^[\r\n\t]+|[\r\n\t]+$/g, '');
    if (clean) this.onScan(clean);
  }

  stop(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }
}
