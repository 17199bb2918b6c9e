import { Card, Descriptions, Skeleton, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useComplaint } from '../../api/complaints';
import type { Language } from '../../i18n/messages';
import { formatDateTime } from '../../ui/format';
import { PageTitle } from '../../ui/PageTitle';
import { QueryError } from '../../ui/QueryError';
import { useDealerTimeZone } from '../auth/session';
import { AppealTable } from './AppealTable';
import { ComplaintActions } from './ComplaintActions';
import { LevelTag, StatusTag } from './labels';
import { NoticeCard } from './NoticeCard';
import { PenaltyTable } from './PenaltyTable';

/** 客户抱怨单: the slip, its actions, timeline, penalties, appeals and rectification notice. */
export default function ComplaintPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const tz = useDealerTimeZone();
  const q = useComplaint(id);
  const when = (iso: string | null) => formatDateTime(iso, i18n.language as Language, tz) ?? t('common.none');
  if (q.isError) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  const c = q.data;
  if (!c) return <Skeleton active />;
  const F = (k: keyof typeof c & string) => t(`complaints.fields.${k}` as 'complaints.fields.level');
  return (
    <>
      <PageTitle
        title={
          <span>
            {c.customerName} <LevelTag level={c.level} /> <StatusTag status={c.status} />
            {c.overdue && <Tag color="red">{t('complaints.overdue')}</Tag>}
          </span>
        }
      />
      <ComplaintActions c={c} />
      <Descriptions bordered size="small" column={2} style={{ marginBottom: 16 }} data-testid="complaint-detail">
        <Descriptions.Item label={F('description')} span={2}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{c.description}</Typography.Paragraph>
        </Descriptions.Item>
        <Descriptions.Item label={F('source')}>{t(`complaints.sources.${c.source}`)}</Descriptions.Item>
        <Descriptions.Item label={t('complaints.fields.phone')}>
          {c.customerPhone ?? t('common.none')}
        </Descriptions.Item>
        <Descriptions.Item label={F('department')}>
          {c.department ? t(`departments.${c.department as 'sales'}`) : t('common.none')}
        </Descriptions.Item>
        <Descriptions.Item label={F('staff')}>
          {c.staff.map((s) => `${s.name}（${s.position}）`).join('、') || t('common.none')}
        </Descriptions.Item>
        <Descriptions.Item label={F('dueAt')}>{when(c.dueAt)}</Descriptions.Item>
        <Descriptions.Item label={F('createdBy')}>{`${c.createdBy ?? ''} ${when(c.createdAt)}`}</Descriptions.Item>
        <Descriptions.Item label={F('handlingResult')}>{c.handlingResult ?? t('common.none')}</Descriptions.Item>
        <Descriptions.Item label={F('improvementMeasures')}>
          {c.improvementMeasures ?? t('common.none')}
        </Descriptions.Item>
        <Descriptions.Item label={F('checkResult')}>{c.checkResult ?? t('common.none')}</Descriptions.Item>
        <Descriptions.Item label={F('relationshipNotes')}>{c.relationshipNotes ?? t('common.none')}</Descriptions.Item>
      </Descriptions>
      {c.penalties.length > 0 && (
        <Card size="small" title={t('complaints.penalties.title')} style={{ marginBottom: 16 }}>
          <PenaltyTable items={c.penalties} />
        </Card>
      )}
      {c.appeals.length > 0 && (
        <Card size="small" title={t('complaints.appeals.title')} style={{ marginBottom: 16 }}>
          <AppealTable items={c.appeals} />
        </Card>
      )}
      {c.rectification && (
        <Card size="small" title={t('complaints.notices.title')} style={{ marginBottom: 16 }}>
          <NoticeCard n={c.rectification} />
        </Card>
      )}
      <Card size="small" title={t('complaints.timeline')}>
        <Timeline
          data-testid="complaint-timeline"
          items={c.events.map((e) => ({
            key: e.id,
            children: (
              <>
                <Typography.Text strong>
                  {t(`complaints.events.${e.kind.replace('.', '_')}` as 'complaints.events.complaint_create', {
                    defaultValue: e.kind,
                  })}
                </Typography.Text>
                <Typography.Text type="secondary">
                  {' '}
                  · {e.actor ?? t('audit.system')} · {when(e.at)}
                </Typography.Text>
                {e.note && <div style={{ whiteSpace: 'pre-wrap' }}>{e.note}</div>}
              </>
            ),
          }))}
        />
      </Card>
    </>
  );
}
