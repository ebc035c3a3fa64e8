// A manager's approval without a reason (closing another cashier's session): the approving manager and
// their PIN, as the till API's `approval` ({ managerId, pin }).
import { useTranslation } from 'react-i18next';
import { ROLE_RANK } from '../../../src-shared/contract/common.js';
import { useSessionStore } from '../../state/session-store.js';

export interface ManagerApproval {
  managerId: string;
  pin: string;
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
      <label className="field">
        <span className="field-label">{t('approval.pin')}</span>
        <input
          className="input"
          type="password"
          inputMode="numeric"
          autoComplete="off"
          value={value.pin}
          onChange={(e) => {
            onChange({ ...value, pin: e.target.value });
          }}
        />
      </label>
    </fieldset>
  );
}
