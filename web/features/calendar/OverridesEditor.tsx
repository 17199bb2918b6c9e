import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, Segmented, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';

export type OverrideRow = { key: number; date: string; working: boolean; note: string };

/** The dealer's exceptions to the statutory calendar: a date, working or off, and why. */
export function OverridesEditor({
  rows,
  onChange,
  readOnly,
}: {
  rows: OverrideRow[];
  onChange: (rows: OverrideRow[]) => void;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const update = (key: number, patch: Partial<OverrideRow>) =>
    onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const columns: TableColumnsType<OverrideRow> = [
    {
      title: t('calendar.date'),
      key: 'date',
      width: 180,
      render: (_v, r) => (
        <Input
          type="date"
          value={r.date}
          disabled={readOnly}
          onChange={(e) => update(r.key, { date: e.target.value })}
          data-testid="override-date"
        />
      ),
    },
    {
      title: '',
      key: 'working',
      width: 170,
      render: (_v, r) => (
        <Segmented
          value={r.working ? 'working' : 'off'}
          disabled={readOnly}
          options={[
            { value: 'working', label: t('calendar.working') },
            { value: 'off', label: t('calendar.off') },
          ]}
          onChange={(v) => update(r.key, { working: v === 'working' })}
        />
      ),
    },
    {
      title: t('calendar.note'),
      key: 'note',
      render: (_v, r) => (
        <Input
          value={r.note}
          maxLength={200}
          disabled={readOnly}
          onChange={(e) => update(r.key, { note: e.target.value })}
        />
      ),
    },
    ...(readOnly
      ? []
      : [
          {
            title: '',
            key: 'remove',
            width: 60,
            render: (_v: unknown, r: OverrideRow) => (
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('calendar.remove')}
                onClick={() => onChange(rows.filter((x) => x.key !== r.key))}
              />
            ),
          },
        ]),
  ];
  const add = () =>
    onChange([
      ...rows,
      {
        key: Math.max(0, ...rows.map((r) => r.key)) + 1,
        date: new Date().toISOString().slice(0, 10),
        working: false,
        note: '',
      },
    ]);
  return (
    <>
      <Table<OverrideRow>
        rowKey="key"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={false}
        data-testid="overrides-table"
      />
      {!readOnly && (
        <Button icon={<PlusOutlined />} onClick={add} style={{ marginTop: 8 }} data-testid="override-add">
          {t('calendar.add')}
        </Button>
      )}
    </>
  );
}
