// The users of this till as large buttons (name + role): the login, lock and switch screens pick with it.
import { useTranslation } from 'react-i18next';
import type { OperatorView } from '../../../src-shared/contract/auth.js';

export function UserPicker(props: {
  users: readonly OperatorView[];
  selectedId: string | null;
  onSelect: (userId: string) => void;
  label: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="user-picker" role="group" aria-label={props.label}>
      {props.users.map((u) => (
        <button
          key={u.id}
          type="button"
          className="user-tile"
          aria-pressed={props.selectedId === u.id}
          onClick={() => {
            props.onSelect(u.id);
          }}
        >
          <span className="user-name">{u.name}</span>
          <span className="user-role" aria-hidden="true">
            {t(`roles.${u.role}`)}
          </span>
        </button>
      ))}
    </div>
  );
}
