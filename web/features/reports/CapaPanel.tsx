import { Button, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CAPA_DEPARTMENTS, type Capa, type CapaAction } from '../../../core/contracts/reports';
import { useCapaList, useCapaStep, useCreateCapa } from '../../api/reports';
import { useCan } from '../auth/session';

/** The lifecycle buttons a status offers (the server checks who may press them). */
const NEXT: Record<Capa['status'], CapaAction[]> = {
  draft: ['submit'],
  approval: ['approve', 'reject'],
  implementation: ['implemented'],
  supervision: ['supervised'],
  check: ['pass', 'fail'],
  review: ['close'],
  closed: [],
};
const GM_ONLY: CapaAction[] = ['approve', 'reject', 'pass', 'fail'];

/** 纠正与预防措施 (SPEC §3.16, §4.16): list, open, and step through draft → GM approval → … → closed. */
export function CapaPanel({ reportId }: { reportId?: string }) {
  const { t } = useTranslation();
  const list = useCapaList();
  const step = useCapaStep();
  const create = useCreateCapa();
  const isGm = useCan('capa:approve');
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const items = (list.data?.items ?? []).filter((c) => !reportId || c.originReportId === reportId);
  const actions = (c: Capa) =>
    NEXT[c.status]
      .filter((a) => isGm || !GM_ONLY.includes(a))
      .map((a) => (
        <Button key={a} size="small" onClick={() => step.mutate({ id: c.id, action: a })}>
          {t(`reports.capa.actions.${a}`)}
        </Button>
      ));
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('reports.capa.title')}{' '}
        <Button size="small" onClick={() => setOpen(true)}>
          {t('reports.capa.new')}
        </Button>
      </Typography.Title>
      <Table
        rowKey="id"
        size="small"
        dataSource={items}
        columns={[
          { title: t('reports.capa.department'), dataIndex: 'department', key: 'd' },
          { title: t('reports.capa.description'), dataIndex: 'description', key: 'p' },
          { title: t('reports.capa.measures'), dataIndex: 'measures', key: 'm' },
          {
            title: t('reports.capa.status'),
            key: 's',
            render: (_: unknown, c: Capa) => <Tag>{t(`reports.capa.statuses.${c.status}`)}</Tag>,
          },
          { title: '', key: 'a', render: (_: unknown, c: Capa) => <Space>{actions(c)}</Space> },
        ]}
      />
      <Modal
        open={open}
        title={t('reports.capa.new')}
        onCancel={() => setOpen(false)}
        onOk={() =>
          form
            .validateFields()
            .then((v) =>
              create.mutate(
                { origin: reportId ? 'recurring_problem' : 'callback_analysis', originReportId: reportId, ...v },
                { onSuccess: () => setOpen(false) },
              ),
            )
        }
      >
        <Form form={form} layout="vertical">
          <Form.Item name="department" label={t('reports.capa.department')} rules={[{ required: true }]}>
            <Select options={CAPA_DEPARTMENTS.map((d) => ({ value: d, label: d }))} />
          </Form.Item>
          <Form.Item name="description" label={t('reports.capa.description')} rules={[{ required: true }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="measures" label={t('reports.capa.measures')}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
