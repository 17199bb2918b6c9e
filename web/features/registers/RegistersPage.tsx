import { Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REGISTER_KINDS, type RegisterKind } from '../../../core/contracts/registers';
import type { RegisterFilter } from '../../api/registers';
import { PageTitle } from '../../ui/PageTitle';
import { RegisterFilters } from './RegisterFilters';
import { RegisterTable } from './RegisterTable';

/**
 * 登记表 (SPEC §3.13): the after-sales on-site register (AYT-JL-客服-02), the sales callback register
 * (AYT-JL-客服-09) and the after-sales phone callback register, as filterable lists with the Excel export.
 */
export default function RegistersPage() {
  const { t } = useTranslation();
  const [kind, setKind] = useState<RegisterKind>('aftersales-phone');
  const [filter, setFilter] = useState<RegisterFilter>({ limit: 50, offset: 0 });
  const order: RegisterKind[] = ['aftersales-phone', 'sales-callback', 'aftersales-onsite'];
  return (
    <>
      <PageTitle title={t('registers.title')} />
      <Tabs
        activeKey={kind}
        onChange={(k) => {
          setKind(k as RegisterKind);
          setFilter((f) => ({ ...f, offset: 0 }));
        }}
        items={order
          .filter((k) => REGISTER_KINDS.includes(k))
          .map((k) => ({ key: k, label: <span data-testid={`register-tab-${k}`}>{t(`registers.kinds.${k}`)}</span> }))}
      />
      <RegisterFilters kind={kind} filter={filter} onChange={(patch) => setFilter((f) => ({ ...f, ...patch }))} />
      <RegisterTable
        kind={kind}
        filter={filter}
        onPage={(offset, limit) => setFilter((f) => ({ ...f, offset, limit }))}
      />
    </>
  );
}
