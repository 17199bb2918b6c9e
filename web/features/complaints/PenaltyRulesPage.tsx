import { App, Card, Skeleton, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { PenaltyRuleVersion } from '../../../core/contracts/complaints';
import { usePenaltyRules } from '../../api/complaints';
import { PageTitle } from '../../ui/PageTitle';
import { QueryError } from '../../ui/QueryError';
import { yuan } from './labels';
import { usePostPenaltyRules } from './penalty-rules-api';
import { PenaltyRulesForm } from './PenaltyRulesForm';

type Version = z.infer<typeof PenaltyRuleVersion>;

function History({ versions }: { versions: Version[] }) {
  const { t } = useTranslation();
  const amounts = (v: Version) =>
    v.rules.groups
      .map((g) => {
        const a = g.amountsFen.map((f) => (f === null ? t('penaltyRules.blank') : `¥${yuan(f)}`)).join(' / ');
        return `${t(`complaints.penalties.groups.${g.key}`)}: ${a}`;
      })
      .join('；');
  return (
    <Table
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={versions}
      data-testid="pr-history"
      columns={[
        { title: t('penaltyRules.version'), key: 'v', render: (_, v) => `v${v.versionNo}` },
        { title: t('penaltyRules.effectiveFrom'), dataIndex: 'effectiveFrom' },
        { title: t('penaltyRules.presetKey'), key: 'p', render: (_, v) => v.presetKey ?? '' },
        {
          title: t('penaltyRules.period'),
          key: 'per',
          render: (_, v) => t(`complaints.penalties.periods.${v.rules.period}`),
        },
        { title: t('penaltyRules.biasMultiplier'), key: 'b', render: (_, v) => v.rules.biasMultiplier },
        { title: t('penaltyRules.group'), key: 'a', render: (_, v) => amounts(v) },
        { title: t('penaltyRules.note'), dataIndex: 'note' },
      ]}
    />
  );
}

/** 处罚规则 (SPEC §5.7): the rules in force, a new dated version from them or from a preset, and the history. */
export default function PenaltyRulesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const q = usePenaltyRules();
  const save = usePostPenaltyRules();
  if (q.isError) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  const data = q.data;
  if (!data) return <Skeleton active />;
  const cur = data.current;
  return (
    <>
      <PageTitle title={t('penaltyRules.title')} />
      <Typography.Paragraph data-testid="pr-current">
        {t('penaltyRules.current', { n: cur.versionNo, date: cur.effectiveFrom })}
      </Typography.Paragraph>
      <Card size="small" title={t('penaltyRules.newVersion')} style={{ marginBottom: 16 }}>
        <PenaltyRulesForm
          key={`${cur.id}-${data.versions.length}`}
          rules={cur.rules}
          presets={data.presets}
          saving={save.isPending}
          error={save.error}
          onSave={(body) => save.mutate(body, { onSuccess: () => void message.success(t('penaltyRules.saved')) })}
        />
      </Card>
      <Card size="small" title={t('penaltyRules.history')}>
        <History versions={data.versions} />
      </Card>
    </>
  );
}
