// Login: pick yourself from the till's users, then your password — or your PIN for a quick switch.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/TextField.js';
import { reportError } from '../../errors/report-error.js';
import { loginWithPassword, switchWithPin } from '../../shell/session-actions.js';
import { useNoticeStore } from '../../state/notice-store.js';
import { useSessionStore } from '../../state/session-store.js';
import { UserPicker } from './UserPicker.js';

export function LoginScreen() {
  const { t } = useTranslation();
  const users = useSessionStore((s) => s.users);
  const [userId, setUserId] = useState<string | null>(null);
  const [mode, setMode] = useState<'password' | 'pin'>('password');
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState(false);
  const secretRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (userId) secretRef.current?.focus();
  }, [userId, mode]);

  const submit = async () => {
    if (!userId || secret === '') return;
    setBusy(true);
    try {
      if (mode === 'password') await loginWithPassword(userId, secret);
      else await switchWithPin(userId, secret);
      useNoticeStore.getState().clear();
    } catch (error) {
      reportError(error);
      setSecret('');
      secretRef.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  const selected = users.find((u) => u.id === userId);
  return (
    <section className="panel panel-narrow login" aria-labelledby="login-title">
      <h1 id="login-title">{t('login.title')}</h1>
      <p className="hint">{t('login.pickUser')}</p>
      <UserPicker users={users} selectedId={userId} onSelect={setUserId} label={t('login.users')} />
      <form
        className="login-form"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <TextField
          ref={secretRef}
          label={mode === 'password' ? t('login.password') : t('login.pin')}
          kind="pin"
          inputMode={mode === 'pin' ? 'numeric' : 'text'}
          value={secret}
          disabled={!selected}
          onValue={setSecret}
        />
        <div className="form-actions">
          <button
            type="button"
            className="button"
            onClick={() => {
              setMode(mode === 'password' ? 'pin' : 'password');
              setSecret('');
            }}
          >
            {mode === 'password' ? t('login.usePin') : t('login.usePassword')}
          </button>
          <button
            type="submit"
            className="button button-primary"
            disabled={!selected || secret === '' || busy}
          >
            {t('login.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
