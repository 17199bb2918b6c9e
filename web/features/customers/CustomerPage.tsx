import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Col, Flex, Row, Skeleton, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useCustomer } from '../../api/customers';
import { PageTitle } from '../../ui/PageTitle';
import { QueryError } from '../../ui/QueryError';
import { useCan } from '../auth/session';
import { ConsentCard } from './ConsentCard';
import { ContactCard } from './ContactCard';
import { FileCorrectionButton } from './FileCorrectionButton';
import { IdentityCard } from './IdentityCard';
import { ProfileCard } from './ProfileCard';
import { TimelineCard } from './TimelineCard';
import { VehiclesCard } from './VehiclesCard';

/** 客户 360: who the customer is, how to reach them, their vehicles, their history and their consent. */
export default function CustomerPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useCustomer(id);
  const mayFile = useCan('corrections:create');
  const data = query.data;

  const back = (
    <Link to="/customers">
      <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }}>
        {t('customers.back')}
      </Button>
    </Link>
  );
  if (query.isError && !data) {
    return (
      <>
        {back}
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  }
  if (!data) return <Skeleton active />;

  const c = data.customer;
  const consentTag = (allowed: boolean, label: string) => (
    <Tag color={allowed ? 'green' : 'default'}>
      {t('customers.consent.badge', {
        label,
        value: allowed ? t('customers.consent.allowed') : t('customers.consent.refused'),
      })}
    </Tag>
  );
  return (
    <>
      {back}
      <PageTitle
        title={
          <Flex gap={8} align="center" wrap component="span">
            <span data-testid="customer-name">{c.name}</span>
            <Tag color="blue">{t(`customers.kinds.${c.kind}`)}</Tag>
          </Flex>
        }
        extra={
          <Flex gap={4} wrap data-testid="customer-consent-badges">
            {consentTag(c.serviceCallbacksAllowed, t('customers.consent.service'))}
            {consentTag(c.marketingAllowed, t('customers.consent.marketing'))}
            {mayFile && <FileCorrectionButton customerId={c.id} />}
          </Flex>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Flex vertical gap={16}>
            <ContactCard data={data} />
            <IdentityCard data={data} />
            <ConsentCard data={data} />
          </Flex>
        </Col>
        <Col xs={24} lg={12}>
          <Flex vertical gap={16}>
            <ProfileCard data={data} />
            <TimelineCard timeline={data.timeline} />
          </Flex>
        </Col>
        <Col span={24}>
          <VehiclesCard vehicles={data.vehicles} />
        </Col>
      </Row>
    </>
  );
}
