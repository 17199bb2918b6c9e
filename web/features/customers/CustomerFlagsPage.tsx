import { Alert, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCustomerFlags, type InterferenceFlagData } from '../../api/customers';
import { PageTitle } from '../../ui/PageTitle';
import { QueryError } from '../../ui/QueryError';
import { ListExportButtons } from '../../ui/ListExportButtons';

/** 回访干扰预警: phones shared by many customers or equal to a staff member's phone (SPEC Appendix B). */
export default function CustomerFlagsPage() {
  const { t } = useTranslation();
  const flags = useCustomerFlags();

  const columns: TableColumnsType<InterferenceFlagData> = [
    {
      title: t('customers.flags.kind'),
      dataIndex: 'kind',
      key: 'kind',
      render: (kind: InterferenceFlagData['kind']) => <Tag color="warning">{t(`customers.phoneFlags.${kind}`)}</Tag>,
    },
    { title: t('customers.flags.phone'), dataIndex: 'phone', key: 'phone' },
    { title: t('customers.flags.customerCount'), dataIndex: 'customerCount', key: 'count' },
    {
      title: t('customers.flags.staffName'),
      dataIndex: 'staffName',
      key: 'staff',
      render: (name: string | null) => name ?? t('common.none'),
    },
    {
      title: t('customers.flags.customers'),
      key: 'customers',
      render: (_v, flag) => (
        <Space size={[8, 4]} wrap>
          {flag.customers.map((c) => (
            <Link key={c.id} to={`/customers/${c.id}`}>
              {c.name}
            </Link>
          ))}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageTitle
        title={t('customers.flags.title')}
        extra={<ListExportButtons path="/api/customer-flags" testId="flags" />}
      />
      {flags.data && (
        <Alert
          type="info"
          showIcon
          title={t('customers.flags.hint', { count: flags.data.sharedThreshold })}
          style={{ marginBottom: 16 }}
        />
      )}
      {flags.isError && <QueryError error={flags.error} onRetry={() => void flags.refetch()} />}
      <Table<InterferenceFlagData>
        columns={columns}
        dataSource={(flags.data?.items ?? []).map((f, key) => ({ ...f, key }))}
        loading={flags.isFetching}
        locale={{ emptyText: <Typography.Text type="secondary">{t('customers.flags.empty')}</Typography.Text> }}
        scroll={{ x: 'max-content' }}
        data-testid="customer-flags-table"
      />
    </>
  );
}
