import { Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { cellText } from './mapping-problems';

type Cell = string | number | boolean | null;

interface Row {
  key: number;
  cells: readonly Cell[];
}

/** The first rows of the file as the server read them; every cell is rendered as plain text. */
export function PreviewTable({ headers, rows }: { headers: readonly string[]; rows: readonly (readonly Cell[])[] }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<Row> = headers.map((header, index) => ({
    title: header,
    key: String(index),
    render: (_v, row) => (
      <Typography.Text ellipsis style={{ maxWidth: 200 }}>
        {cellText(row.cells[index])}
      </Typography.Text>
    ),
  }));
  return (
    <>
      <Typography.Title level={5}>{t('imports.mapping.preview', { count: rows.length })}</Typography.Title>
      <Table<Row>
        size="small"
        columns={columns}
        dataSource={rows.map((cells, key) => ({ key, cells }))}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="import-preview"
      />
    </>
  );
}
