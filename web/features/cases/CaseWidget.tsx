import { Card, Col, List, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCaseSummary } from '../../api/cases';
import { useCan } from '../auth/session';
import { DueCell } from './labels';

/** The dashboard's closed-loop widget: my red items first (SPEC §8.4 "(D) Overdue items are highlighted"). */
export function CaseWidget() {
  const { t } = useTranslation();
  const readable = useCan('cases:read');
  const create = useCan('cases:create');
  const q = useCaseSummary(readable);
  if (!readable || !q.data) return null;
  const s = q.data;
  const red = { color: '#cf1322' };
  const stat = (key: string, tab: string, value: number, danger = false) => (
    <Col xs={12} md={6} key={key}>
      <Link to={`/cases?tab=${tab}`} data-testid={`case-widget-${key}`}>
        <Statistic
          title={t(`cases.widget.${key}` as 'cases.widget.mine')}
          value={value}
          valueStyle={danger && value ? red : undefined}
        />
      </Link>
    </Col>
  );
  return (
    <Card size="small" title={t('cases.widget.title')} style={{ marginBottom: 16 }} data-testid="case-widget">
      <Row gutter={16}>
        {stat('mine', 'mine', s.mine)}
        {stat('overdue', 'overdue', s.overdue, true)}
        {create
          ? stat('secondCallback', 'second_callback', s.secondCallback)
          : stat('escalated', 'escalated', s.escalated, true)}
        {create && stat('unhandled', 'unhandled', s.unhandled, true)}
      </Row>
      {s.overdueItems.length > 0 ? (
        <List
          size="small"
          style={{ marginTop: 8 }}
          dataSource={s.overdueItems}
          renderItem={(c) => (
            <List.Item>
              <Link to={`/cases/${c.id}`}>{c.formNo}</Link>
              <Typography.Text ellipsis style={{ flex: 1, margin: '0 12px' }}>
                {c.customerName} {c.problem}
              </Typography.Text>
              <DueCell c={c} />
            </List.Item>
          )}
        />
      ) : (
        <Typography.Text type="secondary">{t('cases.widget.allGood')}</Typography.Text>
      )}
    </Card>
  );
}
