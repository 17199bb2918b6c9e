import { Flex, Input, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../core/contracts/audit';
import { useAudit, type AuditOutcome } from '../../api/audit';
import { currentLanguage } from '../../i18n';
import { formatDateTime } from '../../ui/format';
import { ListExportButtons } from '../../ui/ListExportButtons';
import { PageTitle } from '../../ui/PageTitle';
import { usePaging } from '../../ui/paging';
import { QueryError } from '../../ui/QueryError';
import { useDealerTimeZone, useSession } from '../auth/session';

const OUTCOMES: readonly AuditOutcome[] = ['success', 'failure', 'denied'];
const OUTCOME_COLOR: Record<AuditOutcome, string> = { success: 'green', failure: 'orange', denied: 'red' };

/** Details are data from the request: always rendered as text, never as HTML. */
function detailsText(details: AuditEntry['details']): string | null {
  return Object.keys(details).length === 0 ? null : JSON.stringify(details);
}

export default function AuditPage() {
  const { t } = useTranslation();
  const me = useSession();
  const [outcome, setOutcome] = useState<AuditOutcome | undefined>();
  const [action, setAction] = useState('');
  const paging = usePaging();
  const audit = useAudit({ outcome, action: action || undefined, ...paging.limitOffset });
  const lang = currentLanguage();
  const fallbackZone = useDealerTimeZone();
  const timeZoneOf = (dealerId: string) => me.dealers.find((d) => d.id === dealerId)?.timeZone ?? fallbackZone;

  const columns: TableColumnsType<AuditEntry> = [
    {
      title: t('audit.time'),
      dataIndex: 'at',
      key: 'at',
      render: (at: string, entry) => formatDateTime(at, lang, timeZoneOf(entry.dealerId)),
    },
    {
      title: t('audit.actor'),
      dataIndex: 'actorUsername',
      key: 'actor',
      render: (actor: string | null) =>
        actor ?? <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>,
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      key: 'action',
      render: (a: string) => <Typography.Text code>{a}</Typography.Text>,
    },
    {
      title: t('audit.entity'),
      key: 'entity',
      render: (_v, e) => (e.entityType ? [e.entityType, e.entityId].filter(Boolean).join(' · ') : t('common.none')),
    },
    {
      title: t('audit.outcome'),
      dataIndex: 'outcome',
      key: 'outcome',
      render: (o: AuditOutcome) => <Tag color={OUTCOME_COLOR[o]}>{t(`audit.outcomes.${o}`)}</Tag>,
    },
    { title: t('audit.ip'), dataIndex: 'ip', key: 'ip', render: (ip: string | null) => ip ?? t('common.none') },
    {
      title: t('audit.details'),
      dataIndex: 'details',
      key: 'details',
      width: 360,
      render: (details: AuditEntry['details']) => {
        const text = detailsText(details);
        return text ? (
          <Typography.Paragraph
            ellipsis={{ rows: 2, expandable: true }}
            style={{ margin: 0, fontFamily: 'monospace', fontSize: 12, wordBreak: 'break-all' }}
          >
            {text}
          </Typography.Paragraph>
        ) : (
          t('common.none')
        );
      },
    },
  ];

  return (
    <>
      <PageTitle
        title={t('audit.title')}
        extra={<ListExportButtons path="/api/audit" filter={{ outcome, action: action || undefined }} testId="audit" />}
      />
      <Flex wrap gap={12} style={{ marginBottom: 16 }}>
        <Select<AuditOutcome>
          allowClear
          placeholder={t('audit.outcomeFilter')}
          value={outcome}
          onChange={(value) => {
            setOutcome(value);
            paging.reset();
          }}
          options={OUTCOMES.map((o) => ({ value: o, label: t(`audit.outcomes.${o}`) }))}
          style={{ width: 160 }}
          data-testid="audit-outcome-filter"
        />
        <Input.Search
          allowClear
          placeholder={t('audit.actionPlaceholder')}
          enterButton={t('common.search')}
          maxLength={64}
          onSearch={(value) => {
            setAction(value.trim());
            paging.reset();
          }}
          style={{ width: 320 }}
          data-testid="audit-action-filter"
        />
      </Flex>
      {audit.isError && <QueryError error={audit.error} onRetry={() => void audit.refetch()} />}
      <Table<AuditEntry>
        rowKey={(e) => `${e.dealerId}:${e.seq}`}
        columns={columns}
        dataSource={audit.data?.items ?? []}
        loading={audit.isFetching}
        pagination={paging.pagination(t, audit.data?.total)}
        scroll={{ x: 'max-content' }}
        size="middle"
        data-testid="audit-table"
      />
    </>
  );
}
