import { App, Button, Checkbox, Col, Form, Input, Row, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCallToComplaint, useHotlineCalls, useReplyCall, type HotlineCallItem } from '../../api/hotline';
import type { Language } from '../../i18n/messages';
import { formatDateTime } from '../../ui/format';
import { PageTitle } from '../../ui/PageTitle';
import { QueryError } from '../../ui/QueryError';
import { useNotifyError } from '../../ui/use-notify-error';
import { useCan, useDealerTimeZone } from '../auth/session';
import { ActionModal } from '../complaints/ActionModal';
import { QuickEntryForm } from './QuickEntryForm';
import { ListExportButtons } from '../../ui/ListExportButtons';

/** 热线来电登记 (SPEC §3.24, WF-10): quick entry beside the log; overdue promised replies in red. */
export default function HotlinePage() {
  const { t, i18n } = useTranslation();
  const tz = useDealerTimeZone();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const navigate = useNavigate();
  const canComplain = useCan('complaints:create');
  const [overdue, setOverdue] = useState(false);
  const [q, setQ] = useState<string | undefined>();
  const list = useHotlineCalls({ overdue: overdue ? 'true' : undefined, q });
  const reply = useReplyCall();
  const toComplaint = useCallToComplaint();
  const [replying, setReplying] = useState<HotlineCallItem | null>(null);
  const when = (iso: string | null) => formatDateTime(iso, i18n.language as Language, tz) ?? t('common.none');
  const makeComplaint = async (c: HotlineCallItem) => {
    try {
      const r = await toComplaint.mutateAsync({ id: c.id });
      void message.success(t('hotline.complaintCreated'));
      void navigate(`/complaints/${r.complaintId}`);
    } catch (e) {
      notifyError(e);
    }
  };
  const columns: TableColumnsType<HotlineCallItem> = [
    { title: t('hotline.startedAt'), key: 'at', render: (_, c) => `${c.line} · ${when(c.startedAt)}` },
    { title: t('hotline.callerName'), key: 'caller', render: (_, c) => `${c.callerName} ${c.callerPhone}` },
    { title: t('hotline.category'), key: 'cat', render: (_, c) => t(`hotline.categories.${c.category}`) },
    { title: t('hotline.purpose'), dataIndex: 'purpose', ellipsis: true },
    {
      title: t('hotline.promise'),
      key: 'promise',
      render: (_, c) => (
        <span style={c.overdue ? { color: '#cf1322', fontWeight: 600 } : undefined}>
          {c.promisedReplyAt ? when(c.promisedReplyAt) : t('common.none')}
          {c.overdue && (
            <Tag color="red" style={{ marginLeft: 4 }}>
              {t('hotline.overdue')}
            </Tag>
          )}
          {c.kept === true && (
            <Tag color="green" style={{ marginLeft: 4 }}>
              {t('hotline.keptYes')}
            </Tag>
          )}
          {c.kept === false && !c.overdue && (
            <Tag color="orange" style={{ marginLeft: 4 }}>
              {t('hotline.keptNo')}
            </Tag>
          )}
        </span>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      className: 'no-print',
      render: (_, c) => (
        <Space>
          {!c.repliedAt && (
            <Button size="small" onClick={() => setReplying(c)} data-testid="hotline-reply">
              {t('hotline.reply')}
            </Button>
          )}
          {canComplain && !c.complaintId && c.category !== 'enquiry' && (
            <Button size="small" onClick={() => void makeComplaint(c)} data-testid="hotline-to-complaint">
              {t('hotline.toComplaint')}
            </Button>
          )}
        </Space>
      ),
    },
  ];
  return (
    <>
      <PageTitle
        title={t('hotline.title')}
        extra={
          <ListExportButtons
            path="/api/hotline-calls"
            filter={{ overdue: overdue ? 'true' : undefined, q }}
            testId="hotline"
          />
        }
      />
      <Row gutter={16}>
        <Col xs={24} xl={9} className="no-print">
          <QuickEntryForm />
        </Col>
        <Col xs={24} xl={15} className="print-full">
          <Space style={{ marginBottom: 12 }}>
            <Input.Search allowClear onSearch={(v) => setQ(v.trim() || undefined)} style={{ width: 240 }} />
            <Checkbox checked={overdue} onChange={(e) => setOverdue(e.target.checked)} data-testid="hotline-overdue">
              {t('hotline.overdueOnly')}
            </Checkbox>
          </Space>
          {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
          <Table<HotlineCallItem>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.isFetching}
            rowClassName={(c) => (c.overdue ? 'manyi-row-overdue' : '')}
            onRow={(c) => (c.overdue ? { style: { background: '#fff1f0' } } : {})}
            scroll={{ x: 'max-content' }}
            data-testid="hotline-table"
          />
        </Col>
      </Row>
      <ActionModal<{ note: string }>
        open={replying !== null}
        onClose={() => setReplying(null)}
        title={t('hotline.reply')}
        onSubmit={(v) => reply.mutateAsync({ id: replying!.id, note: v.note })}
      >
        <Form.Item name="note" label={t('hotline.replyNote')} rules={[{ required: true, max: 2000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </ActionModal>
    </>
  );
}
