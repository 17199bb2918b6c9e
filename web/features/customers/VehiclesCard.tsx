import { Card, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Customer360Data } from '../../api/customers';

type Vehicle = Customer360Data['vehicles'][number];
const KEYS = ['plate', 'vin', 'model', 'colour', 'engineNo', 'lastVisitOn', 'nextMaintenanceOn'] as const;

export function VehiclesCard({ vehicles }: { vehicles: Vehicle[] }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<Vehicle> = KEYS.map((key) => ({
    title: t(`customers.vehicle.${key}`),
    dataIndex: key,
    key,
    render: (value: string | null) => value ?? t('common.none'),
  }));
  return (
    <Card title={t('customers.vehicles')} size="small">
      <Table<Vehicle>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={vehicles}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="customer-vehicles"
      />
    </Card>
  );
}
