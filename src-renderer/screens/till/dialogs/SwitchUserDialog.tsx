// Quick cashier switch: pick a user and type their PIN; their own open sale (if any) comes back.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../../components/Dialog.js';
import { TextField } from '../../../components/TextField.js';
import { useSubmit } from '../../../components/use-submit.js';
import { switchWithPin } from '../../../shell/session-actions.js';
import { useSessionStore } from '../../../state/session-store.js';
import { UserPicker } from '../../login/UserPicker.js';

export function SwitchUserDialog(props: { onClose: () => void }) {
  const { t } = useTranslation();
  const users = useSessionStore((s) => s.users);
  const [userId, setUserId] = useState<string | null>(null);
  const [pin, setPin] = useState('');
  const { busy, submit } = useSubmit(props.onClose);
  return (
    <Dialog
      title={t('switchUser.title')}
      onClose={props.onClose}
      submitLabel={t('switchUser.submit')}
      submitDisabled={!userId || pin === ''}
      busy={busy}
      wide
      onSubmit={() => {
        if (userId) void submit(() => switchWithPin(userId, pin));
      }}
    >
      <UserPicker users={users} selectedId={userId} onSelect={setUserId} label={t('login.users')} />
      <TextField label={t('login.pin')} kind="pin" value={pin} onValue={setPin} />
    </Dialog>
  );
}
