import { App } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from './api-error';

/** Shows an API error as an antd message, translated by its code. */
export function useNotifyError(): (error: unknown) => void {
  const { message } = App.useApp();
  const { t } = useTranslation();
  return useCallback((error: unknown) => void message.error(errorText(t, error)), [message, t]);
}
