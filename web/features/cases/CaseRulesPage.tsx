import { App, Card, Skeleton, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseRuleSet } from '../../../core/contracts/cases';
import { PageTitle } from '../../ui/PageTitle';
import { QueryError } from '../../ui/QueryError';
import { useCaseRules, usePutCaseRules } from './case-rules-api';
import { CaseRulesForm } from './CaseRulesForm';

function History({ versions }: { versions: CaseRuleSet[] }) {
  const { t } = useTranslation();
  const F = (k: 'formCutoff' | 'replyWorkingDays' | 'secondCallbackWorkingDays' | 'afterLoops') =>
    t(`caseRules.fields.${k}`, { line: '', dept: '' });
  return (
    <Table
      rowKey={(v) => String(v.versionNo)}
      size="small"
      pagination={false}
      dataSource={versions}
      data-testid="cr-history"
      columns={[
        { title: t('caseRules.version'), key: 'v', render: (_, v) => `v${v.versionNo}` },
        { title: t('caseRules.effectiveFrom'), dataIndex: 'effectiveFrom' },
        { title: F('formCutoff'), key: 'c', render: (_, v) => v.rules.formCutoff },
        { title: F('replyWorkingDays'), key: 'r', render: (_, v) => v.rules.replyWorkingDays },
        { title: F('secondCallbackWorkingDays'), key: 's', render: (_, v) => v.rules.secondCallbackWorkingDays },
        { title: F('afterLoops'), key: 'l', render: (_, v) => v.rules.escalation.afterLoops },
        { title: t('caseRules.note'), dataIndex: 'note' },
      ]}
    />
  );
}

/** 闭环规则: the closed-loop rules in force, a form for a new dated version and the version history. */
export default function CaseRulesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const q = useCaseRules();
  const save = usePutCaseRules();
  if (q.isError) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  const data = q.data;
  if (!data) return <Skeleton active />;
  const cur = data.current;
  return (
    <>
      <PageTitle title={t('caseRules.title')} />
      <Typography.Paragraph data-testid="cr-current">
        {cur.preset ? (
          <Tag>{t('caseRules.preset')}</Tag>
        ) : (
          t('caseRules.current', { n: cur.versionNo, date: cur.effectiveFrom })
        )}
      </Typography.Paragraph>
      <Card size="small" title={t('caseRules.newVersion')} style={{ marginBottom: 16 }}>
        <CaseRulesForm
          key={`${cur.versionNo}-${data.versions.length}`}
          rules={cur.rules}
          saving={save.isPending}
          error={save.error}
          onSave={(body) => save.mutate(body, { onSuccess: () => void message.success(t('caseRules.saved')) })}
        />
      </Card>
      <Card size="small" title={t('caseRules.history')}>
        <History versions={data.versions} />
      </Card>
    </>
  );
}
