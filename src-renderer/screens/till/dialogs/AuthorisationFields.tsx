// Reason + manager approval for the changes the till guards (price override, void line, discounts):
// a cashier picks the approving manager and the manager types their PIN; a manager approves themselves.
import { useTranslation } from 'react-i18next';
import { ROLE_RANK } from '../../../../src-shared/contract/common.js';
import { useSessionStore } from '../../../state/session-store.js';
import type { Authorised } from '../sale-actions.js';

export interface AuthorisationValue {
  reason: string;
  managerId: string;
  pin: string;
}

export const EMPTY_AUTHORISATION: AuthorisationValue = { reason: '', managerId: '', pin: '' };

/** Whether the logged-in operator needs someone else's approval. */
export function useNeedsApproval(): boolean {
  const role = useSessionStore((s) => s.operator?.role ?? 'employee');
  return ROLE_RANK[role] < ROLE_RANK.manager;
}

export function isAuthorisationReady(value: AuthorisationValue, needsApproval: boolean): boolean {
  if (value.reason.trim().length < 3) return false;
  return !needsApproval || (value.managerId !== '' && value.pin !== '');
}

export function toAuthorised(value: AuthorisationValue, needsApproval: boolean): Authorised {
  return needsApproval
    ? { reason: value.reason.trim(), approval: { managerId: value.managerId, pin: value.pin } }
    : { reason: value.reason.trim() };
}

export function AuthorisationFields(props: {
  value: AuthorisationValue;
  onChange: (value: AuthorisationValue) => void;
  needsApproval: boolean;
  reasonRequired?: boolean;
}) {
  const { t } = useTranslation();
  const managers = useSessionStore((s) => s.users).filter((u) => ROLE_RANK[u.role] >= ROLE_RANK.manager);
  const { value, onChange } = props;
  return (
    <>
      <label className="field">
        <span className="field-label">{t('approval.reason')}</span>
        <input
          className="input"
          type="text"
          value={value.reason}
          maxLength={500}
          onChange={(e) => {
            onChange({ ...value, reason: e.target.value });
          }}
        />
      </label>
      {props.needsApproval && (
        <fieldset className="approval">
          <legend>{t('approval.legend')}</legend>
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
      )}
    </>
  );
}
