import { Button, Checkbox, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHandoffs, type HandoffData } from '../../api/callbacks';
import { currentLanguage } from '../../i18n';
import { formatDateTime } from '../../ui/format';
import { PageTitle } from '../../ui/PageTitle';
import { QueryError } from '../../ui/QueryError';
import { useDealerTimeZone } from '../auth/session';
import { FixHandoffDialog } from './FixHandoffDialog';

function useColumns(onFix: (h: HandoffData) => void): TableColumnsType<HandoffData> {
  const { t } = useTranslation();
  const tz = useDealerTimeZone();
  const none = t('common.none');
  const time = (iso: string | null) => formatDateTime(iso, currentLanguage(), tz) ?? none;
  const c = (k: string) => t(`callbacks.handoffs.columns.${k as 'customer'}`);
  return [
    { key: 'customer', title: c('customer'), render: (_, h) => h.customerName ?? none },
    { key: 'source', title: c('source'), render: (_, h) => h.sourceNumber ?? none },
    { key: 'type', title: c('type'), render: (_, h) => t(`callbacks.types.${h.taskType}`) },
    { key: 'reason', title: c('reason'), render: (_, h) => t(`callbacks.handoffs.reasons.${h.reason}`) },
    { key: 'staff', title: c('staff'), render: (_, h) => h.staffName ?? none },
    { key: 'createdAt', title: c('createdAt'), render: (_, h) => time(h.createdAt) },
    {
      key: 'dueAt',
      title: c('dueAt'),
      render: (_, h) => (
        <Typography.Text type={h.overdue && !h.fixedAt ? 'danger' : undefined}>{time(h.dueAt)}</Typography.Text>
      ),
    },
    { key: 'fixedAt', title: c('fixedAt'), render: (_, h) => time(h.fixedAt) },
    {
      key: 'actions',
      title: c('actions'),
      render: (_, h) =>
        h.fixedAt ? null : (
          <Button size="small" type="primary" onClick={() => onFix(h)} data-testid="handoff-fix">
            {t('callbacks.handoffs.fix')}
          </Button>
        ),
    },
  ];
}

/** 待修正联系方式 (SPEC §4.6 WF-5): wrong contact data handed to the advisor / consultant, fixed within 1 working day. */
export default function HandoffsPage() {
  const { t } = useTranslation();
  const [mine, setMine] = useState(true);
  const [openOnly, setOpenOnly] = useState(true);
  const [fixing, setFixing] = useState<HandoffData | null>(null);
  const list = useHandoffs({ mine, ...(openOnly ? { open: true } : {}) });
  const columns = useColumns(setFixing);
  return (
    <>
      <PageTitle title={t('callbacks.handoffs.title')} />
      <Space style={{ marginBottom: 12 }}>
        <Checkbox checked={mine} onChange={(e) => setMine(e.target.checked)} data-testid="handoffs-mine">
          {t('callbacks.handoffs.mine')}
        </Checkbox>
        <Checkbox checked={openOnly} onChange={(e) => setOpenOnly(e.target.checked)}>
          {t('callbacks.handoffs.openOnly')}
        </Checkbox>
      </Space>
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<HandoffData>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          scroll={{ x: 'max-content' }}
          data-testid="handoffs-table"
        />
      )}
      <FixHandoffDialog handoff={fixing} onClose={() => setFixing(null)} />
    </>
  );
}
