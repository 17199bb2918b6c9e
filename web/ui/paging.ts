import type { TablePaginationConfig } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';

export interface Paging {
  page: number;
  pageSize: number;
}

/** Server-side paging state for an antd Table: limit/offset for the API, pagination for the table. */
export function usePaging(initialSize = 20) {
  const [paging, setPaging] = useState<Paging>({ page: 1, pageSize: initialSize });
  const limitOffset = { limit: paging.pageSize, offset: (paging.page - 1) * paging.pageSize };
  const reset = () => setPaging((p) => ({ ...p, page: 1 }));
  const pagination = (t: TFunction, total: number | undefined): TablePaginationConfig => ({
    current: paging.page,
    pageSize: paging.pageSize,
    total: total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: [10, 20, 50, 100],
    showTotal: (count) => t('common.total', { count }),
    onChange: (page, pageSize) => setPaging({ page: pageSize === paging.pageSize ? page : 1, pageSize }),
  });
  return { limitOffset, reset, pagination };
}
