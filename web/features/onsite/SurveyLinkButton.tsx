import { LinkOutlined, MessageOutlined, QrcodeOutlined } from '@ant-design/icons';
import { Alert, App, Button, Input, List, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreatedLink } from '../../../core/contracts/survey-links';
import { ApiError } from '../../api/client';
import { useCreateLink, useSendLink, useTaskLinks } from '../../api/survey-links';

/**
 * "手机问卷链接" for one callback task (SPEC §1.5 P-GEN): create a link, show its QR code, copy it, or send it
 * by SMS. Drop it into the agent workbench: `<SurveyLinkButton taskId={task.id} />`.
 */
export function SurveyLinkButton({ taskId, disabled }: { taskId: string; disabled?: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        icon={<QrcodeOutlined />}
        onClick={() => setOpen(true)}
        disabled={disabled}
        data-testid="survey-link-open"
      >
        {t('onsite.link.button')}
      </Button>
      {open && <LinkModal taskId={taskId} onClose={() => setOpen(false)} />}
    </>
  );
}

function LinkModal({ taskId, onClose }: { taskId: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [current, setCurrent] = useState<CreatedLink | null>(null);
  const [error, setError] = useState<string | null>(null);
  const create = useCreateLink();
  const send = useSendLink();
  const links = useTaskLinks(taskId);
  const fail = (e: unknown) => {
    const reason = e instanceof ApiError ? (e.details as { reason?: string } | undefined)?.reason : undefined;
    setError(
      reason && t(`onsite.link.errors.${reason}`, { defaultValue: '' })
        ? t(`onsite.link.errors.${reason}`)
        : String((e as Error).message),
    );
  };
  const onCreate = () => {
    setError(null);
    create.mutate(taskId, { onSuccess: setCurrent, onError: fail });
  };
  const onSend = () => {
    setError(null);
    send.mutate(
      { taskId },
      {
        onSuccess: (r) => {
          setCurrent(r);
          void message.success(t('onsite.link.sent', { phone: r.sms.phoneHint }));
        },
        onError: fail,
      },
    );
  };
  const copy = async () => {
    if (!current) return;
    await navigator.clipboard?.writeText(current.url).catch(() => undefined);
    void message.success(t('onsite.link.copied'));
  };
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language);

  return (
    <Modal open title={t('onsite.link.button')} onCancel={onClose} footer={null} width={520}>
      <Space direction="vertical" style={{ width: '100%' }}>
        {error && <Alert type="warning" showIcon message={error} />}
        <Space wrap>
          <Button
            type="primary"
            icon={<LinkOutlined />}
            loading={create.isPending}
            onClick={onCreate}
            data-testid="survey-link-create"
          >
            {t('onsite.link.create')}
          </Button>
          <Button icon={<MessageOutlined />} loading={send.isPending} onClick={onSend} data-testid="survey-link-send">
            {t('onsite.link.send')}
          </Button>
        </Space>
        <Typography.Text type="secondary">{t('onsite.link.rotateHint')}</Typography.Text>
        {current && (
          <div style={{ textAlign: 'center' }} data-testid="survey-link-current">
            <img src={current.qr} alt="QR" width={220} height={220} />
            <div>{t('onsite.link.scan')}</div>
            <Space.Compact style={{ width: '100%', marginTop: 8 }}>
              <Input readOnly value={current.url} data-testid="survey-link-url" />
              <Button onClick={() => void copy()}>{t('onsite.link.copy')}</Button>
            </Space.Compact>
            <Typography.Text type="secondary">
              {t('onsite.link.expires', { at: when(current.link.expiresAt) })}
            </Typography.Text>
          </div>
        )}
        <List
          size="small"
          header={t('onsite.link.history')}
          dataSource={links.data?.items ?? []}
          loading={links.isLoading}
          renderItem={(l) => (
            <List.Item>
              <Space wrap>
                <Tag color={l.status === 'live' ? 'green' : l.status === 'used' ? 'blue' : 'default'}>
                  {t(`onsite.link.statuses.${l.status}`)}
                </Tag>
                {l.usedFor && <span>{t(`onsite.link.usedFor.${l.usedFor}`)}</span>}
                <span>{when(l.createdAt)}</span>
                <span>{t('onsite.link.opened', { n: l.openedCount })}</span>
                {(links.data?.sms ?? [])
                  .filter((s) => s.linkId === l.id)
                  .map((s) => (
                    <Tag key={s.id}>
                      {t(`onsite.link.sms.${s.status}`)} {s.phoneHint}
                    </Tag>
                  ))}
              </Space>
            </List.Item>
          )}
        />
      </Space>
    </Modal>
  );
}
