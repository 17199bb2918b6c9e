import { EyeOutlined, PhoneOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReveal, type Customer360Data } from '../../api/customers';
import { useNotifyError } from '../../ui/use-notify-error';

type Phone = Customer360Data['phones'][number];
type Flag = 'shared_phone' | 'staff_phone';
const isFlag = (f: string): f is Flag => f === 'shared_phone' || f === 'staff_phone';

/** A full mobile number becomes a tel: link; anything else stays text. */
function PhoneValue({ phone, full }: { phone: Phone; full: string | null }) {
  const value = full ?? phone.display;
  if (value === null) return <Typography.Text type="secondary">—</Typography.Text>;
  const dialable = full !== null || !phone.masked;
  if (dialable && phone.kind === 'mobile') {
    return (
      <a href={`tel:${value.replace(/[^\d+]/g, '')}`} data-testid={`phone-tel-${phone.id}`}>
        <PhoneOutlined /> {value}
      </a>
    );
  }
  return <Typography.Text>{value}</Typography.Text>;
}

/** The customer's phones (masked per the permission table), their flags and the audited reveal button. */
export function ContactCard({ data }: { data: Customer360Data }) {
  const { t } = useTranslation();
  const notifyError = useNotifyError();
  const reveal = useReveal(data.customer.id);
  const [revealed, setRevealed] = useState<Record<string, string>>({});
  const permission = data.permissions.contact;
  const canReveal = permission?.canReveal ?? false;

  const show = (phone: Phone) =>
    reveal.mutate(
      { field: 'phone', phoneId: phone.id },
      { onSuccess: ({ value }) => setRevealed((r) => ({ ...r, [phone.id]: value })), onError: notifyError },
    );

  return (
    <Card title={t('customers.contact')} size="small" data-testid="customer-contact">
      {permission?.view === 'none' ? (
        <Typography.Text type="secondary">{t('customers.hidden')}</Typography.Text>
      ) : data.phones.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('customers.noPhones')} />
      ) : (
        <Flex vertical gap={8}>
          {data.phones.map((phone, i) => {
            const full = revealed[phone.id] ?? null;
            const pending =
              reveal.isPending && reveal.variables?.field === 'phone' && reveal.variables.phoneId === phone.id;
            return (
              <Flex key={phone.id} gap={8} align="center" wrap data-testid={`phone-${i}`}>
                <PhoneValue phone={phone} full={full} />
                <Tag>{t(`customers.phoneKinds.${phone.kind}`)}</Tag>
                {phone.isPrimary && <Tag color="blue">{t('customers.primary')}</Tag>}
                {phone.flags.filter(isFlag).map((flag) => (
                  <Tag key={flag} color="warning" data-testid={`phone-flag-${flag}`}>
                    {t(`customers.phoneFlags.${flag}`)}
                  </Tag>
                ))}
                {phone.masked && full === null && canReveal && (
                  <Tooltip title={t('customers.revealAudited')}>
                    <Button
                      size="small"
                      icon={<EyeOutlined />}
                      loading={pending}
                      onClick={() => show(phone)}
                      data-testid={`reveal-phone-${i}`}
                    >
                      {t('customers.reveal')}
                    </Button>
                  </Tooltip>
                )}
              </Flex>
            );
          })}
        </Flex>
      )}
    </Card>
  );
}
