import { Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Dealer } from '../../../core/contracts/org';
import { useDealers } from '../../api/org';
import { PageTitle } from '../../ui/PageTitle';
import { QueryError } from '../../ui/QueryError';
import { formatBusinessHours } from './business-hours';

export default function DealersPage() {
  const { t } = useTranslation();
  const dealers = useDealers();

  const columns: TableColumnsType<Dealer> = [
    { title: t('dealers.code'), dataIndex: 'code', key: 'code', width: 120 },
    { title: t('dealers.name'), dataIndex: 'name', key: 'name' },
    { title: t('dealers.region'), dataIndex: 'regionName', key: 'region' },
    { title: t('dealers.group'), dataIndex: 'groupName', key: 'group' },
    { title: t('dealers.timeZone'), dataIndex: 'timeZone', key: 'timeZone' },
    {
      title: t('dealers.businessHours'),
      key: 'businessHours',
      render: (_value, dealer) => formatBusinessHours(t, dealer.businessHours),
    },
  ];

  return (
    <>
      <PageTitle title={t('dealers.title')} />
      {dealers.isError && <QueryError error={dealers.error} onRetry={() => void dealers.refetch()} />}
      <Table<Dealer>
        rowKey="id"
        columns={columns}
        dataSource={dealers.data?.items ?? []}
        loading={dealers.isPending && !dealers.isError}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="dealers-table"
      />
    </>
  );
}
