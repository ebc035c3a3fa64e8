// Reason + manager approval for the changes the till guards (price override, void line, discounts, refunds):
// a cashier picks the approving manager and the manager types their PIN; a manager approves themselves.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLE_RANK } from '../../../src-shared/contract/common.js';
import { TextField } from '../../components/TextField.js';
import { useSessionStore } from '../../state/session-store.js';
import type { Authorised } from '../till/sale-actions.js';
import {
  EMPTY_APPROVAL,
  isApprovalComplete,
  ManagerApprovalFields,
  type ManagerApproval,
} from './ManagerApprovalFields.js';

export interface AuthorisationValue extends ManagerApproval {
  reason: string;
}

export const EMPTY_AUTHORISATION: AuthorisationValue = { reason: '', ...EMPTY_APPROVAL };

/** Whether the logged-in operator needs someone else's approval. */
export function useNeedsApproval(): boolean {
  const role = useSessionStore((s) => s.operator?.role ?? 'employee');
  return ROLE_RANK[role] < ROLE_RANK.manager;
}

export function isAuthorisationReady(value: AuthorisationValue, needsApproval: boolean): boolean {
  if (value.reason.trim().length < 3) return false;
  return !needsApproval || isApprovalComplete(value);
}

export function toAuthorised(value: AuthorisationValue, needsApproval: boolean): Authorised {
  return needsApproval
    ? { reason: value.reason.trim(), approval: { managerId: value.managerId, pin: value.pin } }
    : { reason: value.reason.trim() };
}

/** The authorisation a form collects: its fields' props, whether it is complete, and the till API's shape. */
export function useAuthorisation() {
  const needsApproval = useNeedsApproval();
  const [value, setValue] = useState(EMPTY_AUTHORISATION);
  return {
    value,
    ready: isAuthorisationReady(value, needsApproval),
    authorised: () => toAuthorised(value, needsApproval),
    fields: { value, onChange: setValue, needsApproval },
  };
}

export function AuthorisationFields(props: {
  value: AuthorisationValue;
  onChange: (value: AuthorisationValue) => void;
  needsApproval: boolean;
}) {
  const { t } = useTranslation();
  const { value, onChange } = props;
  return (
    <>
      <TextField
        label={t('approval.reason')}
        maxLength={500}
        value={value.reason}
        onValue={(reason) => {
          onChange({ ...value, reason });
        }}
      />
      {props.needsApproval && (
        <ManagerApprovalFields
          legend={t('approval.legend')}
          value={value}
          onChange={(approval) => {
            onChange({ ...value, ...approval });
          }}
        />
      )}
    </>
  );
}
