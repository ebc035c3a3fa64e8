// Connect this till to a cloud: server address, owner phone, password, store (optional), till name →
// sync.register. Checked with the contract's schema before the call (each bad field says what to type); the
// till's answer by code in plain words (cloud unreachable, refused, ledger of another store, invalid fields);
// a refusal also shows the cloud's reason (which store, wrong password).
// The password is cleared from the form the moment it is submitted, whatever happens next.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TillError } from '../../../src-shared/contract/errors.js';
import type { SyncStatus } from '../../../src-shared/contract/till-sync.js';
import { TextField } from '../../components/TextField.js';
import { describeError } from '../../errors/report-error.js';
import { connectTill } from '../../shell/sync-actions.js';
import { checkConnectFields, invalidFieldsOf, type ConnectField } from './connect-fields.js';

interface Problem {
  text: string;
  /** What the cloud said when it refused (its own words, English). */
  reason: string | null;
}

export interface ConnectFormProps {
  /** Prefills (a re-registration keeps the address). */
  serverUrl?: string | null;
  onConnected: (status: SyncStatus) => void;
  onCancel?: () => void;
}

export function ConnectForm(props: ConnectFormProps) {
  const { t } = useTranslation();
  const [serverUrl, setServerUrl] = useState(props.serverUrl ?? '');
  const [phone, setPhone] = useState('');
  const [password, setPassword] = useState('');
  const [store, setStore] = useState('');
  const [tillName, setTillName] = useState('');
  const [invalid, setInvalid] = useState<readonly ConnectField[]>([]);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const check = checkConnectFields({ serverUrl, phone, password, store, tillName });
    setPassword('');
    if (!check.ok) {
      setInvalid(check.invalid);
      setProblem({ text: t('sync.connect.fixFields'), reason: null });
      return;
    }
    setInvalid([]);
    setProblem(null);
    setBusy(true);
    try {
      const status = await connectTill(check.input);
      props.onConnected(status);
    } catch (error) {
      // CLOUD_REJECTED: the till's message is the cloud's reason (wrong password, which store…): shown under it.
      const reason = error instanceof TillError && error.code === 'CLOUD_REJECTED' ? error.message : null;
      setProblem({ text: describeError(error).text, reason });
      setInvalid(
        error instanceof TillError && error.code === 'VALIDATION_FAILED'
          ? invalidFieldsOf(error.fieldErrors)
          : [],
      );
    } finally {
      setBusy(false);
    }
  };

  const field = (name: ConnectField) => {
    const bad = invalid.includes(name);
    return {
      'aria-invalid': bad,
      disabled: busy,
      hint: (
        <>
          {t(`sync.connect.hints.${name}`)}
          {bad && <span className="field-problem">{t(`sync.connect.invalid.${name}`)}</span>}
        </>
      ),
    };
  };

  return (
    <form
      className="connect-form"
      aria-label={t('sync.connect.title')}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!busy) void submit();
      }}
    >
      <TextField
        label={t('sync.connect.serverUrl')}
        inputMode="url"
        autoComplete="url"
        autoFocus
        maxLength={300}
        placeholder="https://pos.example.co.ke"
        value={serverUrl}
        onValue={setServerUrl}
        {...field('serverUrl')}
      />
      <TextField
        label={t('sync.connect.phone')}
        inputMode="tel"
        autoComplete="username"
        maxLength={20}
        value={phone}
        onValue={setPhone}
        {...field('phone')}
      />
      <TextField
        label={t('sync.connect.password')}
        kind="pin"
        inputMode="text"
        autoComplete="current-password"
        maxLength={200}
        value={password}
        onValue={setPassword}
        {...field('password')}
      />
      <TextField
        label={t('sync.connect.store')}
        autoComplete="off"
        maxLength={60}
        value={store}
        onValue={setStore}
        {...field('store')}
      />
      <TextField
        label={t('sync.connect.tillName')}
        autoComplete="off"
        maxLength={100}
        placeholder={t('sync.connect.tillNamePlaceholder')}
        value={tillName}
        onValue={setTillName}
        {...field('tillName')}
      />
      {problem !== null && (
        <p className="form-problem" role="alert" data-testid="connect-problem">
          {problem.text}
          {problem.reason !== null && (
            <span className="form-problem-reason">
              {t('sync.connect.cloudSaid', { reason: problem.reason })}
            </span>
          )}
        </p>
      )}
      <div className="form-actions">
        {props.onCancel && (
          <button type="button" className="button" onClick={props.onCancel} disabled={busy}>
            {t('common.cancel')}
          </button>
        )}
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('sync.connect.connecting') : t('sync.connect.submit')}
        </button>
      </div>
    </form>
  );
}
