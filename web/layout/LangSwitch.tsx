import { GlobalOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../core/contracts/auth';
import { meKey, saveLocale } from '../api/auth';
import { changeLanguage, currentLanguage } from '../i18n';

/** Toggles 中文 / English; remembers the choice here and, when signed in, on the account. */
export function LangSwitch() {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();

  const toggle = () => {
    const next = currentLanguage() === 'zh-CN' ? 'en' : 'zh-CN';
    void changeLanguage(next, true);
    if (qc.getQueryData<Me | null>(meKey)) {
      void saveLocale(next);
      qc.setQueryData<Me | null>(meKey, (me) => (me ? { ...me, user: { ...me.user, locale: next } } : me));
    }
  };

  return (
    <Button
      type="text"
      icon={<GlobalOutlined />}
      onClick={toggle}
      data-testid="lang-switch"
      data-lang={i18n.language}
      title={t('lang.current')}
    >
      {t('lang.switchTo')}
    </Button>
  );
}
