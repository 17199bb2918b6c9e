import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { errorText } from '../../ui/api-error';

function issuesOf(error: unknown): string[] {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION_FAILED') return [];
  const d = error.details;
  const list: unknown[] = Array.isArray(d)
    ? d
    : typeof d === 'object' && d !== null && 'issues' in d && Array.isArray(d.issues)
      ? (d.issues as unknown[])
      : [d];
  return list.flatMap((raw) => {
    if (typeof raw !== 'object' || raw === null) return [];
    const path = 'path' in raw ? raw.path : 'field' in raw ? raw.field : '';
    const where = Array.isArray(path) ? path.join('.') : typeof path === 'string' ? path : '';
    const message = 'message' in raw && typeof raw.message === 'string' ? raw.message : error.message;
    return [`${where.replace(/^body\./, '')}: ${message}`];
  });
}

/** A failed save shown in full: the translated error and every field the server refused (its path and message). */
export function ApiErrorAlert({ error, intro }: { error: unknown; intro: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  const issues = issuesOf(error);
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 16 }}
      message={errorText(t, error)}
      description={
        issues.length > 0 && (
          <>
            {intro}
            <ul style={{ margin: 0 }}>
              {issues.map((i) => (
                <li key={i}>{i}</li>
              ))}
            </ul>
          </>
        )
      }
      data-testid="rules-error"
    />
  );
}
