import { PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Flex, Input, Select, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { COMPLAINT_LEVELS, COMPLAINT_SOURCES, COMPLAINT_STATUSES } from '../../../core/rules/complaint-flow';
import { useComplaints, type ComplaintFilter, type ComplaintItem } from '../../api/complaints';
import type { Language } from '../../i18n/messages';
import { formatDateTime } from '../../ui/format';
import { PageTitle } from '../../ui/PageTitle';
import { QueryError } from '../../ui/QueryError';
import { useCan, useDealerTimeZone } from '../auth/session';
import { CreateComplaintModal } from './CreateComplaintModal';
import { LevelTag, StatusTag } from './labels';
import { ListExportButtons } from '../../ui/ListExportButtons';

/** 客户抱怨登记 (SPEC §3.10, WF-8): the registry with level tags, filters and overdue flags. */
export default function ComplaintsPage() {
  const { t, i18n } = useTranslation();
  const tz = useDealerTimeZone();
  const canCreate = useCan('complaints:create');
  const [filter, setFilter] = useState<ComplaintFilter>({});
  const [creating, setCreating] = useState(false);
  const list = useComplaints(filter);
  const set = (patch: ComplaintFilter) => setFilter((f) => ({ ...f, ...patch }));
  const when = (iso: string) => formatDateTime(iso, i18n.language as Language, tz);

  const columns: TableColumnsType<ComplaintItem> = [
    { title: t('complaints.fields.level'), key: 'level', render: (_, c) => <LevelTag level={c.level} /> },
    {
      title: t('complaints.fields.customer'),
      key: 'customer',
      render: (_, c) => <Link to={`/complaints/${c.id}`}>{c.customerName}</Link>,
    },
    { title: t('complaints.fields.description'), dataIndex: 'description', ellipsis: true, width: 320 },
    { title: t('complaints.fields.source'), key: 'source', render: (_, c) => t(`complaints.sources.${c.source}`) },
    {
      title: t('complaints.fields.department'),
      key: 'department',
      render: (_, c) => (c.department ? t(`departments.${c.department as 'sales'}`) : t('common.none')),
    },
    { title: t('complaints.fields.staff'), key: 'staff', render: (_, c) => c.staff.map((s) => s.name).join('、') },
    { title: t('complaints.fields.status'), key: 'status', render: (_, c) => <StatusTag status={c.status} /> },
    {
      title: t('complaints.fields.dueAt'),
      key: 'due',
      render: (_, c) => (
        <span style={c.overdue ? { color: '#cf1322' } : undefined}>
          {when(c.dueAt)} {c.overdue && <Tag color="red">{t('complaints.overdue')}</Tag>}
        </span>
      ),
    },
    { title: t('complaints.fields.createdAt'), key: 'created', render: (_, c) => when(c.createdAt) },
  ];

  return (
    <>
      <PageTitle
        title={t('complaints.title')}
        extra={
          <Flex gap={8} wrap className="no-print">
            <ListExportButtons path="/api/complaints" filter={filter} testId="complaints" />
            {canCreate && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setCreating(true)}
                data-testid="complaint-new"
              >
                {t('complaints.create')}
              </Button>
            )}
          </Flex>
        }
      />
      <Flex wrap gap={12} style={{ marginBottom: 16 }}>
        {(
          [
            ['level', COMPLAINT_LEVELS, 'levels'],
            ['status', COMPLAINT_STATUSES, 'statuses'],
            ['source', COMPLAINT_SOURCES, 'sources'],
          ] as const
        ).map(([name, values, group]) => (
          <Select
            key={name}
            allowClear
            placeholder={t(`complaints.fields.${name}`)}
            style={{ width: 160 }}
            onChange={(v: string | undefined) => set({ [name]: v })}
            options={values.map((v) => ({
              value: v,
              label: t(`complaints.${group}.${v}` as 'complaints.levels.major'),
            }))}
          />
        ))}
        <Input.Search
          allowClear
          placeholder={t('complaints.searchPlaceholder')}
          onSearch={(v) => set({ q: v.trim() || undefined })}
          style={{ width: 260 }}
        />
        <Checkbox onChange={(e) => set({ overdue: e.target.checked ? 'true' : undefined })}>
          {t('complaints.overdueOnly')}
        </Checkbox>
      </Flex>
      {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
      <Table<ComplaintItem>
        rowKey="id"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        scroll={{ x: 'max-content' }}
        data-testid="complaints-table"
      />
      {canCreate && <CreateComplaintModal open={creating} onClose={() => setCreating(false)} />}
    </>
  );
}
