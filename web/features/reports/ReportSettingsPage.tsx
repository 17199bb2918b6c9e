import { App, Button, Card, Col, Form, Input, InputNumber, Row, Select, Space, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import type { TFunction } from 'i18next';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ReportKind, ReportRecipients, ReportSettings } from '../../../core/contracts/reports';
import { ROLES, SPANNING_ROLES } from '../../../core/permissions';
import { ApiError } from '../../api/client';
import {
  useReportRecipients,
  useReportSettings,
  useSetReportRecipients,
  useSetReportSettings,
} from '../../api/reports';
import { errorText, validationIssues } from '../../ui/api-error';
import { PageTitle } from '../../ui/PageTitle';
import { QueryError } from '../../ui/QueryError';

/** Dealer roles a report may go to (the server refuses the cross-dealer ones too). */
const RECIPIENT_ROLES = ROLES.filter((r) => !SPANNING_ROLES.includes(r));
/** A plain shape check; the server's stricter check lands on the same field. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * Server refusals at the form's own fields, in the UI language (`body.emails.1` → the emails field); an empty list
 * when none of them is a field of the form (the caller then shows a message).
 */
function serverFieldErrors<F extends string>(error: unknown, fields: readonly F[], text: (field: F) => string) {
  const seen = new Set<F>();
  for (const i of validationIssues(error)) {
    const f = fields.find((x) => x === i.field);
    if (f !== undefined) seen.add(f);
  }
  return [...seen].map((name) => ({ name, errors: [text(name)] }));
}

/** 报表设置 (CONFIG, SPEC §3.12, §4.15, §9): recipients and send time per report; due day; export-reason rows. */
export default function ReportSettingsPage() {
  const { t } = useTranslation();
  const recipients = useReportRecipients();
  const settings = useReportSettings();
  return (
    <>
      <PageTitle
        title={t('reports.settings.title')}
        extra={
          <Link to="/reports" data-testid="report-settings-back">
            {t('reports.settings.back')}
          </Link>
        }
      />
      {settings.error ? <QueryError error={settings.error} onRetry={() => void settings.refetch()} /> : null}
      {settings.data && <GeneralForm value={settings.data} />}
      <Typography.Title level={4} style={{ marginTop: 24 }}>
        {t('reports.settings.recipientsTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('reports.settings.recipientsHint')}</Typography.Paragraph>
      {recipients.error ? <QueryError error={recipients.error} onRetry={() => void recipients.refetch()} /> : null}
      <Row gutter={[16, 16]}>
        {recipients.data?.items.map((r) => (
          <Col xs={24} xl={12} key={r.kind}>
            <RecipientsForm value={r} />
          </Col>
        ))}
      </Row>
    </>
  );
}

const GENERAL_FIELDS = ['monthlyDueDay', 'exportReasonRows'] as const;

function GeneralForm({ value }: { value: ReportSettings }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ReportSettings>();
  const save = useSetReportSettings();
  useEffect(() => form.setFieldsValue(value), [form, value]);
  const submit = (v: ReportSettings) =>
    save.mutate(v, {
      onSuccess: () => void message.success(t('common.saved')),
      onError: (e) => {
        const fields = serverFieldErrors(e, GENERAL_FIELDS, (f) => t(`reports.settings.errors.${f}`));
        if (fields.length > 0) form.setFields(fields);
        else void message.error(errorText(t, e));
      },
    });
  return (
    <Card size="small" title={t('reports.settings.general')} data-testid="report-settings-general">
      <Form form={form} layout="vertical" initialValues={value} onFinish={submit} style={{ maxWidth: 560 }}>
        <Form.Item
          name="monthlyDueDay"
          label={t('reports.settings.monthlyDueDay')}
          extra={t('reports.settings.monthlyDueDayHint')}
          rules={[
            { required: true, message: t('reports.settings.errors.monthlyDueDay') },
            { type: 'integer', min: 1, max: 28, message: t('reports.settings.errors.monthlyDueDay') },
          ]}
        >
          <InputNumber precision={0} data-testid="report-settings-due-day" style={{ width: 160 }} />
        </Form.Item>
        <Form.Item
          name="exportReasonRows"
          label={t('reports.settings.exportReasonRows')}
          extra={t('reports.settings.exportReasonRowsHint')}
          rules={[
            { required: true, message: t('reports.settings.errors.exportReasonRows') },
            { type: 'integer', min: 0, max: 1_000_000, message: t('reports.settings.errors.exportReasonRows') },
          ]}
        >
          <InputNumber precision={0} data-testid="report-settings-reason-rows" style={{ width: 160 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="report-settings-save">
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}

type RecipientValues = Omit<ReportRecipients, 'kind'>;
const RECIPIENT_FIELDS = ['roles', 'emails', 'sendTime'] as const;

/** The addresses the server refused (issues at `body.emails.<index>`). */
function refusedAddresses(error: unknown, emails: readonly string[]): string[] {
  if (!(error instanceof ApiError)) return [];
  const d = error.details;
  const list: unknown[] = Array.isArray(d)
    ? d
    : typeof d === 'object' && d !== null && 'issues' in d && Array.isArray(d.issues)
      ? d.issues
      : [];
  const out = new Set<string>();
  for (const issue of list) {
    const index = /emails\.(\d+)/.exec(JSON.stringify(issue))?.[1];
    const address = index === undefined ? undefined : emails[Number(index)];
    if (address !== undefined) out.add(address);
  }
  return [...out];
}

function emailRule(t: TFunction): Rule {
  return {
    validator: (_, emails: string[] | undefined) => {
      const bad = (emails ?? []).filter((e) => !EMAIL.test(e.trim()) || e.trim().length > 200);
      if (bad.length > 0)
        return Promise.reject(
          new Error(t('reports.settings.errors.emails', { list: bad.join(t('reports.settings.separator')) })),
        );
      if ((emails ?? []).length > 50) return Promise.reject(new Error(t('reports.settings.errors.emailsMax')));
      return Promise.resolve();
    },
  };
}

function RecipientsForm({ value }: { value: ReportRecipients }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<RecipientValues>();
  const save = useSetReportRecipients();
  const kind: ReportKind = value.kind;
  const roles = Form.useWatch('roles', form);
  const emails = Form.useWatch('emails', form);
  useEffect(() => form.setFieldsValue(value), [form, value]);
  const nobody = roles !== undefined && emails !== undefined && roles.length === 0 && emails.length === 0;
  const submit = (v: RecipientValues) =>
    save.mutate(
      { kind, roles: v.roles, emails: v.emails.map((e) => e.trim()), sendTime: v.sendTime },
      {
        onSuccess: () => void message.success(t('common.saved')),
        onError: (e) => {
          const fields = serverFieldErrors(e, RECIPIENT_FIELDS, (f) => {
            const refused = f === 'emails' ? refusedAddresses(e, v.emails) : [];
            return refused.length > 0
              ? t('reports.settings.errors.emails', { list: refused.join(t('reports.settings.separator')) })
              : t(`reports.settings.errors.${f}Invalid`);
          });
          if (fields.length > 0) form.setFields(fields);
          else void message.error(errorText(t, e));
        },
      },
    );
  return (
    <Card size="small" title={t(`reports.kinds.${kind}`)} data-testid={`report-recipients-${kind}`}>
      <Form form={form} layout="vertical" initialValues={value} onFinish={submit}>
        <Form.Item
          name="roles"
          label={t('reports.settings.roles')}
          extra={t('reports.settings.rolesHint')}
          rules={[{ type: 'array', max: 20, message: t('reports.settings.errors.rolesMax') }]}
        >
          <Select
            mode="multiple"
            allowClear
            data-testid={`report-recipients-roles-${kind}`}
            options={RECIPIENT_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="emails"
          label={t('reports.settings.emails')}
          extra={t('reports.settings.emailsHint')}
          rules={[emailRule(t)]}
        >
          <Select
            mode="tags"
            notFoundContent={null}
            tokenSeparators={[',', ';', '，', '；', ' ']}
            data-testid={`report-recipients-emails-${kind}`}
          />
        </Form.Item>
        <Form.Item
          name="sendTime"
          label={t('reports.settings.sendTime')}
          extra={t(`reports.settings.sendTimeHint.${kind}`)}
          rules={[{ required: true, pattern: HHMM, message: t('reports.settings.errors.sendTime') }]}
        >
          <Input placeholder="18:00" style={{ width: 120 }} data-testid={`report-recipients-time-${kind}`} />
        </Form.Item>
        <Space>
          <Button
            type="primary"
            htmlType="submit"
            loading={save.isPending}
            data-testid={`report-recipients-save-${kind}`}
          >
            {t('common.save')}
          </Button>
          {nobody && <Typography.Text type="warning">{t('reports.settings.nobody')}</Typography.Text>}
        </Space>
      </Form>
    </Card>
  );
}
