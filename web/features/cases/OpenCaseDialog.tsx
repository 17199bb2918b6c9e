import { Alert, Checkbox, Descriptions, Form, Input, Modal, Radio, Select, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  CASE_CHANNELS,
  CaseDepartment,
  type CaseChannel,
  type OpenCaseRequest,
  type RequestedPath,
} from '../../../core/contracts/cases';
import { allowedPaths, channelOfTaskType } from '../../../core/rules/case-paths';
import { useOpenCase, useRoutePreview, type UnhandledItem } from '../../api/cases';
import { useNotifyError } from '../../ui/use-notify-error';
import { useWhen } from './labels';

interface Values {
  questionKey: string;
  channel: CaseChannel;
  path: RequestedPath;
  severity: 'severe' | 'minor';
  department: OpenCaseRequest['department'];
  problem: string;
  resolutionNote?: string;
  forward: boolean;
}

const WHOLE = '__whole__';

/**
 * 立案: how the dissatisfied answer is resolved — a (FAQ) / b (on the spot) / cannot be solved now — with the
 * routing preview: path, recipients and deadlines as the server computes them (SPEC §4.7, §9.2 C5–C6).
 */
export function OpenCaseDialog({ item, onClose }: { item: UnhandledItem; onClose: () => void }) {
  const { t } = useTranslation();
  const when = useWhen();
  const navigate = useNavigate();
  const notifyError = useNotifyError();
  const open = useOpenCase();
  const [form] = Form.useForm<Values>();
  const taskChannel = channelOfTaskType(item.taskType);
  const channel = Form.useWatch('channel', form) ?? taskChannel ?? 'as_phone';
  const path = Form.useWatch('path', form) ?? 'follow_up';
  const severity = Form.useWatch('severity', form) ?? 'severe';
  const department = Form.useWatch('department', form) ?? 'after_sales';
  const paths = allowedPaths(channel);
  const preview = useRoutePreview(paths.includes(path) ? { channel, path, severity, department } : null).data;

  const submit = async (v: Values) => {
    try {
      const created = await open.mutateAsync({
        responseId: item.responseId,
        questionKey: v.questionKey === WHOLE ? null : v.questionKey,
        channel: v.channel,
        path: v.path,
        severity: v.severity,
        department: v.department,
        problem: v.problem,
        resolutionNote: v.resolutionNote,
        forward: v.path === 'follow_up' ? (v.forward ?? true) : undefined,
      });
      onClose();
      void navigate(`/cases/${created.id}`);
    } catch (e) {
      notifyError(e);
    }
  };

  return (
    <Modal
      open
      width={640}
      title={t('cases.openTitle')}
      okText={t('common.save')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={open.isPending}
      okButtonProps={{ 'data-testid': 'case-open-save' } as ButtonProps}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={{
          questionKey: item.openKeys[0] ?? WHOLE,
          channel,
          path: 'follow_up',
          severity: 'severe',
          department: 'after_sales',
          forward: true,
        }}
      >
        <Form.Item name="questionKey" label={t('cases.fields.question')}>
          <Select
            options={[
              ...item.openKeys.map((k) => ({ value: k, label: k })),
              { value: WHOLE, label: t('cases.fields.wholeResponse') },
            ]}
          />
        </Form.Item>
        <Form.Item name="channel" label={t('cases.fields.channel')}>
          <Select
            disabled={!!taskChannel}
            options={CASE_CHANNELS.map((c) => ({ value: c, label: t(`cases.channels.${c}`) }))}
            onChange={(c: CaseChannel) => !allowedPaths(c).includes(path) && form.setFieldValue('path', 'follow_up')}
          />
        </Form.Item>
        <Form.Item name="path" label={t('cases.fields.path')}>
          <Radio.Group
            data-testid="case-path"
            options={paths.map((p) => ({ value: p, label: t(`cases.requestedPaths.${p}`) }))}
          />
        </Form.Item>
        <Form.Item name="severity" label={t('cases.fields.severity')}>
          <Radio.Group
            options={(['severe', 'minor'] as const).map((s) => ({ value: s, label: t(`cases.severities.${s}`) }))}
          />
        </Form.Item>
        <Form.Item name="department" label={t('cases.fields.department')}>
          <Select options={CaseDepartment.options.map((d) => ({ value: d, label: t(`cases.departments.${d}`) }))} />
        </Form.Item>
        <Form.Item name="problem" label={t('cases.fields.problem')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={4} maxLength={4000} data-testid="case-problem" />
        </Form.Item>
        {path !== 'follow_up' && (
          <Form.Item name="resolutionNote" label={t('cases.fields.resolutionNote')}>
            <Input.TextArea rows={2} maxLength={4000} />
          </Form.Item>
        )}
        {preview && (
          <Alert
            type={preview.path === 'c' ? 'warning' : 'info'}
            data-testid="case-preview"
            message={t(`cases.paths.${preview.path}`)}
            description={
              <Descriptions size="small" column={1}>
                <Descriptions.Item label={t('cases.fields.recipients')}>
                  {preview.recipientRoles.map((r) => t(`roles.${r}` as 'roles.gm')).join('、') || t('common.none')}
                </Descriptions.Item>
                {preview.formDueAt && (
                  <Descriptions.Item label={t('cases.fields.formDue')}>{when(preview.formDueAt)}</Descriptions.Item>
                )}
                {preview.replyDueAtIfSentNow && (
                  <Descriptions.Item label={t('cases.fields.replyDue')}>
                    {when(preview.replyDueAtIfSentNow)}
                  </Descriptions.Item>
                )}
              </Descriptions>
            }
          />
        )}
        {path === 'follow_up' && preview?.path === 'c' && (
          <Form.Item name="forward" valuePropName="checked" style={{ marginTop: 12, marginBottom: 0 }}>
            <Checkbox data-testid="case-forward">{t('cases.fields.forward')}</Checkbox>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
