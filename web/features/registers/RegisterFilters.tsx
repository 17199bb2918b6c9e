import { Checkbox, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RegisterKind } from '../../../core/contracts/registers';
import { useCallbackAgents } from '../../api/callbacks';
import { downloadRegister, type RegisterFilter } from '../../api/registers';
import { useCan, useSession } from '../auth/session';
import { agentOptions } from '../callbacks/QueueFilters';
import { ExportWithReason } from '../../ui/ListExportButtons';

/** The Excel export of the rows shown; asks for a reason when the export is large (SPEC §8.3, audited). */
function ExportButton(props: { kind: RegisterKind; filter: RegisterFilter }) {
  const { t } = useTranslation();
  return (
    <ExportWithReason
      download={(why) => downloadRegister(props.kind, props.filter, why)}
      label={t('registers.export')}
      testId="register-export"
      reasonTestId="register-reason"
    />
  );
}

/** Date range, agent (leads) or "mine", advisor / consultant, satisfaction and text filters, and the export. */
export function RegisterFilters(props: {
  kind: RegisterKind;
  filter: RegisterFilter;
  onChange: (patch: Partial<RegisterFilter>) => void;
}) {
  const { t } = useTranslation();
  const me = useSession();
  const isLead = useCan('callbacks:lead');
  const agents = useCallbackAgents(isLead);
  const f = props.filter;
  const set = (patch: Partial<RegisterFilter>) => props.onChange({ ...patch, offset: 0 });
  return (
    <Space wrap style={{ marginBottom: 12 }} data-testid="register-filters">
      <span>{t('registers.filters.period')}</span>
      <Input
        type="date"
        style={{ width: 150 }}
        value={f.from ?? ''}
        onChange={(e) => set({ from: e.target.value || undefined })}
        data-testid="register-from"
      />
      <span>–</span>
      <Input
        type="date"
        style={{ width: 150 }}
        value={f.to ?? ''}
        onChange={(e) => set({ to: e.target.value || undefined })}
        data-testid="register-to"
      />
      <Select
        style={{ width: 130 }}
        value={f.satisfaction ?? 'all'}
        onChange={(v: string) => set({ satisfaction: v === 'all' ? undefined : (v as RegisterFilter['satisfaction']) })}
        options={(['all', 'satisfied', 'dissatisfied', 'none'] as const).map((v) => ({
          value: v,
          label: t(`registers.filters.${v}`),
        }))}
        data-testid="register-satisfaction"
      />
      <Input.Search
        allowClear
        style={{ width: 180 }}
        placeholder={t('registers.filters.staff')}
        onSearch={(v) => set({ staff: v.trim() || undefined })}
        data-testid="register-staff"
      />
      <Input.Search
        allowClear
        style={{ width: 220 }}
        placeholder={t('registers.filters.search')}
        onSearch={(v) => set({ q: v.trim() || undefined })}
        data-testid="register-search"
      />
      {isLead ? (
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          style={{ width: 180 }}
          placeholder={t('registers.filters.agent')}
          value={f.agent}
          loading={agents.isFetching}
          onChange={(v: string | undefined) => set({ agent: v })}
          options={agentOptions(agents.data?.items, me.user.id, t)}
          data-testid="register-agent"
        />
      ) : (
        <Checkbox
          checked={f.agent === me.user.id}
          onChange={(e) => set({ agent: e.target.checked ? me.user.id : undefined })}
          data-testid="register-mine"
        >
          {t('registers.filters.mine')}
        </Checkbox>
      )}
      <ExportButton kind={props.kind} filter={f} />
    </Space>
  );
}
