// The locked till: the same user unlocks with their PIN, or someone else logs in ("Switch user").
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/TextField.js';
import { reportError } from '../../errors/report-error.js';
import { forgetLock, switchWithPin } from '../../shell/session-actions.js';
import type { LockedBy } from '../../state/session-store.js';

export function LockScreen({ lockedBy }: { lockedBy: LockedBy }) {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const pinRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    pinRef.current?.focus();
  }, []);

  const unlock = async () => {
    if (pin === '') return;
    setBusy(true);
    try {
      await switchWithPin(lockedBy.id, pin);
    } catch (error) {
      reportError(error);
      setPin('');
      pinRef.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel panel-narrow lock" aria-labelledby="lock-title">
      <h1 id="lock-title">{t('lock.title')}</h1>
      <p>{t('lock.lockedBy', { name: lockedBy.name })}</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void unlock();
        }}
      >
        <TextField ref={pinRef} label={t('lock.pin')} kind="pin" value={pin} onValue={setPin} />
        <div className="form-actions">
          <button type="button" className="button" onClick={forgetLock}>
            {t('lock.switchUser')}
          </button>
          <button type="submit" className="button button-primary" disabled={pin === '' || busy}>
            {t('lock.unlock')}
          </button>
        </div>
      </form>
    </section>
  );
}
