import { App, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCaseStep, type CaseDetailData, type StepInput } from '../../api/cases';
import { useNotifyError } from '../../ui/use-notify-error';

/** The one step the signed-in user may do now: send, reply, return, or record the second callback. */
export function CaseActions({ c }: { c: CaseDetailData }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const step = useCaseStep(c.id);
  const [text, setText] = useState('');
  const action = c.actions[0];
  if (!action) return null;
  const run = async (input: StepInput) => {
    try {
      await step.mutateAsync(input);
      setText('');
      void message.success(t('cases.saved'));
    } catch (e) {
      notifyError(e);
    }
  };
  const needsText = action === 'reply';
  return (
    <Card size="small" title={t(`cases.actions.${action}`)} style={{ marginBottom: 16 }} data-testid="case-actions">
      <Form layout="vertical">
        <Form.Item label={needsText ? t('cases.fields.result') : t('cases.fields.note')} required={needsText}>
          <Input.TextArea
            rows={3}
            maxLength={4000}
            value={text}
            onChange={(e) => setText(e.target.value)}
            data-testid="case-step-text"
          />
        </Form.Item>
      </Form>
      {action === 'second_callback' ? (
        <Space>
          <Button
            type="primary"
            loading={step.isPending}
            data-testid="case-satisfied"
            onClick={() => void run({ action: 'second-callback', body: { satisfied: true, note: text } })}
          >
            {t('cases.actions.satisfied')}
          </Button>
          <Button
            danger
            loading={step.isPending}
            data-testid="case-not-satisfied"
            onClick={() => void run({ action: 'second-callback', body: { satisfied: false, note: text } })}
          >
            {t('cases.actions.notSatisfied')}
          </Button>
        </Space>
      ) : (
        <Button
          type="primary"
          loading={step.isPending}
          disabled={needsText && !text.trim()}
          data-testid={`case-do-${action}`}
          onClick={() =>
            void run(
              action === 'reply'
                ? { action: 'reply', body: { result: text.trim() } }
                : { action, body: { note: text.trim() || undefined } },
            )
          }
        >
          {t(`cases.actions.${action}`)}
        </Button>
      )}
      {c.overdue && (
        <Typography.Paragraph type="danger" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('cases.overdue')}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
