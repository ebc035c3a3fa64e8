// Devices (manager): the configured printer, drawer, scanner and customer display with live status
// (device.list, refreshed on 'device.status'), a test for each (test print, open drawer, display text), the
// scanner test (the last 'scanner.scan' event), and a network printer's host/port/width. A kind with nothing
// configured — or a till without device.* methods — shows "not configured".
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DEVICE_KINDS,
  type DeviceList,
  type DeviceView,
  type PrinterConfig,
} from '../../../src-shared/contract/device.js';
import { TillError } from '../../../src-shared/contract/errors.js';
import { till } from '../../api/till.js';
import { ColumnHeads } from '../../components/ColumnHeads.js';
import { reportError, reportInfo } from '../../errors/report-error.js';
import type { Shortcut } from '../../shortcuts/shortcut-registry.js';
import { useShortcuts } from '../../shortcuts/shortcuts.js';
import { useScreenStore } from '../../state/screen-store.js';
import { useSessionStore } from '../../state/session-store.js';
import { isManager } from '../menu/menu-entries.js';
import { localDateTime } from '../shared/local-time.js';
import { connectionText, testLabelKey } from './device-words.js';
import { PrinterForm } from './PrinterForm.js';

interface LastScan {
  data: string;
  symbology: string | null;
  at: string;
}

type Editing = null | { printer: (PrinterConfig & DeviceView) | null };

function isPrinter(device: DeviceView): device is PrinterConfig & DeviceView {
  return device.kind === 'printer';
}

export function DevicesScreen() {
  const { t } = useTranslation();
  const home = useScreenStore((s) => s.home);
  const manager = isManager(useSessionStore((s) => s.operator?.role));
  const [list, setList] = useState<DeviceList | null>(null);
  const [unavailable, setUnavailable] = useState(false);
  const [lastScan, setLastScan] = useState<LastScan | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    till()
      .call('device.list', {})
      .then((next) => {
        setUnavailable(false);
        setList(next);
      })
      .catch((error: unknown) => {
        if (error instanceof TillError && error.code === 'UNKNOWN_METHOD') setUnavailable(true);
        else reportError(error);
      });
  }, []);

  useEffect(() => {
    load();
    const client = till();
    const offStatus = client.on('device.status', () => {
      load();
    });
    const offScan = client.on('scanner.scan', (payload) => {
      setLastScan({ data: payload.data, symbology: payload.symbology, at: new Date().toISOString() });
    });
    return () => {
      offStatus();
      offScan();
    };
  }, [load]);

  const test = (device: DeviceView) => {
    setBusy(true);
    till()
      .call('device.test', { id: device.id })
      .then(() => {
        reportInfo(t(`devices.tested.${device.kind}`, { name: device.name }), 'success');
      })
      .catch(reportError)
      .finally(() => {
        setBusy(false);
      });
  };

  const configured = list?.configured ?? [];
  const firstPrinter = configured.find(isPrinter) ?? null;
  const firstDrawer = configured.find((d) => d.kind === 'drawer') ?? null;
  const shortcuts: Shortcut[] = [
    {
      key: 'F2',
      labelKey: 'devices.test.printer',
      run: () => {
        if (firstPrinter) test(firstPrinter);
      },
      disabled: !manager || !firstPrinter || busy,
    },
    {
      key: 'F3',
      labelKey: 'devices.test.drawer',
      run: () => {
        if (firstDrawer) test(firstDrawer);
      },
      disabled: !manager || !firstDrawer || busy,
    },
    {
      key: 'F4',
      labelKey: 'devices.printer.addTitle',
      run: () => {
        setEditing({ printer: null });
      },
      disabled: !manager || unavailable,
    },
    { key: 'F5', labelKey: 'devices.refresh', run: load },
    { key: 'F9', labelKey: 'devices.toTill', run: home },
    { key: 'Escape', labelKey: 'devices.toTill', run: home, hidden: true },
  ];
  useShortcuts(shortcuts);

  return (
    <div className="back-office">
      <section className="panel" aria-labelledby="devices-title">
        <h1 id="devices-title">{t('devices.title')}</h1>
        {!manager && <p className="hint">{t('devices.managerOnly')}</p>}
        {unavailable ? (
          <p className="empty-state" data-testid="devices-unavailable">
            {t('devices.unavailable')}
          </p>
        ) : (
          <table className="data-table" data-testid="devices">
            <caption className="visually-hidden">{t('devices.caption')}</caption>
            <ColumnHeads
              columns={[
                { label: t('devices.kind') },
                { label: t('devices.name') },
                { label: t('devices.connection') },
                { label: t('devices.status') },
                { label: t('stock.actions'), hidden: true },
              ]}
            />
            <tbody>
              {DEVICE_KINDS.flatMap((kind) => {
                const ofKind = configured.filter((d) => d.kind === kind);
                if (ofKind.length === 0) {
                  return [
                    <tr key={kind} data-kind={kind}>
                      <th scope="row">{t(`devices.kinds.${kind}`)}</th>
                      <td colSpan={4} className="hint">
                        {list ? t('devices.notConfigured') : t('common.loading')}
                      </td>
                    </tr>,
                  ];
                }
                return ofKind.map((device) => (
                  <tr key={device.id} data-kind={kind}>
                    <th scope="row">{t(`devices.kinds.${kind}`)}</th>
                    <td>{device.name}</td>
                    <td>{connectionText(device, configured)}</td>
                    <td>
                      <span className={`device-status device-${device.status}`}>
                        {t(`devices.statuses.${device.status}`)}
                      </span>
                      {device.detail && <span className="pick-sub">{device.detail}</span>}
                    </td>
                    <td>
                      <div className="row-actions">
                        {manager && (
                          <button
                            type="button"
                            className="button button-small"
                            disabled={busy || !device.enabled}
                            aria-label={`${t(testLabelKey(kind))}: ${device.name}`}
                            onClick={() => {
                              test(device);
                            }}
                          >
                            {t(testLabelKey(kind))}
                          </button>
                        )}
                        {manager && isPrinter(device) && device.connection.type === 'tcp' && (
                          <button
                            type="button"
                            className="button button-small"
                            aria-label={t('devices.printer.editTitle', { name: device.name })}
                            onClick={() => {
                              setEditing({ printer: device });
                            }}
                          >
                            {t('devices.edit')}
                          </button>
                        )}
                      </div>
                    </td>
                  </tr>
                ));
              })}
            </tbody>
          </table>
        )}
        {manager && !unavailable && (
          <div className="form-actions form-actions-start">
            <button
              type="button"
              className="button"
              aria-keyshortcuts="F4"
              onClick={() => {
                setEditing({ printer: null });
              }}
            >
              {t('devices.printer.addTitle')}
            </button>
          </div>
        )}
      </section>
      <section className="panel" aria-labelledby="scanner-test-title">
        <h2 id="scanner-test-title">{t('devices.scanner.title')}</h2>
        <p className="hint">{t('devices.scanner.body')}</p>
        <p className="scan-result" role="status" data-testid="last-scan">
          {lastScan
            ? t('devices.scanner.last', {
                data: lastScan.data,
                symbology: lastScan.symbology ?? t('devices.scanner.noSymbology'),
                time: localDateTime(lastScan.at),
              })
            : t('devices.scanner.none')}
        </p>
      </section>
      {editing && (
        <PrinterForm
          printer={editing.printer}
          onClose={() => {
            setEditing(null);
          }}
          onSaved={(device) => {
            setEditing(null);
            reportInfo(t('devices.printer.saved', { name: device.name }), 'success');
            load();
          }}
        />
      )}
    </div>
  );
}
