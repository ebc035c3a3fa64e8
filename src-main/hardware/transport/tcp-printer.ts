// Raw TCP (port 9100, "JetDirect") printers: one connection per session — connect, optional status
// query, write, half-close, and the session ends once the socket has flushed and the printer closed.
import { Socket } from 'node:net';
import { ReplyBuffer, TaskChain, type PrinterSession, type PrinterTransport } from './printer-transport.js';

export interface TcpPrinterOptions {
  host: string;
  port: number;
  connectTimeoutMs?: number;
}

function connect(host: string, port: number, timeoutMs: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = new Socket();
    socket.setNoDelay(true);
    const fail = (error: Error) => {
      socket.destroy();
      reject(error);
    };
    socket.setTimeout(timeoutMs, () => {
      fail(new Error(`no answer from ${host}:${String(port)} within ${String(timeoutMs)} ms`));
    });
    socket.once('error', fail);
    socket.connect(port, host, () => {
      socket.setTimeout(0);
      socket.off('error', fail);
      resolve(socket);
    });
  });
}

/** Half-closes and waits until the printer has every byte and closed its side (or a grace period passed). */
function finish(socket: Socket, graceMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let flushed = false;
    const timer = setTimeout(() => {
      socket.destroy();
      if (flushed) resolve();
      else reject(new Error('the printer stopped taking data'));
    }, graceMs);
    socket.once('error', (error) => {
      clearTimeout(timer);
      if (flushed) resolve();
      else reject(error);
    });
    socket.once('close', () => {
      clearTimeout(timer);
      if (flushed) resolve();
      else reject(new Error('the printer closed the connection early'));
    });
    socket.end(() => {
      flushed = true;
    });
  });
}

export class TcpPrinterTransport implements PrinterTransport {
  readonly description: string;
  readonly #chain = new TaskChain();

  constructor(private readonly options: TcpPrinterOptions) {
    this.description = `tcp ${options.host}:${String(options.port)}`;
  }

  session<T>(fn: (s: PrinterSession) => Promise<T>): Promise<T> {
    return this.#chain.run(async () => {
      const socket = await connect(
        this.options.host,
        this.options.port,
        this.options.connectTimeoutMs ?? 3000,
      );
      const replies = new ReplyBuffer();
      socket.on('data', (chunk: Buffer) => {
        replies.push(chunk);
      });
      const errors: Error[] = [];
      socket.on('error', (error) => errors.push(error));
      const session: PrinterSession = {
        write: (bytes) =>
          new Promise((resolve, reject) => {
            if (errors[0]) {
              reject(errors[0]);
              return;
            }
            socket.write(bytes, (error) => {
              if (error) reject(error);
              else resolve();
            });
          }),
        request: async (query, timeoutMs) => {
          await session.write(query);
          return replies.next(timeoutMs);
        },
      };
      try {
        const result = await fn(session);
        await finish(socket, 5000);
        return result;
      } catch (error) {
        socket.destroy();
        throw error;
      }
    });
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
