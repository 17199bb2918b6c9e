import { Card, Descriptions, type DescriptionsProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Customer360Data } from '../../api/customers';
import { currentLanguage } from '../../i18n';
import { formatDateTime } from '../../ui/format';
import { useDealerTimeZone } from '../auth/session';

/** A personalised-information value as plain text. */
function valueText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** Name-level details and the personalised information, as the permission table lets this user see them. */
export function ProfileCard({ data }: { data: Customer360Data }) {
  const { t } = useTranslation();
  const timeZone = useDealerTimeZone();
  const c = data.customer;
  const none = t('common.none');
  const gender = c.gender === 'male' || c.gender === 'female' ? t(`customers.genders.${c.gender}`) : c.gender;

  const items: DescriptionsProps['items'] = [
    { key: 'gender', label: t('customers.customerFields.gender'), children: gender ?? none },
    { key: 'birthDate', label: t('customers.customerFields.birthDate'), children: c.birthDate ?? none },
    { key: 'email', label: t('customers.customerFields.email'), children: c.email ?? none },
    { key: 'employer', label: t('customers.customerFields.employer'), children: c.employer ?? none },
    { key: 'industry', label: t('customers.customerFields.industry'), children: c.industry ?? none },
    { key: 'postcode', label: t('customers.customerFields.postcode'), children: c.postcode ?? none },
    { key: 'address', label: t('customers.customerFields.address'), children: c.address ?? none, span: 'filled' },
    {
      key: 'createdAt',
      label: t('customers.customerFields.createdAt'),
      children: formatDateTime(c.createdAt, currentLanguage(), timeZone) ?? none,
    },
    ...Object.entries(c.personal ?? {}).map(([key, value]) => ({
      key: `personal-${key}`,
      label: key,
      children: valueText(value) || none,
    })),
  ];

  return (
    <Card title={t('customers.basic')} size="small" data-testid="customer-profile">
      <Descriptions size="small" column={{ xs: 1, md: 2 }} items={items} />
    </Card>
  );
}
