import { Card, Descriptions, Table, Tabs, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RuleSet } from '../../../core/contracts/callbacks';
import { useRules, type RulesData } from '../../api/callbacks';
import { currentLanguage } from '../../i18n';
import { formatDateTime } from '../../ui/format';
import { FullPageSpin } from '../../ui/FullPageSpin';
import { PageTitle } from '../../ui/PageTitle';
import { QueryError } from '../../ui/QueryError';
import { useCan, useDealerTimeZone } from '../auth/session';
import { LinkSettingsCard } from './LinkSettingsCard';
import { ProviderCard } from './ProviderCard';
import { RulesEditor } from './RulesEditor';

/** Every saved version, newest first; the one in effect is tagged. */
function RulesHistory({ data }: { data: RulesData }) {
  const { t } = useTranslation();
  const tz = useDealerTimeZone();
  const none = t('common.none');
  const columns: TableColumnsType<RuleSet> = [
    {
      key: 'version',
      title: t('callbacks.rules.columns.version'),
      render: (_, r) => (
        <>
          {t('callbacks.rules.version', { no: r.versionNo })}{' '}
          {r.versionNo === data.current.versionNo && <Tag color="green">{t('callbacks.rules.current')}</Tag>}
        </>
      ),
    },
    { key: 'effectiveFrom', title: t('callbacks.rules.columns.effectiveFrom'), dataIndex: 'effectiveFrom' },
    { key: 'preset', title: t('callbacks.rules.columns.preset'), render: (_, r) => r.presetKey ?? none },
    { key: 'note', title: t('callbacks.rules.columns.note'), render: (_, r) => r.note || none },
    {
      key: 'createdAt',
      title: t('callbacks.rules.columns.createdAt'),
      render: (_, r) => formatDateTime(r.createdAt, currentLanguage(), tz) ?? none,
    },
    { key: 'createdBy', title: t('callbacks.rules.columns.createdBy'), render: (_, r) => r.createdByName ?? none },
  ];
  return (
    <Card size="small" title={t('callbacks.rules.history')} style={{ marginTop: 12 }}>
      <Table<RuleSet>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={data.versions}
        pagination={false}
        data-testid="rules-history"
      />
    </Card>
  );
}

/** 回访规则 (SPEC §4.1, §9.2 C1–C4, C29–C30): versioned configuration with an effective date and presets. */
export default function RulesPage() {
  const { t } = useTranslation();
  const rules = useRules();
  const canProvider = useCan('notifications:manage');
  if (rules.isError) return <QueryError error={rules.error} onRetry={() => void rules.refetch()} />;
  if (!rules.data) return <FullPageSpin />;
  const cur = rules.data.current;
  const rulesTab = (
    <>
      <Descriptions size="small" column={2} style={{ marginBottom: 12 }} data-testid="rules-current">
        <Descriptions.Item label={t('callbacks.rules.current')}>
          {cur.versionNo === null ? t('callbacks.rules.builtIn') : t('callbacks.rules.version', { no: cur.versionNo })}
        </Descriptions.Item>
        <Descriptions.Item label={t('callbacks.rules.preset')}>
          {cur.presetKey ?? t('callbacks.rules.noPreset')}
        </Descriptions.Item>
      </Descriptions>
      <RulesEditor data={rules.data} />
      <RulesHistory data={rules.data} />
    </>
  );
  return (
    <>
      <PageTitle title={t('callbacks.rules.title')} />
      <Tabs
        items={[
          { key: 'rules', label: t('callbacks.tabs.rules'), children: rulesTab },
          {
            key: 'links',
            label: <span data-testid="rules-tab-links">{t('callbacks.tabs.links')}</span>,
            children: (
              <>
                <LinkSettingsCard />
                {canProvider && <ProviderCard />}
              </>
            ),
          },
        ]}
      />
    </>
  );
}
