// Configure a network (TCP) receipt printer: name, host, port (9100) and paper width (48 columns = 80 mm,
// 32 = 58 mm) → device.configure. Editing keeps the printer's other settings.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceView, PrinterConfig } from '../../../src-shared/contract/device.js';
import { till } from '../../api/till.js';
import { ChoiceGroup } from '../../components/ChoiceGroup.js';
import { Dialog } from '../../components/Dialog.js';
import { TextField } from '../../components/TextField.js';
import { useSubmit } from '../../components/use-submit.js';

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
  const { busy, submit } = useSubmit(props.onSaved);
  const port = /^\d{1,5}$/.test(portText.trim()) ? Number(portText.trim()) : null;
  const portOk = port !== null && port >= 1 && port <= 65_535;
  const ready = name.trim() !== '' && host.trim() !== '' && portOk;

  const save = () => {
    if (!ready) return;
    void submit(() =>
      till().call('device.configure', {
        kind: 'printer',
        ...(existing ? { id: existing.id, enabled: existing.enabled } : {}),
        name: name.trim(),
        connection: { type: 'tcp', host: host.trim(), port },
        settings: existing ? { ...existing.settings, columns } : { columns },
      }),
    );
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
      <TextField label={t('devices.printer.name')} maxLength={60} value={name} onValue={setName} />
      <TextField
        label={t('devices.printer.host')}
        autoComplete="off"
        autoFocus
        maxLength={253}
        placeholder="192.168.1.50"
        value={host}
        onValue={setHost}
      />
      <TextField
        label={t('devices.printer.port')}
        inputMode="numeric"
        autoComplete="off"
        aria-invalid={!portOk}
        value={portText}
        onValue={setPortText}
      />
      <ChoiceGroup
        legend={t('devices.printer.width')}
        name="printer-width"
        options={[48, 32] as const}
        value={columns}
        onChange={setColumns}
        label={(value) => t(`devices.printer.columns${String(value)}`)}
      />
    </Dialog>
  );
}
