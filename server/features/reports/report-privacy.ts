import { maskPhoneValue, showValue, type FieldView } from '../../../core/rules/customer-privacy';

/**
 * Personal data in report snapshots (SPEC §8.3, §3.18): customer phones are stored in full and shown per the
 * reader's customer-information permission (contact group); exports show a full number only to a role that may
 * both see and export it. The count of personal rows decides whether an export needs a reason.
 */
type Rec = Record<string, unknown>;
const PHONE_FIELDS = ['phone', 'customerPhone'];
const PERSONAL_LISTS = ['items', 'wrongContacts', 'problems', 'complaints'];

function maskRow(row: Rec, view: FieldView): Rec {
  const out: Rec = { ...row };
  for (const f of PHONE_FIELDS)
    if (f in out) out[f] = showValue(typeof out[f] === 'string' ? out[f] : null, view, maskPhoneValue);
  return out;
}

export function maskReportData(data: Rec, view: FieldView): Rec {
  const out: Rec = { ...data };
  for (const key of PERSONAL_LISTS) {
    const list = out[key];
    if (Array.isArray(list)) out[key] = list.map((r) => maskRow(r as Rec, view));
  }
  return out;
}

/** Rows naming a customer (daily items, hand-offs, complaints): the size of the personal-data export. */
export function personalRowCount(data: Rec): number {
  return PERSONAL_LISTS.reduce((n, k) => n + (Array.isArray(data[k]) ? (data[k] as unknown[]).length : 0), 0);
}
