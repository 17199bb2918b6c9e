import { Card, Flex, Typography, theme } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LangSwitch } from '../../layout/LangSwitch';

/** The centred card used by the login and forced-password screens, with the language switch. */
export function AuthCard({ title, extra, children }: { title: ReactNode; extra?: ReactNode; children: ReactNode }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  return (
    <Flex
      vertical
      align="center"
      justify="center"
      style={{ minHeight: '100vh', background: token.colorBgLayout, padding: 16 }}
    >
      <Flex justify="flex-end" gap={8} style={{ width: '100%', maxWidth: 440, marginBottom: 8 }}>
        {extra}
        <LangSwitch />
      </Flex>
      <Card style={{ width: '100%', maxWidth: 440 }}>
        <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="app-name">
          {t('app.name')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('app.tagline')}</Typography.Paragraph>
        <Typography.Title level={4} data-testid="page-title">
          {title}
        </Typography.Title>
        {children}
      </Card>
    </Flex>
  );
}
