import { App, Button, Descriptions, Drawer, Popconfirm, Space, Spin, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useArchiveFaq, useFaqArticle, type FaqDetail } from '../../api/faq';
import { currentLanguage } from '../../i18n';
import { formatDateTime } from '../../ui/format';
import { QueryError } from '../../ui/QueryError';
import { useNotifyError } from '../../ui/use-notify-error';
import { useCan, useDealerTimeZone } from '../auth/session';
import { ArticleEditor } from './ArticleEditor';
import { sourceName } from './faq-labels';
import { Highlight } from './Highlight';

/** One article: question, answer, source and validity, revision history; managers edit or archive it. */
export function ArticleDrawer(props: { articleId: string | null; query: string; onClose: () => void }) {
  const { t } = useTranslation();
  const article = useFaqArticle(props.articleId);
  const [editing, setEditing] = useState(false);
  const a = article.data;
  return (
    <Drawer
      open={props.articleId !== null}
      onClose={props.onClose}
      size={560}
      title={t('faq.title')}
      destroyOnHidden
      extra={a && <Actions article={a} onEdit={() => setEditing(true)} />}
      data-testid="faq-article"
    >
      {article.isError && <QueryError error={article.error} onRetry={() => void article.refetch()} />}
      {!a ? <Spin /> : <ArticleBody article={a} query={props.query} />}
      {editing && a && <ArticleEditor article={a} onClose={() => setEditing(false)} />}
    </Drawer>
  );
}

function Actions({ article, onEdit }: { article: FaqDetail; onEdit: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const manage = useCan('faq:manage');
  const archive = useArchiveFaq();
  const notifyError = useNotifyError();
  const copy = () => void navigator.clipboard?.writeText(article.answer).then(() => message.success(t('faq.copied')));
  const toggle = (archived: boolean) => archive.mutate({ articleId: article.id, archived }, { onError: notifyError });
  return (
    <Space>
      <Button onClick={copy}>{t('faq.copy')}</Button>
      {manage && !article.archivedAt && (
        <Button onClick={onEdit} data-testid="faq-edit">
          {t('faq.edit')}
        </Button>
      )}
      {manage && !article.archivedAt && (
        <Popconfirm title={t('faq.archiveConfirm')} onConfirm={() => toggle(true)}>
          <Button danger loading={archive.isPending}>
            {t('faq.archive')}
          </Button>
        </Popconfirm>
      )}
      {manage && article.archivedAt && (
        <Button onClick={() => toggle(false)} loading={archive.isPending}>
          {t('faq.restore')}
        </Button>
      )}
    </Space>
  );
}

function ArticleBody({ article: a, query }: { article: FaqDetail; query: string }) {
  const { t } = useTranslation();
  const tz = useDealerTimeZone();
  const lang = currentLanguage();
  return (
    <>
      <Typography.Title level={4} data-testid="faq-article-question">
        <Highlight text={a.question} query={query} />
      </Typography.Title>
      {!a.active && <Tag>{a.archivedAt ? t('faq.archived') : t('faq.inactive')}</Tag>}
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', fontSize: 15 }} data-testid="faq-article-answer">
        <Highlight text={a.answer} query={query} />
      </Typography.Paragraph>
      <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('faq.category')}>{a.category}</Descriptions.Item>
        <Descriptions.Item label={t('faq.tags')}>
          {a.tags.map((x) => (
            <Tag key={x}>{x}</Tag>
          ))}
        </Descriptions.Item>
        <Descriptions.Item label={t('faq.source')}>
          {sourceName(t, a.sourceCode)} ({a.sourceCode}) {a.sourceVersion}
        </Descriptions.Item>
        <Descriptions.Item label={t('faq.validFrom')}>
          {a.validFrom}
          {a.validTo ? ` – ${a.validTo}` : ''}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary">
        {t('faq.revision', { n: a.revision })} · {t('faq.useCount', { count: a.useCount })}
        {a.updatedByName &&
          ` · ${t('faq.updated', { name: a.updatedByName, at: formatDateTime(a.updatedAt, lang, tz) })}`}
      </Typography.Paragraph>
      <Typography.Title level={5}>{t('faq.history')}</Typography.Title>
      <Timeline
        items={a.revisions.map((r) => ({
          key: r.revision,
          content: `${formatDateTime(r.changedAt, lang, tz)} ${r.changedByName} ${t(`faq.changes.${r.change}`)} · ${t('faq.revision', { n: r.revision })}`,
        }))}
      />
    </>
  );
}
