import { Card, Descriptions, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePenaltyRules } from '../../api/complaints';
import { yuan } from './labels';

/** The penalty rules in force (SPEC §5.7): amounts per group and offence, BLANK shown as "not set". */
export function RulesCard() {
  const { t } = useTranslation();
  const q = usePenaltyRules();
  const current = q.data?.current;
  if (!current) return null;
  const amount = (fen: number | null) => (fen === null ? t('complaints.penalties.amountBlank') : `¥${yuan(fen)}`);
  return (
    <Card size="small" title={`${t('complaints.penalties.rule')} v${current.versionNo}`} style={{ marginBottom: 16 }}>
      <Descriptions size="small" column={3} style={{ marginBottom: 8 }}>
        <Descriptions.Item label={t('complaints.penalties.period')}>
          {t(`complaints.penalties.periods.${current.rules.period}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('complaints.penalties.biasMultiplier')}>
          {current.rules.biasMultiplier}
        </Descriptions.Item>
        <Descriptions.Item label={t('complaints.penalties.handlingDays')}>
          {current.rules.handlingWorkingDays}
        </Descriptions.Item>
      </Descriptions>
      <Table
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={current.rules.groups}
        columns={[
          {
            title: t('complaints.penalties.group'),
            key: 'g',
            render: (_, g) => t(`complaints.penalties.groups.${g.key}`),
          },
          ...[0, 1, 2].map((i) => ({
            title: t('complaints.penalties.offence', { n: i + 1 }),
            key: `o${i}`,
            render: (_: unknown, g: (typeof current.rules.groups)[number]) => (
              <>
                {amount(g.amountsFen[i] ?? null)}
                {i === 2 && g.thirdDismissal && (
                  <Tag color="red" style={{ marginLeft: 4 }}>
                    {t('complaints.penalties.dismissal')}
                  </Tag>
                )}
              </>
            ),
          })),
        ]}
        data-testid="penalty-rules"
      />
    </Card>
  );
}
