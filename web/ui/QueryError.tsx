import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from './api-error';

/** A failed query shown in place, with its translated message and a retry button. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="error"
      showIcon
      title={errorText(t, error)}
      action={
        <Button size="small" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      }
      style={{ marginBottom: 16 }}
      data-testid="query-error"
    />
  );
}
