// `npm run devices:sim`: virtual devices for development, for a till running in browser mode.
// - a network receipt printer on 127.0.0.1 (default port 9100): each job it receives is written, decoded
//   to text (with [CUT], [DRAWER KICK …], [BARCODE …], [QR …] markers), to .data/sim/printer/*.txt
//   (the raw bytes beside it as .bin);
// - a serial barcode scanner on a socat pseudo-terminal (.data/sim/scanner): type a barcode here and
//   press Enter — the scanner sends it with a CR suffix.
// With TILL_URL and TILL_TOKEN (printed by `npm start`) it configures the till over the browser-mode API
// (logging in as the demo manager; log back in as the cashier afterwards); otherwise it prints the
// device configuration to enter.
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { DeviceConfigInput } from '../../src-shared/contract/device.js';
import { demoBarcode } from '../../src-main/ledger/seed/demo-store.js';
import { decodeEscPos, printoutText } from '../support/escpos/decoder.js';
import { VirtualNetworkPrinter } from '../support/escpos/virtual-printer.js';
import { VirtualSerialDevice } from '../support/virtual-serial.js';

const root = resolve(process.env.SIM_DIR ?? '.data/sim');
const printerDir = resolve(root, 'printer');
mkdirSync(printerDir, { recursive: true });

async function startPrinter(): Promise<VirtualNetworkPrinter> {
  const printer = new VirtualNetworkPrinter();
  const wanted = Number(process.env.SIM_PRINTER_PORT ?? 9100);
  try {
    await printer.on(wanted);
  } catch {
    await printer.on(0);
    console.log(`port ${String(wanted)} is taken: the printer listens on ${String(printer.port)} instead`);
  }
  return printer;
}

async function rpc(url: string, token: string, method: string, input: unknown): Promise<unknown> {
  const response = await fetch(new URL(`/rpc/${method}`, url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(input),
  });
  const body = (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error?.message ?? response.statusText}`);
  return body.value;
}

async function configureTill(configs: DeviceConfigInput[]): Promise<boolean> {
  const url = process.env.TILL_URL;
  const token = process.env.TILL_TOKEN ?? (url ? new URL(url).searchParams.get('token') : null);
  if (!url || !token) return false;
  await rpc(url, token, 'auth.login', {
    phone: process.env.SIM_MANAGER_PHONE ?? '0700000002',
    password: process.env.SIM_MANAGER_PASSWORD ?? 'manager1234',
  });
  const list = (await rpc(url, token, 'device.list', {})) as { configured: { id: string; name: string }[] };
  let printerId: string | null = null;
  for (const config of configs) {
    const existing = list.configured.find((d) => d.name === config.name);
    const input =
      config.kind === 'drawer' && printerId
        ? { ...config, connection: { type: 'printer', printerId } }
        : config;
    const view = (await rpc(url, token, 'device.configure', {
      ...input,
      ...(existing ? { id: existing.id } : {}),
    })) as {
      id: string;
    };
    if (config.kind === 'printer') printerId = view.id;
  }
  console.log('configured the till (logged in as the demo manager: log in as the cashier again to sell)');
  return true;
}

const printer = await startPrinter();
let count = 0;
printer.onJob((job) => {
  count += 1;
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const base = resolve(printerDir, `job-${String(count).padStart(4, '0')}-${stamp}`);
  writeFileSync(`${base}.bin`, job.bytes);
  writeFileSync(`${base}.txt`, printoutText(decodeEscPos(job.bytes)));
  console.log(`printed ${base}.txt`);
});

const scanner = new VirtualSerialDevice(resolve(root, 'scanner'));
await scanner.start();

const configs: DeviceConfigInput[] = [
  {
    kind: 'printer',
    name: 'Sim printer',
    connection: { type: 'tcp', host: '127.0.0.1', port: printer.port },
  },
  {
    kind: 'drawer',
    name: 'Sim drawer',
    connection: { type: 'printer', printerId: '<the Sim printer id>' },
  } as unknown as DeviceConfigInput,
  {
    kind: 'scanner',
    name: 'Sim scanner',
    connection: { type: 'serial', path: scanner.path },
    settings: { suffix: 'cr' },
  },
];

console.log(`network printer: 127.0.0.1:${String(printer.port)} → ${printerDir}/*.txt`);
console.log(`serial scanner:  ${scanner.path} (type a barcode below and press Enter)`);
const configured = await configureTill(configs).catch((error: unknown) => {
  console.log(`could not configure the till: ${error instanceof Error ? error.message : String(error)}`);
  return false;
});
if (!configured) {
  console.log('Configure the till (Devices screen, or device.configure as a manager) with:');
  for (const c of configs) console.log(`  ${JSON.stringify(c)}`);
  console.log('(or run with TILL_URL=<the URL npm start prints> [TILL_TOKEN=<token>] to do it for you)');
}
console.log(
  `demo barcodes: ${demoBarcode(1)} (Kabras Sugar 1kg), ${demoBarcode(2)} (Brookside Milk 500ml); a SKU like SUG-001 works too`,
);

const input = createInterface({ input: process.stdin });
input.on('line', (line) => {
  const code = line.trim();
  if (code) scanner.send(`${code}\r`);
});

const shutdown = async () => {
  input.close();
  await scanner.stop();
  await printer.off();
  process.exit(0);
};
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
input.on('close', () => void shutdown());
