import { EditOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Modal, Segmented, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PLACEHOLDERS } from '../../../core/rules/call-script';
import { useCallScripts, useSaveCallScript, type CallScriptData } from '../../api/workbench';
import { useNotifyError } from '../../ui/use-notify-error';

type Line = CallScriptData['line'];
interface Values {
  greeting: string;
  identityCheck: string;
  closing: string;
  hints: string;
}

const toValues = (s: CallScriptData): Values => ({ ...s, hints: s.hints.join('\n') });

function ScriptForm({ script, onSaved }: { script: CallScriptData; onSaved: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const save = useSaveCallScript();
  const submit = (v: Values) =>
    save.mutate(
      {
        line: script.line,
        greeting: v.greeting,
        identityCheck: v.identityCheck,
        closing: v.closing,
        hints: v.hints
          .split('\n')
          .map((h) => h.trim())
          .filter(Boolean),
      },
      {
        onSuccess: () => {
          void message.success(t('workbench.editor.saved'));
          onSaved();
        },
        onError: notifyError,
      },
    );
  return (
    <Form<Values> layout="vertical" initialValues={toValues(script)} onFinish={submit} data-testid="wb-script-form">
      {script.preset && (
        <Alert type="info" showIcon message={t('workbench.editor.preset')} style={{ marginBottom: 12 }} />
      )}
      <Form.Item name="greeting" label={t('workbench.script.greeting')} rules={[{ required: true }]}>
        <Input.TextArea rows={4} maxLength={2000} />
      </Form.Item>
      <Form.Item name="identityCheck" label={t('workbench.script.identity')}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
      <Form.Item name="closing" label={t('workbench.script.closing')}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
      <Form.Item name="hints" label={t('workbench.script.hints')} extra={t('workbench.editor.hintsHelp')}>
        <Input.TextArea rows={6} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="wb-script-save">
        {t('common.save')}
      </Button>
    </Form>
  );
}

/**
 * The dealer's call script per business line (CONFIG, SPEC §7.6), for roles with `callbacks:configure`.
 * The server refuses a greeting, identity check or closing that asks "车辆还有什么问题" (§7.4).
 */
export function ScriptEditor() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [line, setLine] = useState<Line>('after_sales');
  const scripts = useCallScripts(open);
  const script = scripts.data?.items.find((s) => s.line === line);
  return (
    <>
      <Button icon={<EditOutlined />} onClick={() => setOpen(true)} data-testid="wb-script-edit">
        {t('workbench.editor.open')}
      </Button>
      <Modal open={open} onCancel={() => setOpen(false)} footer={null} width={720} title={t('workbench.editor.title')}>
        <Segmented<Line>
          value={line}
          onChange={setLine}
          options={[
            { value: 'after_sales', label: t('workbench.editor.after_sales') },
            { value: 'sales', label: t('workbench.editor.sales') },
          ]}
          style={{ marginBottom: 12 }}
        />
        <Typography.Paragraph type="secondary">
          {t('workbench.editor.placeholders')}{' '}
          {PLACEHOLDERS.map((p) => (
            <Tag key={p}>{`{${p}}`}</Tag>
          ))}
        </Typography.Paragraph>
        {script && (
          <ScriptForm key={`${line}-${script.updatedAt ?? 'preset'}`} script={script} onSaved={() => setOpen(false)} />
        )}
      </Modal>
    </>
  );
}
