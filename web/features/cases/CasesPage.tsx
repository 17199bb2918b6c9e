import { Badge, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCaseSummary, type CaseFilter } from '../../api/cases';
import { PageTitle } from '../../ui/PageTitle';
import { useCan } from '../auth/session';
import { CaseTable } from './CaseTable';
import { DailyReportTable } from './DailyReportTable';
import { UnhandledList } from './UnhandledList';

type Tab = CaseFilter | 'unhandled' | 'daily_report';

const panel = (key: Tab) =>
  key === 'unhandled' ? <UnhandledList /> : key === 'daily_report' ? <DailyReportTable /> : <CaseTable filter={key} />;

/** 不满意问题跟踪 (SPEC §4.7): tabs per role — to handle, overdue (red), my second callbacks, to open, all. */
export default function CasesPage() {
  const { t } = useTranslation();
  const create = useCan('cases:create');
  const oversee = useCan('cases:escalated');
  const summary = useCaseSummary(true).data;
  const [params, setParams] = useSearchParams();
  const tab = (params.get('tab') as Tab | null) ?? 'mine';
  const count = (n: number | undefined, red = false) =>
    n ? <Badge count={n} color={red ? '#cf1322' : '#1677ff'} style={{ marginLeft: 6 }} /> : null;
  const tabs: { key: Tab; n?: number | undefined; red?: boolean; show: boolean }[] = [
    { key: 'mine', n: summary?.mine, show: true },
    { key: 'overdue', n: summary?.overdue, red: true, show: true },
    { key: 'second_callback', n: summary?.secondCallback, show: create },
    { key: 'unhandled', n: summary?.unhandled, red: true, show: create },
    { key: 'escalated', n: summary?.escalated, red: true, show: oversee },
    { key: 'all', show: true },
    { key: 'daily_report', show: create || oversee },
  ];
  return (
    <>
      <PageTitle title={t('cases.title')} />
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k })}
        destroyOnHidden
        items={tabs
          .filter((x) => x.show)
          .map((x) => ({
            key: x.key,
            label: (
              <span data-testid={`cases-tab-${x.key}`}>
                {t(`cases.tabs.${x.key}`)}
                {count(x.n, x.red)}
              </span>
            ),
            children: panel(x.key),
          }))}
      />
    </>
  );
}
