import { PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Input, List, Select, Space, Tag, Typography, type TablePaginationConfig } from 'antd';
import type { PaginationConfig } from 'antd/es/pagination';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useFaqFacets, useFaqSearch, type FaqHit } from '../../api/faq';
import { PageTitle } from '../../ui/PageTitle';
import { QueryError } from '../../ui/QueryError';
import { usePaging } from '../../ui/paging';
import { useCan } from '../auth/session';
import { ArticleDrawer } from './ArticleDrawer';
import { ArticleEditor } from './ArticleEditor';
import { excerpt, sourceName } from './faq-labels';
import { Highlight } from './Highlight';
import { ImportButton } from './ImportButton';

type Status = 'active' | 'archived' | 'all';

/** The table paging of ui/paging.ts, for a List (whose `position` is a single value). */
const listPagination = ({ position: _position, ...p }: TablePaginationConfig): PaginationConfig => ({
  ...p,
  align: 'start',
});

/** FAQ 知识库 (SPEC §3.11): search in Chinese, filter by category and tag, read an article; managers edit. */
export default function FaqPage() {
  const { t } = useTranslation();
  const manage = useCan('faq:manage');
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const category = params.get('category') ?? undefined;
  const tag = params.get('tag') ?? undefined;
  const status = (params.get('status') as Status | null) ?? 'active';
  const paging = usePaging(20);
  const search = useFaqSearch({ q, category, tag, status, ...paging.limitOffset });
  const facets = useFaqFacets();
  const [openId, setOpenId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);

  const setParam = (name: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next);
    paging.reset();
  };

  return (
    <>
      <PageTitle
        title={t('faq.title')}
        extra={
          manage && (
            <Space>
              <ImportButton />
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="faq-new">
                {t('faq.create')}
              </Button>
            </Space>
          )
        }
      />
      <Flex wrap gap={12} style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          enterButton
          size="large"
          defaultValue={q}
          maxLength={100}
          placeholder={t('faq.searchPlaceholder')}
          onSearch={(value) => setParam('q', value.trim() || undefined)}
          style={{ maxWidth: 520 }}
          data-testid="faq-search"
        />
        <Select
          allowClear
          size="large"
          value={category}
          placeholder={t('faq.allCategories')}
          onChange={(v: string | undefined) => setParam('category', v)}
          options={(facets.data?.categories ?? []).map((c) => ({
            value: c.category,
            label: `${c.category} (${c.count})`,
          }))}
          style={{ minWidth: 180 }}
          data-testid="faq-category"
        />
        <Select
          allowClear
          showSearch
          size="large"
          value={tag}
          placeholder={t('faq.allTags')}
          onChange={(v: string | undefined) => setParam('tag', v)}
          options={(facets.data?.tags ?? []).map((x) => ({ value: x.tag, label: `${x.tag} (${x.count})` }))}
          style={{ minWidth: 160 }}
        />
        {manage && (
          <Select
            size="large"
            value={status}
            onChange={(v: Status) => setParam('status', v === 'active' ? undefined : v)}
            options={(['active', 'archived', 'all'] as const).map((s) => ({ value: s, label: t(`faq.statuses.${s}`) }))}
            style={{ minWidth: 120 }}
          />
        )}
      </Flex>
      {search.isError && <QueryError error={search.error} onRetry={() => void search.refetch()} />}
      <List<FaqHit>
        loading={search.isFetching}
        dataSource={search.data?.items ?? []}
        pagination={listPagination(paging.pagination(t, search.data?.total))}
        locale={{ emptyText: <Empty description={t('faq.noResults')} /> }}
        renderItem={(a) => (
          <List.Item
            key={a.id}
            onClick={() => setOpenId(a.id)}
            style={{ cursor: 'pointer' }}
            extra={<Tag>{a.category}</Tag>}
            data-testid="faq-result"
          >
            <List.Item.Meta
              title={
                <Space wrap>
                  <Typography.Link>
                    <Highlight text={a.question} query={q} />
                  </Typography.Link>
                  {!a.active && <Tag color="default">{a.archivedAt ? t('faq.archived') : t('faq.inactive')}</Tag>}
                </Space>
              }
              description={
                <>
                  <Typography.Paragraph style={{ marginBottom: 4 }}>
                    <Highlight text={excerpt(a.answer, 140)} query={q} />
                  </Typography.Paragraph>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {sourceName(t, a.sourceCode)} {a.sourceVersion} · {a.tags.join('、')}
                  </Typography.Text>
                </>
              }
            />
          </List.Item>
        )}
      />
      <ArticleDrawer articleId={openId} query={q} onClose={() => setOpenId(null)} />
      {creating && <ArticleEditor article={null} onClose={() => setCreating(false)} />}
    </>
  );
}
