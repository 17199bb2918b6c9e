import { Checkbox, Flex, Select, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Cell } from './permission-matrix';

const VIEWS = ['none', 'masked', 'full'] as const;
const FLAGS = ['canReveal', 'canEdit', 'canExport'] as const;

interface Props {
  cell: Cell;
  isDefault: boolean;
  changed: boolean;
  testId: string;
  disabled?: boolean;
  onChange: (cell: Cell) => void;
}

/** One role × field-group entry: how values are shown, and the reveal / edit / export flags. */
export function PermissionCell({ cell, isDefault, changed, testId, disabled, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={4} style={{ minWidth: 150 }}>
      <Flex gap={4} align="center">
        <Select
          size="small"
          value={cell.view}
          disabled={disabled}
          options={VIEWS.map((v) => ({ value: v, label: t(`customers.privacy.views.${v}`) }))}
          onChange={(view) => onChange({ ...cell, view })}
          style={{ width: 110 }}
          data-testid={`perm-view-${testId}`}
        />
        {changed ? (
          <Tag color="orange">*</Tag>
        ) : (
          isDefault && <Tag data-testid={`perm-default-${testId}`}>{t('customers.privacy.isDefault')}</Tag>
        )}
      </Flex>
      {FLAGS.map((flag) => (
        <Checkbox
          key={flag}
          checked={cell[flag]}
          disabled={disabled || (flag === 'canReveal' && cell.view !== 'masked')}
          onChange={(e) => onChange({ ...cell, [flag]: e.target.checked })}
          data-testid={`perm-${flag}-${testId}`}
        >
          {t(`customers.privacy.${flag}`)}
        </Checkbox>
      ))}
    </Flex>
  );
}
