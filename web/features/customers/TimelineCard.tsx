import { CarOutlined, EditOutlined, GiftOutlined, HistoryOutlined, ToolOutlined } from '@ant-design/icons';
import { Card, Empty, Flex, Tag, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer360Data } from '../../api/customers';

type Item = Customer360Data['timeline'][number];

const ICONS: Record<Item['type'], ReactNode> = {
  repair_order: <ToolOutlined />,
  sale: <CarOutlined />,
  delivery: <GiftOutlined />,
  correction: <EditOutlined />,
  change: <HistoryOutlined />,
};
const COLOURS: Record<Item['type'], string> = {
  repair_order: 'blue',
  sale: 'green',
  delivery: 'green',
  correction: 'red',
  change: 'gray',
};

type Change = NonNullable<Item['change']>;

/** A history value as text: booleans, genders and customer types in words, '[encrypted]' as such. */
function useChangeText() {
  const { t, i18n } = useTranslation();
  const value = (field: string, v: string | null): string => {
    if (v === null || v === '') return t('customers.changeValues.empty');
    if (v === '[encrypted]') return t('customers.changeValues.encrypted');
    if (v === 'true' || v === 'false') return t(`customers.changeValues.${v}`);
    if (field === 'gender' && (v === 'male' || v === 'female')) return t(`customers.genders.${v}`);
    if (field === 'kind' && (v === 'private' || v === 'organisation')) return t(`customers.kinds.${v}`);
    return v;
  };
  const label = (field: string) =>
    i18n.exists(`customers.changeFields.${field}`) ? t(`customers.changeFields.${field}` as 'customers.name') : field;
  const text = (c: Change) =>
    c.hidden ? t('customers.changeValues.hidden') : `${value(c.field, c.from)} → ${value(c.field, c.to)}`;
  return { label, text };
}

/** The customer's history, newest first: repair orders, purchases, deliveries, corrections, data changes. */
export function TimelineCard({ timeline }: { timeline: Item[] }) {
  const { t } = useTranslation();
  const change = useChangeText();
  const items = [...timeline].sort((a, b) => (a.on < b.on ? 1 : a.on > b.on ? -1 : 0));
  return (
    <Card title={t('customers.timeline')} size="small">
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('customers.timelineEmpty')} />
      ) : (
        <div data-testid="customer-timeline">
          <Timeline
            items={items.map((item, i) => ({
              key: `${item.type}-${item.refId ?? i}-${item.on}`,
              icon: ICONS[item.type],
              color: COLOURS[item.type],
              content: (
                <Flex vertical gap={2} data-testid={`timeline-${item.type}`}>
                  <Flex gap={8} align="center" wrap>
                    <Typography.Text type="secondary">{item.on}</Typography.Text>
                    <Tag color={COLOURS[item.type]}>{t(`customers.events.${item.type}`)}</Tag>
                    <Typography.Text strong>
                      {item.change ? change.label(item.change.field) : item.title}
                    </Typography.Text>
                  </Flex>
                  {item.change && (
                    <Typography.Text data-testid="timeline-change">{change.text(item.change)}</Typography.Text>
                  )}
                  {item.detail && (
                    <Typography.Text type="secondary">
                      {item.change ? t('customers.changeBy', { source: item.detail }) : item.detail}
                    </Typography.Text>
                  )}
                </Flex>
              ),
            }))}
          />
        </div>
      )}
    </Card>
  );
}
