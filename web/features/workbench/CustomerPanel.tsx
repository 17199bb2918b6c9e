import { Alert, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Context, Task } from '../../api/workbench';
import { PhoneLink } from './PhoneLink';

/** Customer, vehicle and the order being followed up (SPEC §8.7; fields of §3.2–§3.3). */
export function CustomerPanel(props: { task: Task; context?: Context; onDial: (phoneId: string) => void }) {
  const { t } = useTranslation();
  const { task, context } = props;
  const c = task.customer;
  const order = context?.order ?? null;
  const none = t('common.none');
  const val = (v: string | number | null | undefined) => (v === null || v === undefined || v === '' ? none : v);
  const items = [
    { key: 'name', label: t('workbench.customer.name'), children: customerName() },
    {
      key: 'phones',
      label: t('workbench.customer.phones'),
      children: c?.phones.length ? (
        <Space direction="vertical" size={4}>
          {c.phones.map((p) => (
            <PhoneLink key={p.id} customerId={c.id} phone={p} onDial={props.onDial} />
          ))}
        </Space>
      ) : (
        none
      ),
    },
    { key: 'plate', label: t('workbench.customer.plate'), children: val(task.vehicle?.plate) },
    { key: 'model', label: t('workbench.customer.model'), children: val(order?.model ?? task.vehicle?.model) },
    { key: 'vin', label: t('workbench.customer.vin'), children: val(task.vehicle?.vin) },
    ...orderItems(),
    {
      key: 'due',
      label: t('workbench.customer.due'),
      children: (
        <Space size={4} wrap>
          {task.dueStart === task.dueEnd ? task.dueStart : `${task.dueStart} ~ ${task.dueEnd}`}
          {task.overdue && <Tag color="red">{t('workbench.customer.overdue')}</Tag>}
          <Typography.Text type="secondary">
            {t('workbench.customer.attempts', { n: task.attemptCount })}
          </Typography.Text>
        </Space>
      ),
    },
  ];

  function customerName() {
    if (!c) return none;
    return (
      <Space size={4}>
        <Link to={`/customers/${c.id}`} data-testid="wb-customer-name">
          {c.name}
        </Link>
        {context && (
          <span data-testid="wb-customer-title">
            {t(`workbench.customer.honorific.${context.customerGender ?? 'unknown'}`)}
          </span>
        )}
      </Space>
    );
  }

  function orderItems() {
    if (!order) return [{ key: 'order', label: t('workbench.customer.ro'), children: t('workbench.customer.noOrder') }];
    if (order.kind === 'repair_order')
      return [
        { key: 'ro', label: t('workbench.customer.ro'), children: val(order.number) },
        { key: 'settled', label: t('workbench.customer.settled'), children: val(order.date) },
        { key: 'type', label: t('workbench.customer.repairType'), children: val(order.repairType) },
        {
          key: 'amount',
          label: t('workbench.customer.amount'),
          children: order.amount === null ? none : `¥${order.amount.toFixed(2)}`,
        },
        { key: 'mileage', label: t('workbench.customer.mileage'), children: val(order.mileageKm) },
        { key: 'advisor', label: t('workbench.customer.advisor'), children: val(order.staffName) },
      ];
    return [
      { key: 'saleDate', label: t('workbench.customer.saleDate'), children: val(order.date) },
      { key: 'delivery', label: t('workbench.customer.delivery'), children: val(order.deliveryDate) },
      { key: 'consultant', label: t('workbench.customer.consultant'), children: val(order.staffName) },
    ];
  }

  return (
    <Card size="small" title={t('workbench.customer.title')} data-testid="wb-customer">
      {c && !c.serviceCallbacksAllowed && (
        <Alert type="error" showIcon message={t('workbench.customer.callbacksBlocked')} style={{ marginBottom: 8 }} />
      )}
      <Descriptions size="small" column={1} items={items} />
    </Card>
  );
}
