import type { TFunction } from 'i18next';
import { importsZhCN } from './i18n.zh-CN';

type Field = keyof typeof importsZhCN.fields;

function isField(value: string): value is Field {
  return Object.hasOwn(importsZhCN.fields, value);
}

/** The translated label of a canonical import field; an unknown field shows its own name. */
export function fieldLabel(t: TFunction, field: string): string {
  return isField(field) ? t(`imports.fields.${field}`) : field;
}
