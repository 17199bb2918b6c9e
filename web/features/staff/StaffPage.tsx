import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Select, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Department, type Staff } from '../../../core/contracts/org';
import { useStaff } from '../../api/org';
import { ListExportButtons } from '../../ui/ListExportButtons';
import { PageTitle } from '../../ui/PageTitle';
import { usePaging } from '../../ui/paging';
import { QueryError } from '../../ui/QueryError';
import { useCan } from '../auth/session';
import { CreateStaffModal } from './CreateStaffModal';

export default function StaffPage() {
  const { t } = useTranslation();
  const canManage = useCan('staff:manage');
  const [department, setDepartment] = useState<Department | undefined>();
  const [q, setQ] = useState('');
  const [creating, setCreating] = useState(false);
  const paging = usePaging();
  const staff = useStaff({ department, q: q || undefined, ...paging.limitOffset });

  const columns: TableColumnsType<Staff> = [
    { title: t('staff.name'), dataIndex: 'name', key: 'name' },
    {
      title: t('staff.department'),
      dataIndex: 'department',
      key: 'department',
      render: (d: Department) => t(`departments.${d}`),
    },
    { title: t('staff.position'), dataIndex: 'position', key: 'position' },
    {
      title: t('staff.phone'),
      dataIndex: 'phoneMasked',
      key: 'phone',
      render: (phone: string | null) => phone ?? t('common.none'),
    },
    { title: t('staff.email'), dataIndex: 'email', key: 'email', render: (e: string | null) => e ?? t('common.none') },
    {
      title: t('staff.linkedUser'),
      dataIndex: 'userId',
      key: 'user',
      render: (id: string | null) => (id ? t('common.yes') : t('common.no')),
    },
    {
      title: t('staff.status'),
      dataIndex: 'active',
      key: 'active',
      render: (active: boolean) =>
        active ? <Tag color="green">{t('staff.active')}</Tag> : <Tag>{t('staff.inactive')}</Tag>,
    },
  ];

  return (
    <>
      <PageTitle
        title={t('staff.title')}
        extra={
          <Space>
            <ListExportButtons path="/api/staff" filter={{ department, q: q || undefined }} testId="staff" />
            {canManage && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setCreating(true)}
                data-testid="staff-create"
              >
                {t('staff.create')}
              </Button>
            )}
          </Space>
        }
      />
      <Flex wrap gap={12} style={{ marginBottom: 16 }}>
        <Select<Department>
          allowClear
          placeholder={t('staff.departmentFilter')}
          value={department}
          onChange={(value) => {
            setDepartment(value);
            paging.reset();
          }}
          options={Department.options.map((d) => ({ value: d, label: t(`departments.${d}`) }))}
          style={{ width: 180 }}
          data-testid="staff-department-filter"
        />
        <Input.Search
          allowClear
          placeholder={t('staff.searchPlaceholder')}
          enterButton={t('common.search')}
          maxLength={64}
          onSearch={(value) => {
            setQ(value.trim());
            paging.reset();
          }}
          style={{ width: 320 }}
          data-testid="staff-search"
        />
      </Flex>
      {staff.isError && <QueryError error={staff.error} onRetry={() => void staff.refetch()} />}
      <Table<Staff>
        rowKey="id"
        columns={columns}
        dataSource={staff.data?.items ?? []}
        loading={staff.isFetching}
        pagination={paging.pagination(t, staff.data?.total)}
        scroll={{ x: 'max-content' }}
        data-testid="staff-table"
      />
      {canManage && <CreateStaffModal open={creating} onClose={() => setCreating(false)} />}
    </>
  );
}
