import { Alert, Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Context } from '../../api/workbench';

/**
 * The call script with its placeholders filled (SPEC §7.6 greeting; §4.1 / §4.11 identity check) and the
 * callback principles and "never ask" hints beside it (§7.4, §7.6).
 */
export function ScriptPanel({ context }: { context?: Context }) {
  const { t } = useTranslation();
  if (!context) return <Card size="small" loading title={t('workbench.script.title')} />;
  const s = context.script;
  return (
    <Card size="small" title={t('workbench.script.title')} data-testid="wb-script">
      <Typography.Text type="secondary">{t('workbench.script.greeting')}</Typography.Text>
      <Typography.Paragraph style={{ fontSize: 15 }} data-testid="wb-greeting">
        {s.greeting}
      </Typography.Paragraph>
      {s.identityCheck && (
        <Alert
          type="info"
          showIcon
          message={t('workbench.script.identity')}
          description={s.identityCheck}
          style={{ marginBottom: 8 }}
        />
      )}
      <Alert
        type="warning"
        showIcon
        message={t('workbench.script.hints')}
        data-testid="wb-hints"
        description={
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {s.hints.map((h) => (
              <li key={h}>{h}</li>
            ))}
          </ul>
        }
        style={{ marginBottom: 8 }}
      />
      {s.closing && (
        <>
          <Typography.Text type="secondary">{t('workbench.script.closing')}</Typography.Text>
          <Typography.Paragraph>{s.closing}</Typography.Paragraph>
        </>
      )}
    </Card>
  );
}
