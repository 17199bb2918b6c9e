import { App, Form, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAssignTask, useCallbackAgents, type QueueRow } from '../../api/callbacks';
import { useNotifyError } from '../../ui/use-notify-error';
import { agentOptions } from './QueueFilters';

const EVERYONE = '__everyone__';

/** Reassign one task to any agent of the dealer (with the work each has now), or back to the shared queue. */
export function AssignDialog(props: { row: QueueRow | null; meId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const assign = useAssignTask();
  const agents = useCallbackAgents(props.row !== null);
  const [agent, setAgent] = useState<string | undefined>(undefined);
  const row = props.row;
  const submit = () => {
    if (!row || !agent) return;
    assign.mutate(
      { taskId: row.id, userId: agent === EVERYONE ? null : agent },
      {
        onSuccess: () => {
          void message.success(t('callbacks.queue.assignDialog.done'));
          setAgent(undefined);
          props.onClose();
        },
        onError: notifyError,
      },
    );
  };
  return (
    <Modal
      open={row !== null}
      title={t('callbacks.queue.assignDialog.title')}
      onCancel={props.onClose}
      onOk={submit}
      okButtonProps={{ disabled: !agent, loading: assign.isPending }}
      destroyOnHidden
    >
      <Typography.Paragraph>
        {row?.customerName} · {row ? t(`callbacks.types.${row.type}`) : ''}
      </Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={t('callbacks.queue.assignDialog.agent')} extra={t('callbacks.queue.assignDialog.hint')}>
          <Select
            value={agent}
            onChange={setAgent}
            loading={agents.isLoading}
            options={[
              { value: EVERYONE, label: t('callbacks.queue.assignDialog.everyone') },
              ...agentOptions(agents.data?.items, props.meId, t, true),
            ]}
            data-testid="assign-agent"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
