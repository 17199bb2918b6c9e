import { PhoneOutlined } from '@ant-design/icons';
import { Button, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReveal } from '../../api/customers';
import { useNotifyError } from '../../ui/use-notify-error';
import { telHref } from './outcomes';

export interface PhoneView {
  id: string;
  kind: 'mobile' | 'landline';
  isPrimary: boolean;
  display: string | null;
  masked: boolean;
}

/**
 * A customer's number as a `tel:` link. A masked number is shown masked; the full number (and the link)
 * appears only after the audited reveal (POST /api/customers/:id/reveal), for roles that may reveal it.
 */
export function PhoneLink(props: { customerId: string; phone: PhoneView; onDial: (phoneId: string) => void }) {
  const { t } = useTranslation();
  const notifyError = useNotifyError();
  const reveal = useReveal(props.customerId);
  const [full, setFull] = useState<string | null>(props.phone.masked ? null : props.phone.display);
  const kind = t(`customers.phoneKinds.${props.phone.kind}`);
  const show = () =>
    reveal.mutate(
      { field: 'phone', phoneId: props.phone.id },
      {
        onSuccess: (r) => {
          setFull(r.value);
          props.onDial(props.phone.id);
        },
        onError: notifyError,
      },
    );
  return (
    <Space size={4} wrap data-testid={`wb-phone-${props.phone.id}`}>
      <Tag>{kind}</Tag>
      {full ? (
        <Typography.Link href={telHref(full)} onClick={() => props.onDial(props.phone.id)} data-testid="wb-tel">
          <PhoneOutlined /> {full}
        </Typography.Link>
      ) : (
        <>
          <Typography.Text>{props.phone.display ?? '—'}</Typography.Text>
          <Button
            size="small"
            icon={<PhoneOutlined />}
            loading={reveal.isPending}
            onClick={show}
            data-testid="wb-reveal"
          >
            {t('workbench.customer.reveal')}
          </Button>
        </>
      )}
    </Space>
  );
}
