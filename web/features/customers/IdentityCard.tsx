import { EyeOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReveal, type Customer360Data } from '../../api/customers';
import { useNotifyError } from '../../ui/use-notify-error';

/** The ID-card number (sensitive personal information): masked per the permission table, revealed on click. */
export function IdentityCard({ data }: { data: Customer360Data }) {
  const { t } = useTranslation();
  const notifyError = useNotifyError();
  const reveal = useReveal(data.customer.id);
  const [full, setFull] = useState<string | null>(null);
  const permission = data.permissions.identity;
  const idCard = data.customer.idCard;

  let body;
  if (!permission || permission.view === 'none') {
    body = <Typography.Text type="secondary">{t('customers.hidden')}</Typography.Text>;
  } else if (idCard === null) {
    body = <Typography.Text type="secondary">{t('customers.noIdCard')}</Typography.Text>;
  } else {
    // The ID number is stored encrypted: even a 'full' view decrypts it only through the audited reveal.
    const canReveal = (permission.view === 'full' || permission.canReveal) && full === null;
    body = (
      <Flex gap={8} align="center" wrap>
        <Typography.Text data-testid="customer-id-card">{full ?? idCard}</Typography.Text>
        {canReveal && (
          <Tooltip title={t('customers.revealAudited')}>
            <Button
              size="small"
              icon={<EyeOutlined />}
              loading={reveal.isPending}
              onClick={() =>
                reveal.mutate({ field: 'idCard' }, { onSuccess: ({ value }) => setFull(value), onError: notifyError })
              }
              data-testid="reveal-id-card"
            >
              {t('customers.revealId')}
            </Button>
          </Tooltip>
        )}
      </Flex>
    );
  }

  return (
    <Card title={t('customers.identity')} size="small" data-testid="customer-identity">
      <Typography.Text type="secondary">{t('customers.idCard')}</Typography.Text>
      <div style={{ marginTop: 4 }}>{body}</div>
    </Card>
  );
}
