import { Button, Descriptions, Form, Input, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNoticeStep, type NoticeItem } from '../../api/complaints';
import type { Language } from '../../i18n/messages';
import { formatDateTime } from '../../ui/format';
import { useCan, useDealerTimeZone } from '../auth/session';
import { ActionModal } from './ActionModal';

/** One rectification notice (整改通知单, WF-9) with its next step: result, written explanation, close. */
export function NoticeCard({ n }: { n: NoticeItem }) {
  const { t, i18n } = useTranslation();
  const tz = useDealerTimeZone();
  const handle = useCan('complaints:handle');
  const check = useCan('complaints:check');
  const step = useNoticeStep();
  const [open, setOpen] = useState<'result' | 'explanation' | null>(null);
  const when = (iso: string | null) => formatDateTime(iso, i18n.language as Language, tz) ?? t('common.none');
  return (
    <>
      <Descriptions size="small" bordered column={2} data-testid="notice-card">
        <Descriptions.Item label={t('complaints.fields.status')}>
          <Tag>{t(`complaints.notices.statuses.${n.status}`)}</Tag>
          {n.overdue && <Tag color="red">{t('complaints.overdue')}</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label={t('complaints.notices.dueAt')}>
          {n.dueAt ? when(n.dueAt) : t('complaints.notices.noDue')}
        </Descriptions.Item>
        <Descriptions.Item label={t('complaints.notices.responsible')}>{n.responsible}</Descriptions.Item>
        <Descriptions.Item label={t('complaints.notices.relatedLeaders')}>
          {n.relatedLeaders || t('common.none')}
        </Descriptions.Item>
        <Descriptions.Item label={t('complaints.notices.disciplinaryAction')}>
          {n.disciplinaryAction ? t(`complaints.notices.actions.${n.disciplinaryAction}`) : t('common.none')}
          {n.majorLoss && (
            <Tag color="red" style={{ marginLeft: 8 }}>
              {t('complaints.notices.majorLoss')}
            </Tag>
          )}
          {n.deductPerformancePay && <Tag color="volcano">{t('complaints.notices.deductPerformancePay')}</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label={t('complaints.notices.requirements')}>{n.requirements}</Descriptions.Item>
        <Descriptions.Item label={t('complaints.notices.result')}>{n.result ?? t('common.none')}</Descriptions.Item>
        <Descriptions.Item label={t('complaints.notices.explanation')}>
          {n.explanation ?? t('common.none')}
        </Descriptions.Item>
      </Descriptions>
      <Space style={{ marginTop: 8 }}>
        {handle && n.status === 'issued' && (
          <Button onClick={() => setOpen('result')}>{t('complaints.notices.reportResult')}</Button>
        )}
        {handle && n.status !== 'closed' && (
          <Button onClick={() => setOpen('explanation')}>{t('complaints.notices.explain')}</Button>
        )}
        {check && n.status === 'reported' && n.explanation && (
          <Button type="primary" onClick={() => void step.mutateAsync({ id: n.id, step: 'close' })}>
            {t('complaints.notices.close')}
          </Button>
        )}
      </Space>
      <ActionModal<{ text: string }>
        open={open !== null}
        onClose={() => setOpen(null)}
        title={open === 'result' ? t('complaints.notices.reportResult') : t('complaints.notices.explain')}
        onSubmit={(v) => step.mutateAsync({ id: n.id, step: open!, text: v.text })}
      >
        <Form.Item name="text" rules={[{ required: true, max: 4000 }]}>
          <Input.TextArea rows={4} />
        </Form.Item>
      </ActionModal>
    </>
  );
}
