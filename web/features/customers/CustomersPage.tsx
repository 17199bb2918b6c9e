import { WarningFilled } from '@ant-design/icons';
import { Empty, Input, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useCustomerSearch, type CustomerSummaryData } from '../../api/customers';
import { ListExportButtons } from '../../ui/ListExportButtons';
import { PageTitle } from '../../ui/PageTitle';
import { QueryError } from '../../ui/QueryError';

const present = <T,>(values: (T | null)[]): T[] => values.filter((v): v is T => v !== null);

/** 客户查询: by name, phone (full or last 4+ digits), plate or VIN; a row opens the customer's 360 page. */
export default function CustomersPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const search = useCustomerSearch(q);

  const columns: TableColumnsType<CustomerSummaryData> = [
    {
      title: t('customers.name'),
      dataIndex: 'name',
      key: 'name',
      render: (name: string, c) => (
        <Space size={4}>
          <Link to={`/customers/${c.id}`} onClick={(e) => e.stopPropagation()} data-testid={`customer-link-${c.id}`}>
            {name}
          </Link>
          {c.flagged && (
            <Tooltip title={t('customers.flagged')}>
              <WarningFilled
                style={{ color: '#faad14' }}
                aria-label={t('customers.flagged')}
                data-testid="customer-flagged"
              />
            </Tooltip>
          )}
        </Space>
      ),
    },
    {
      title: t('customers.kind'),
      dataIndex: 'kind',
      key: 'kind',
      render: (k: CustomerSummaryData['kind']) => t(`customers.kinds.${k}`),
    },
    {
      title: t('customers.phone'),
      dataIndex: 'phone',
      key: 'phone',
      render: (p: string | null) => p ?? t('common.none'),
    },
    {
      title: t('customers.plates'),
      key: 'plates',
      render: (_v, c) => present(c.vehicles.map((v) => v.plate)).map((plate) => <Tag key={plate}>{plate}</Tag>),
    },
    {
      title: t('customers.models'),
      key: 'models',
      render: (_v, c) => present(c.vehicles.map((v) => v.model)).join('、') || t('common.none'),
    },
  ];

  return (
    <>
      <PageTitle
        title={t('customers.title')}
        extra={q ? <ListExportButtons path="/api/customers" filter={{ q }} testId="customers" /> : undefined}
      />
      <Input.Search
        allowClear
        enterButton
        size="large"
        defaultValue={q}
        placeholder={t('customers.searchPlaceholder')}
        maxLength={64}
        onSearch={(value) => setParams(value.trim() ? { q: value.trim() } : {})}
        style={{ maxWidth: 560, marginBottom: 16 }}
        data-testid="customer-search"
      />
      {search.isError && <QueryError error={search.error} onRetry={() => void search.refetch()} />}
      {q ? (
        <Table<CustomerSummaryData>
          rowKey="id"
          columns={columns}
          dataSource={search.data?.items ?? []}
          loading={search.isFetching}
          pagination={false}
          locale={{ emptyText: <Empty description={t('customers.noResults')} /> }}
          onRow={(c) => ({ onClick: () => void navigate(`/customers/${c.id}`), style: { cursor: 'pointer' } })}
          scroll={{ x: 'max-content' }}
          data-testid="customers-table"
        />
      ) : (
        <Typography.Paragraph type="secondary">{t('customers.searchHint')}</Typography.Paragraph>
      )}
    </>
  );
}
