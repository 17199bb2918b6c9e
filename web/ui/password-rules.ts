import type { FormRule } from 'antd';
import type { TFunction } from 'i18next';
import { PASSWORD_MAX, PASSWORD_MIN } from '../../core/contracts/auth';

/** Field rules mirroring the NewPassword schema: 10–256 characters with letters and digits. */
export function newPasswordRules(t: TFunction): FormRule[] {
  return [
    { required: true, message: t('auth.passwordTooShort') },
    { min: PASSWORD_MIN, message: t('auth.passwordTooShort') },
    { max: PASSWORD_MAX, message: t('auth.passwordTooLong') },
    {
      validator: (_rule, value: unknown) =>
        typeof value !== 'string' || value.length === 0 || (/[A-Za-z]/.test(value) && /[0-9]/.test(value))
          ? Promise.resolve()
          : Promise.reject(new Error(t('auth.passwordLettersDigits'))),
    },
  ];
}

/** A confirmation field that must equal the field `other`. */
export function confirmRules(t: TFunction, other: string): FormRule[] {
  return [
    { required: true, message: t('auth.passwordMismatch') },
    ({ getFieldValue }) => ({
      validator: (_rule, value: unknown) =>
        value === getFieldValue(other) ? Promise.resolve() : Promise.reject(new Error(t('auth.passwordMismatch'))),
    }),
  ];
}
