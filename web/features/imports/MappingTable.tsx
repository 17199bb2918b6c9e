import { Flex, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportMapping } from '../../api/imports';
import { fieldLabel } from './field-label';
import type { FieldInfo, MappingProblems } from './mapping-problems';

const IGNORE = ':ignore';

interface Row {
  index: number;
  header: string;
  samples: string[];
}

interface Props {
  headers: readonly string[];
  samples: readonly string[][];
  fields: readonly FieldInfo[];
  mapping: ImportMapping;
  /** Columns the server could not match: hinted until the user picks a field. */
  unmatched: ReadonlySet<string>;
  problems: MappingProblems;
  onChange: (header: string, field: string | null) => void;
}

/** One row per column of the file: its header, a few sample values (as text) and the field it maps to. */
export function MappingTable({ headers, samples, fields, mapping, unmatched, problems, onChange }: Props) {
  const { t } = useTranslation();
  const options = [
    { value: IGNORE, label: t('imports.mapping.ignore') },
    ...fields.map((f) => ({
      value: f.field,
      label: f.required ? `${fieldLabel(t, f.field)} *` : fieldLabel(t, f.field),
    })),
  ];

  const columns: TableColumnsType<Row> = [
    {
      title: t('imports.mapping.column'),
      dataIndex: 'header',
      key: 'header',
      width: 220,
      render: (header: string) => <Typography.Text strong>{header}</Typography.Text>,
    },
    {
      title: t('imports.mapping.samples'),
      dataIndex: 'samples',
      key: 'samples',
      render: (values: string[]) => (
        <Flex vertical>
          {values.map((v, i) => (
            <Typography.Text key={i} type="secondary" ellipsis style={{ maxWidth: 260 }}>
              {v}
            </Typography.Text>
          ))}
        </Flex>
      ),
    },
    {
      title: t('imports.mapping.target'),
      key: 'target',
      width: 300,
      render: (_v, row) => {
        const field = mapping[row.header] ?? null;
        const duplicate = field !== null && problems.duplicates.has(field);
        return (
          <Flex vertical gap={4}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              value={field ?? IGNORE}
              options={options}
              status={duplicate ? 'error' : undefined}
              onChange={(value: string) => onChange(row.header, value === IGNORE ? null : value)}
              style={{ width: '100%' }}
              data-testid={`mapping-select-${row.index}`}
            />
            {duplicate && (
              <Typography.Text type="danger" data-testid={`mapping-duplicate-${row.index}`}>
                {t('imports.mapping.duplicate', { field: fieldLabel(t, field) })}
              </Typography.Text>
            )}
            {field === null && unmatched.has(row.header) && (
              <Tag color="warning" style={{ alignSelf: 'flex-start' }}>
                {t('imports.mapping.unmatched')}
              </Tag>
            )}
          </Flex>
        );
      },
    },
  ];

  const rows: Row[] = headers.map((header, index) => ({ index, header, samples: samples[index] ?? [] }));
  return (
    <Table<Row>
      rowKey="index"
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid="mapping-table"
    />
  );
}
