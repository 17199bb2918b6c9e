import { Card, Col, Descriptions, Row, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useCase } from '../../api/cases';
import { PageTitle } from '../../ui/PageTitle';
import { QueryError } from '../../ui/QueryError';
import { CaseActions } from './CaseActions';
import { CaseTimeline } from './CaseTimeline';
import { ReassignCallbackButton } from './ReassignCallbackButton';
import { CaseStatusTag, DueCell, useWhen } from './labels';

/** 客户不满意问题跟踪解决表 (AYT-JL-客服-03, SPEC §3.9): the form, the step to do, and the whole timeline. */
export default function CasePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const when = useWhen();
  const q = useCase(id);
  if (q.isError) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  const c = q.data;
  if (!c) return <Skeleton active />;
  const F = (k: string) => t(`cases.fields.${k}` as 'cases.fields.problem');
  return (
    <>
      <PageTitle
        title={
          <span data-testid="case-title">
            {c.formNo} <CaseStatusTag c={c} /> <Tag>{t('cases.loop', { n: c.loop })}</Tag>
            {c.overdue && <Tag color="red">{t('cases.overdue')}</Tag>}
            {c.loopEscalated && <Tag color="volcano">{t('cases.escalated')}</Tag>}
          </span>
        }
      />
      <CaseActions c={c} />
      <ReassignCallbackButton c={c} />
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={1} data-testid="case-detail">
              <Descriptions.Item label={F('customer')}>{c.customerName ?? t('common.none')}</Descriptions.Item>
              <Descriptions.Item label={F('vehicle')}>
                {[c.plate, c.vin].filter(Boolean).join(' · ') || t('common.none')}
              </Descriptions.Item>
              <Descriptions.Item label={F('channel')}>{t(`cases.channels.${c.channel}`)}</Descriptions.Item>
              <Descriptions.Item label={F('path')}>{t(`cases.paths.${c.path}`)}</Descriptions.Item>
              <Descriptions.Item label={F('severity')}>{t(`cases.severities.${c.severity}`)}</Descriptions.Item>
              <Descriptions.Item label={F('department')}>{t(`cases.departments.${c.department}`)}</Descriptions.Item>
              <Descriptions.Item label={F('recipients')}>
                {[...c.recipientRoles.map((r) => t(`roles.${r}` as 'roles.gm')), c.handlerName]
                  .filter(Boolean)
                  .join('、') || t('common.none')}
              </Descriptions.Item>
              <Descriptions.Item label={F('filledBy')}>{c.filledByName}</Descriptions.Item>
              <Descriptions.Item label={F('createdAt')}>{when(c.createdAt)}</Descriptions.Item>
              <Descriptions.Item label={t('cases.columns.due')}>
                <DueCell c={c} />
              </Descriptions.Item>
              {c.closedReason && (
                <Descriptions.Item label={F('closedReason')}>
                  {t(`cases.closedReasons.${c.closedReason}` as 'cases.closedReasons.satisfied')}
                </Descriptions.Item>
              )}
            </Descriptions>
            <Typography.Title level={5}>{F('problem')}</Typography.Title>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{c.problem}</Typography.Paragraph>
            {c.handlingResult && (
              <>
                <Typography.Title level={5}>{F('result')}</Typography.Title>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="case-result">
                  {c.handlingResult}
                </Typography.Paragraph>
              </>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small">
            <CaseTimeline c={c} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
