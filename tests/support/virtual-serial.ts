// A virtual serial device: socat makes a pseudo-terminal whose slave side is linked at `path` (what the
// till opens, like /dev/ttyUSB0); the test is the device at the other end, through socat's stdin/stdout.
// stop() = unplug (the link disappears), start() again = replug on the same path.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';

export class VirtualSerialDevice {
  #child: ChildProcess | null = null;
  #received: Buffer[] = [];
  #listeners = new Set<() => void>();

  constructor(readonly path: string) {}

  async start(): Promise<void> {
    const child = spawn('socat', [`pty,raw,echo=0,link=${this.path}`, 'STDIO'], {
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    child.stdout.on('data', (chunk: Buffer) => {
      this.#received.push(chunk);
      for (const l of this.#listeners) l();
    });
    this.#child = child;
    for (let i = 0; i < 200 && !existsSync(this.path); i++) await new Promise((r) => setTimeout(r, 10));
    if (!existsSync(this.path)) throw new Error(`socat did not create ${this.path}`);
  }

  /** What the device sends to the till (a scanner's barcode). */
  send(data: string | Uint8Array): void {
    if (!this.#child?.stdin) throw new Error('the virtual device is unplugged');
    this.#child.stdin.write(data);
  }

  /** Everything the till wrote to the device so far. */
  received(): Buffer {
    return Buffer.concat(this.#received);
  }

  clear(): void {
    this.#received = [];
  }

  /** Resolves when what the till wrote satisfies `test`. */
  waitFor(test: (received: Buffer) => boolean, timeoutMs = 10_000): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const all = this.received();
        if (test(all)) {
          this.#listeners.delete(check);
          clearTimeout(timer);
          resolve(all);
        }
      };
      const timer = setTimeout(() => {
        this.#listeners.delete(check);
        reject(new Error(`the device at ${this.path} never got what was expected`));
      }, timeoutMs);
      this.#listeners.add(check);
      check();
    });
  }

  /** Unplug: socat exits and removes the link. */
  async stop(): Promise<void> {
    const child = this.#child;
    this.#child = null;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => {
        resolve();
      });
      child.kill('SIGTERM');
    });
  }
}
