import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useStaff } from '../../api/org';

/** Staff of the current dealer (name · position), for attribution and forwarding. */
export function StaffSelect(props: {
  value?: string[] | string;
  onChange?: (v: string[] | string) => void;
  multiple?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  const staff = useStaff({ limit: 200, offset: 0 });
  return (
    <Select
      mode={props.multiple ? 'multiple' : undefined}
      allowClear
      showSearch
      optionFilterProp="label"
      value={props.value}
      onChange={props.onChange}
      loading={staff.isLoading}
      options={(staff.data?.items ?? []).map((s) => ({
        value: s.id,
        label: `${s.name} · ${s.position} · ${t(`departments.${s.department}`)}`,
      }))}
      data-testid={props.testId}
    />
  );
}
