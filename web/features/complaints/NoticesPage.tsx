import { Card, Empty, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useNotices } from '../../api/complaints';
import { PageTitle } from '../../ui/PageTitle';
import { QueryError } from '../../ui/QueryError';
import { NoticeCard } from './NoticeCard';
import { ListExportButtons } from '../../ui/ListExportButtons';

/** 整改通知单 (WF-9): every notice of the dealer with its result, explanation and next step. */
export default function NoticesPage() {
  const { t } = useTranslation();
  const list = useNotices();
  const items = list.data?.items ?? [];
  return (
    <>
      <PageTitle
        title={t('complaints.notices.title')}
        extra={<ListExportButtons path="/api/rectification-notices" testId="notices" />}
      />
      {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
      {items.length === 0 && !list.isFetching && <Empty />}
      <Space direction="vertical" style={{ width: '100%' }}>
        {items.map((n) => (
          <Card
            key={n.id}
            size="small"
            title={
              <Link to={`/complaints/${n.complaintId}`}>
                <Typography.Text ellipsis style={{ maxWidth: 600 }}>
                  {n.complaintDescription}
                </Typography.Text>
              </Link>
            }
          >
            <NoticeCard n={n} />
          </Card>
        ))}
      </Space>
    </>
  );
}
