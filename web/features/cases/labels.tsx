import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseRowData } from '../../api/cases';
import type { Language } from '../../i18n/messages';
import { formatDateTime } from '../../ui/format';
import { useDealerTimeZone } from '../auth/session';

/** Small shared pieces of the case pages: the status tag and the due time, red when overdue. */
export function CaseStatusTag({ c }: { c: Pick<CaseRowData, 'status' | 'escalationLevel'> }) {
  const { t } = useTranslation();
  const color = c.status === 'closed' ? 'green' : c.escalationLevel > 0 ? 'red' : 'blue';
  return <Tag color={color}>{t(`cases.statuses.${c.status}`)}</Tag>;
}

export function useWhen() {
  const { t, i18n } = useTranslation();
  const tz = useDealerTimeZone();
  return (iso: string | null) => formatDateTime(iso, i18n.language as Language, tz) ?? t('common.none');
}

export function DueCell({ c }: { c: Pick<CaseRowData, 'currentDueAt' | 'overdue' | 'escalationLevel'> }) {
  const { t } = useTranslation();
  const when = useWhen();
  if (!c.currentDueAt) return <>{t('common.none')}</>;
  return (
    <span style={c.overdue ? { color: '#cf1322', fontWeight: 600 } : undefined} data-overdue={c.overdue}>
      {when(c.currentDueAt)}
      {c.overdue && (
        <Tag color="red" style={{ marginLeft: 6 }}>
          {c.escalationLevel >= 2 ? t('cases.escalated') : t('cases.overdue')}
        </Tag>
      )}
    </span>
  );
}
