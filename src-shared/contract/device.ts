// device.*: the till's hardware — receipt printers, cash drawers, scanners, customer displays — their
// persisted configuration, what is plugged in (detected), live status and the print queue.
// Status changes are pushed as the 'device.status' event ({ deviceId, status: DeviceStatus }); scans as
// 'scanner.scan'. Every method is synchronous: I/O happens after commit in the hardware manager, so
// device.test and device.reprint answer with what was queued, and the screen follows device.status /
// device.printJobs for the outcome.
import { z } from 'zod';
import { idSchema } from './common.js';
import { defineMethod } from './method.js';

export const DEVICE_KINDS = ['printer', 'drawer', 'scanner', 'display'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

/**
 * online: reachable and ready · offline: cannot be reached (connection refused, unplugged) · connecting:
 * (re)connecting with backoff · paper_low / paper_out / cover_open: what the printer reports (DLE EOT) ·
 * drawer_open: the drawer sensor reads open · disabled: configured but switched off · unknown: not tried yet.
 */
export const DEVICE_STATUSES = [
  'online',
  'offline',
  'connecting',
  'paper_low',
  'paper_out',
  'cover_open',
  'drawer_open',
  'disabled',
  'unknown',
] as const;
export type DeviceStatus = (typeof DEVICE_STATUSES)[number];

/** The `deviceId` of the 'device.status' event that says the detected (plugged-in) list changed. */
export const DETECTED_DEVICES_EVENT_ID = 'detected';

/** Codepages the receipt printer can be set to (ESC t on Epson-compatible printers); cp858 = Latin-1 + €. */
export const PRINTER_CODEPAGES = ['cp858', 'cp437', 'cp850', 'windows1252'] as const;
export type PrinterCodepage = (typeof PRINTER_CODEPAGES)[number];

/** How the logo's greys become printer dots (the encoder's algorithms). */
export const LOGO_DITHERS = ['threshold', 'atkinson', 'floydsteinberg', 'bayer'] as const;
export type LogoDither = (typeof LOGO_DITHERS)[number];

const pathSchema = z.string().trim().min(1, 'give the device path').max(255);

export const serialConnectionSchema = z.strictObject({
  type: z.literal('serial'),
  /** /dev/ttyUSB0, /dev/ttyACM0, /dev/serial/by-id/…, COM3 */
  path: pathSchema,
  baudRate: z.number().int().min(300).max(921_600).default(9600),
  dataBits: z.union([z.literal(7), z.literal(8)]).default(8),
  parity: z.enum(['none', 'even', 'odd']).default('none'),
  stopBits: z.union([z.literal(1), z.literal(2)]).default(1),
  flowControl: z.enum(['none', 'rtscts', 'xonxoff']).default('none'),
});

export const tcpConnectionSchema = z.strictObject({
  type: z.literal('tcp'),
  host: z.string().trim().min(1, 'give the printer address').max(253),
  port: z.number().int().min(1).max(65_535).default(9100),
});

/** The Linux USB printer-class device file. */
export const usbLpConnectionSchema = z.strictObject({
  type: z.literal('usblp'),
  path: z.string().regex(/^\/dev\/usb\/lp\d+$/, 'a USB printer is /dev/usb/lpN'),
});

export const hidConnectionSchema = z.strictObject({
  type: z.literal('hid'),
  vendorId: z.number().int().min(0).max(0xffff),
  productId: z.number().int().min(0).max(0xffff),
  /** hidpos: HID POS scanner (usage page 0x8C); keyboard: a keyboard-mode scanner claimed by vid/pid. */
  mode: z.enum(['hidpos', 'keyboard']).default('hidpos'),
});

/** A drawer wired to a printer's drawer-kick port. */
export const viaPrinterConnectionSchema = z.strictObject({ type: z.literal('printer'), printerId: idSchema });

const nameSchema = z.string().trim().min(1, 'give the device a name').max(60);

export const printerSettingsSchema = z.strictObject({
  /** 48 columns = 80 mm paper, 32 = 58 mm. */
  columns: z.union([z.literal(32), z.literal(48)]).default(48),
  codepage: z.enum(PRINTER_CODEPAGES).default('cp858'),
  cut: z.enum(['partial', 'full', 'none']).default('partial'),
  /** Ask DLE EOT status before each job (paper out, offline); printers that never answer just print. */
  statusQuery: z.boolean().default(true),
  statusTimeoutMs: z.number().int().min(20).max(5000).default(300),
  /** The printer sale/refund receipts, reports and slips go to (the first enabled one if several). */
  receipts: z.boolean().default(true),
  barcode: z.boolean().default(true),
  qr: z.boolean().default(true),
  /**
   * A PNG on the till's machine printed at the top of sale and refund receipts and the test page, scaled
   * down to fit the paper (384 dots on 58 mm, 576 on 80 mm) and at most 240 dots tall. device.configure
   * refuses a file that is missing or not a readable PNG; it is decoded once per configuration.
   */
  logoPath: z.string().trim().min(1, 'give the path of a PNG file').max(1024).optional(),
  /** How the logo's greys become dots (default atkinson; threshold for crisp black-and-white art). */
  logoDither: z.enum(LOGO_DITHERS).optional(),
});

export const drawerSettingsSchema = z.strictObject({
  /** Drawer-kick connector pin: 2 (drawer 1) or 5 (drawer 2). */
  pin: z.union([z.literal(2), z.literal(5)]).default(2),
  /** ESC p pulse on/off times in ms (sent in 2 ms units). */
  onMs: z.number().int().min(2).max(510).default(100),
  offMs: z.number().int().min(2).max(510).default(500),
  openOnCash: z.boolean().default(true),
  openOnNoSale: z.boolean().default(true),
  /** Read the drawer sensor (DLE EOT 1, bit 2) through the printer. */
  sensor: z.boolean().default(false),
});

export const scannerSettingsSchema = z.strictObject({
  /** What ends a scan on a serial scanner. */
  suffix: z.enum(['cr', 'lf', 'crlf', 'tab', 'none']).default('cr'),
  /** With suffix 'none': a scan ends after this much silence. */
  idleMs: z.number().int().min(5).max(2000).default(50),
});

export const displaySettingsSchema = z.strictObject({
  /** escpos: ESC/POS customer-display commands (clear, cursor home); plain: text with CR LF. */
  protocol: z.enum(['escpos', 'plain']).default('escpos'),
  columns: z.number().int().min(8).max(40).default(20),
  welcome: z.string().max(40).default('Welcome'),
});

const common = { id: idSchema.optional(), name: nameSchema, enabled: z.boolean().default(true) };

/** device.configure input: create (no id) or replace (id) one device's configuration. */
export const deviceConfigSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('printer'),
    ...common,
    connection: z.discriminatedUnion('type', [
      tcpConnectionSchema,
      serialConnectionSchema,
      usbLpConnectionSchema,
    ]),
    settings: printerSettingsSchema.prefault({}),
  }),
  z.strictObject({
    kind: z.literal('drawer'),
    ...common,
    connection: z.discriminatedUnion('type', [viaPrinterConnectionSchema, serialConnectionSchema]),
    settings: drawerSettingsSchema.prefault({}),
  }),
  z.strictObject({
    kind: z.literal('scanner'),
    ...common,
    connection: z.discriminatedUnion('type', [serialConnectionSchema, hidConnectionSchema]),
    settings: scannerSettingsSchema.prefault({}),
  }),
  z.strictObject({
    kind: z.literal('display'),
    ...common,
    connection: z.discriminatedUnion('type', [serialConnectionSchema, tcpConnectionSchema]),
    settings: displaySettingsSchema.prefault({}),
  }),
]);
export type DeviceConfigInput = z.input<typeof deviceConfigSchema>;
/** A stored configuration (defaults applied); `id` is always set once stored. */
export type DeviceConfig = z.output<typeof deviceConfigSchema> & { id: string };
export type PrinterConfig = Extract<DeviceConfig, { kind: 'printer' }>;
export type DrawerConfig = Extract<DeviceConfig, { kind: 'drawer' }>;
export type ScannerConfig = Extract<DeviceConfig, { kind: 'scanner' }>;
export type DisplayConfig = Extract<DeviceConfig, { kind: 'display' }>;
export type SerialConnection = z.output<typeof serialConnectionSchema>;

/** A configured device with its live status. */
export type DeviceView = DeviceConfig & {
  status: DeviceStatus;
  /** Why, in words ("connection refused", "paper out"); null when online, unless its logo cannot be printed. */
  detail: string | null;
  statusAt: string | null;
  createdAt: string;
  updatedAt: string;
};

/** Something plugged in that could be configured. */
export interface DetectedDevice {
  type: 'serial' | 'hid' | 'usblp';
  /** Serial port / lp path; HID path (informational: HID devices are configured by vendor/product id). */
  path: string | null;
  vendorId: number | null;
  productId: number | null;
  manufacturer: string | null;
  product: string | null;
  serialNumber: string | null;
  /** HID usage page (0x8C = HID POS barcode scanner). */
  usagePage: number | null;
  /** The configured device using it, if any. */
  configuredAs: string | null;
}

export interface DeviceList {
  configured: DeviceView[];
  /** From the last background scan (device.list starts a new one; a 'device.status' event with deviceId 'detected' says it changed). */
  detected: DetectedDevice[];
  detectedAt: string | null;
}

export const PRINT_JOB_KINDS = ['sale', 'refund', 'x_report', 'z_report', 'session_close', 'test'] as const;
export type PrintJobKind = (typeof PRINT_JOB_KINDS)[number];
/** pending: waiting for its printer (offline printers keep jobs here) · printed: the last byte was written · cancelled. */
export type PrintJobStatus = 'pending' | 'printed' | 'cancelled';

export interface PrintJobView {
  id: string;
  printerId: string;
  printerName: string | null;
  kind: PrintJobKind;
  /** Sale / refund / session id the job prints (null for test pages and X reports). */
  documentId: string | null;
  /** "Receipt T01-000123", "Z report T01-Z0001", "Test page". */
  label: string;
  copy: boolean;
  status: PrintJobStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  printedAt: string | null;
}

export interface DeviceTestResult {
  deviceId: string;
  action: 'test_page' | 'kick' | 'display_text' | 'listen';
  /** The queued test page (printers). */
  jobId: string | null;
  at: string;
}

const reprintSchema = z
  .strictObject({
    kind: z.enum(['sale', 'refund', 'x_report', 'z_report']),
    /** Sale id, refund id, or the session id of a Z report. */
    documentId: idSchema.optional(),
    /** Receipt number (T01-000123) or refund number (T01-R000001). */
    number: z.string().trim().min(1).max(40).optional(),
    /** Another printer than the receipt printer. */
    printerId: idSchema.optional(),
  })
  .refine((v) => v.kind === 'x_report' || v.documentId !== undefined || v.number !== undefined, {
    message: 'give the document id or its number',
    path: ['documentId'],
  });

export const deviceMethods = {
  /** Configured devices with live status, and what is plugged in. Any role (the screen shows status). */
  'device.list': defineMethod<DeviceList>()(z.strictObject({})),
  /** Adds or replaces a device's configuration (manager or owner); audited. The device (re)connects. */
  'device.configure': defineMethod<DeviceView>()(deviceConfigSchema),
  /** Removes a device (manager or owner); its pending print jobs stay queued for device.retry to move. */
  'device.remove': defineMethod<{ removed: true; id: string }>()(z.strictObject({ id: idSchema })),
  /** Printer: prints a test page · drawer: kicks it · display: shows a test line · scanner: nothing to send (its scans arrive as 'scanner.scan'). Manager or owner. */
  'device.test': defineMethod<DeviceTestResult>()(z.strictObject({ id: idSchema })),
  /** The print queue, newest first. */
  'device.printJobs': defineMethod<PrintJobView[]>()(
    z.strictObject({
      status: z.enum(['pending', 'printed', 'cancelled', 'all']).default('all'),
      limit: z.number().int().min(1).max(200).default(50),
    }),
  ),
  /** Queues a COPY of a receipt or report (an X report is printed as of now). */
  'device.reprint': defineMethod<PrintJobView>()(reprintSchema),
  /** Tries a pending job again now, optionally on another printer. */
  'device.retry': defineMethod<PrintJobView>()(
    z.strictObject({ jobId: idSchema, printerId: idSchema.optional() }),
  ),
  /** Drops a pending job (manager or owner). */
  'device.cancelJob': defineMethod<PrintJobView>()(z.strictObject({ jobId: idSchema })),
};
