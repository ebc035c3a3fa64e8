// A manager's approval: the approving manager (picked from the till's managers and owners) and their PIN, as
// the till API's `approval` ({ managerId, pin }). Used alone (closing another cashier's session) and inside
// AuthorisationFields (reason + approval for price overrides, voids, discounts, refunds).
import { useTranslation } from 'react-i18next';
import { ROLE_RANK } from '../../../src-shared/contract/common.js';
import { TextField } from '../../components/TextField.js';
import { useSessionStore } from '../../state/session-store.js';

export interface ManagerApproval {
  managerId: string;
  pin: string;
}

export const EMPTY_APPROVAL: ManagerApproval = { managerId: '', pin: '' };

export function isApprovalComplete(approval: ManagerApproval): boolean {
  return approval.managerId !== '' && approval.pin !== '';
}

export function ManagerApprovalFields(props: {
  legend: string;
  value: ManagerApproval;
  onChange: (value: ManagerApproval) => void;
}) {
  const { t } = useTranslation();
  const managers = useSessionStore((s) => s.users).filter((u) => ROLE_RANK[u.role] >= ROLE_RANK.manager);
  const { value, onChange } = props;
  return (
    <fieldset className="approval">
      <legend>{props.legend}</legend>
      <label className="field">
        <span className="field-label">{t('approval.manager')}</span>
        <select
          className="input"
          value={value.managerId}
          onChange={(e) => {
            onChange({ ...value, managerId: e.target.value });
          }}
        >
          <option value="">{t('approval.chooseManager')}</option>
          {managers.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
      </label>
      <TextField
        label={t('approval.pin')}
        kind="pin"
        value={value.pin}
        onValue={(pin) => {
          onChange({ ...value, pin });
        }}
      />
    </fieldset>
  );
}
