// Configure a network (TCP) receipt printer: name, host, port (9100) and paper width (48 columns = 80 mm,
// 32 = 58 mm) → device.configure. Editing keeps the printer's other settings.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceView, PrinterConfig } from '../../../src-shared/contract/device.js';
import { till } from '../../api/till.js';
import { Dialog } from '../../components/Dialog.js';
import { reportError } from '../../errors/report-error.js';
import { useNoticeStore } from '../../state/notice-store.js';

type Columns = 32 | 48;

export function PrinterForm(props: {
  printer: (PrinterConfig & DeviceView) | null;
  onClose: () => void;
  onSaved: (device: DeviceView) => void;
}) {
  const { t } = useTranslation();
  const existing = props.printer;
  const tcp = existing?.connection.type === 'tcp' ? existing.connection : null;
  const [name, setName] = useState(existing?.name ?? t('devices.printer.defaultName'));
  const [host, setHost] = useState(tcp?.host ?? '');
  const [portText, setPortText] = useState(String(tcp?.port ?? 9100));
  const [columns, setColumns] = useState<Columns>(existing?.settings.columns ?? 48);
  const [busy, setBusy] = useState(false);
  const port = /^\d{1,5}$/.test(portText.trim()) ? Number(portText.trim()) : null;
  const portOk = port !== null && port >= 1 && port <= 65_535;
  const ready = name.trim() !== '' && host.trim() !== '' && portOk;

  const save = () => {
    if (!ready) return;
    setBusy(true);
    till()
      .call('device.configure', {
        kind: 'printer',
        ...(existing ? { id: existing.id, enabled: existing.enabled } : {}),
        name: name.trim(),
        connection: { type: 'tcp', host: host.trim(), port },
        settings: existing ? { ...existing.settings, columns } : { columns },
      })
      .then((device) => {
        useNoticeStore.getState().clear();
        props.onSaved(device);
      })
      .catch(reportError)
      .finally(() => {
        setBusy(false);
      });
  };

  return (
    <Dialog
      title={
        existing ? t('devices.printer.editTitle', { name: existing.name }) : t('devices.printer.addTitle')
      }
      onClose={props.onClose}
      onSubmit={save}
      submitLabel={t('devices.printer.save')}
      submitDisabled={!ready}
      busy={busy}
    >
      <label className="field">
        <span className="field-label">{t('devices.printer.name')}</span>
        <input
          className="input"
          type="text"
          maxLength={60}
          value={name}
          onChange={(e) => {
            setName(e.target.value);
          }}
        />
      </label>
      <label className="field">
        <span className="field-label">{t('devices.printer.host')}</span>
        <input
          className="input"
          type="text"
          autoComplete="off"
          autoFocus
          maxLength={253}
          placeholder="192.168.1.50"
          value={host}
          onChange={(e) => {
            setHost(e.target.value);
          }}
        />
      </label>
      <label className="field">
        <span className="field-label">{t('devices.printer.port')}</span>
        <input
          className="input"
          type="text"
          inputMode="numeric"
          autoComplete="off"
          aria-invalid={!portOk}
          value={portText}
          onChange={(e) => {
            setPortText(e.target.value);
          }}
        />
      </label>
      <fieldset className="segmented">
        <legend>{t('devices.printer.width')}</legend>
        {([48, 32] as const).map((value) => (
          <label key={value} className="segment">
            <input
              type="radio"
              name="printer-width"
              checked={columns === value}
              onChange={() => {
                setColumns(value);
              }}
            />
            {t(`devices.printer.columns${String(value)}`)}
          </label>
        ))}
      </fieldset>
    </Dialog>
  );
}
