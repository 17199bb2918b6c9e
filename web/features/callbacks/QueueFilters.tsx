import { Checkbox, Input, Select, Space } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { TASK_STATUSES, TASK_TYPES } from '../../../core/contracts/callbacks';
import type { CallbackAgentData, QueueFilter } from '../../api/callbacks';

export interface AgentOption {
  value: string;
  label: string;
}

/** The dealer's callback agents as picker options ("me" marked; with their open / held tasks when asked). */
export function agentOptions(
  agents: CallbackAgentData[] | undefined,
  meId: string,
  t: TFunction,
  withLoad = false,
): AgentOption[] {
  return (agents ?? []).map((a) => {
    const name = a.userId === meId ? `${a.name} (${t('callbacks.queue.assignDialog.me')})` : a.name;
    const load = t('callbacks.queue.assignDialog.load', { assigned: a.assigned, holding: a.holding });
    return { value: a.userId, label: withLoad ? `${name} · ${load}` : name };
  });
}

/** Status / type / agent / overdue / held filters of the lead's queue. */
export function QueueFilters(props: {
  filter: QueueFilter;
  agents: AgentOption[];
  onChange: (patch: Partial<QueueFilter>) => void;
}) {
  const { t } = useTranslation();
  const f = props.filter;
  return (
    <Space wrap style={{ marginBottom: 12 }} data-testid="queue-filters">
      <Select
        allowClear
        style={{ width: 150 }}
        placeholder={t('callbacks.queue.filters.status')}
        value={f.status}
        onChange={(v) => props.onChange({ status: v })}
        options={TASK_STATUSES.map((s) => ({ value: s, label: t(`callbacks.status.${s}`) }))}
        data-testid="queue-status"
      />
      <Select
        allowClear
        style={{ width: 200 }}
        placeholder={t('callbacks.queue.filters.type')}
        value={f.type}
        onChange={(v) => props.onChange({ type: v })}
        options={TASK_TYPES.map((s) => ({ value: s, label: t(`callbacks.types.${s}`) }))}
        data-testid="queue-type"
      />
      <Select
        allowClear
        style={{ width: 160 }}
        placeholder={t('callbacks.queue.filters.agent')}
        value={f.agent}
        onChange={(v) => props.onChange({ agent: v })}
        options={props.agents}
        data-testid="queue-agent"
      />
      <Checkbox
        checked={f.overdue === 'true'}
        onChange={(e) => props.onChange({ overdue: e.target.checked ? 'true' : undefined })}
        data-testid="queue-overdue"
      >
        {t('callbacks.queue.filters.overdue')}
      </Checkbox>
      <Checkbox
        checked={f.held === 'true'}
        onChange={(e) => props.onChange({ held: e.target.checked ? 'true' : undefined })}
      >
        {t('callbacks.queue.filters.held')}
      </Checkbox>
      <Input.Search
        allowClear
        style={{ width: 220 }}
        placeholder={t('callbacks.queue.filters.search')}
        onSearch={(v) => props.onChange({ q: v.trim() || undefined })}
        data-testid="queue-search"
      />
    </Space>
  );
}
