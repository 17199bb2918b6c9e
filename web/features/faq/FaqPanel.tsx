import { CopyOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Input, Space, Tag, Typography } from 'antd';
import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFaqSearch, type FaqHit } from '../../api/faq';
import { QueryError } from '../../ui/QueryError';
import { sourceName } from './faq-labels';
import { Highlight } from './Highlight';
import { useDebounced } from './use-debounced';

const SHOWN = 8;

export interface FaqPanelProps {
  /** The agent answered the customer from this article (e.g. record resolution path a on the response). */
  onUse?: (article: FaqHit) => void;
  /** Search text to start with, e.g. the customer's complaint. */
  initialQuery?: string;
  autoFocus?: boolean;
}

/**
 * Compact FAQ search for the callback screen (SPEC §8.7): results while typing, ↑/↓ to move, Enter to open
 * the answer, Esc to go back; "answer with this" hands the article to `onUse`.
 */
export function FaqPanel({ onUse, initialQuery = '', autoFocus }: FaqPanelProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const listId = useId();
  const [text, setText] = useState(initialQuery);
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState<string | null>(null);
  const q = useDebounced(text.trim());
  const search = useFaqSearch({ q, limit: SHOWN });
  const items = search.data?.items ?? [];
  const opened = items.find((a) => a.id === open) ?? null;

  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => Math.min(Math.max(i + step, 0), Math.max(items.length - 1, 0)));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const pick = items[active];
      setOpen(opened ? null : (pick?.id ?? null));
    } else if (e.key === 'Escape') {
      if (opened) setOpen(null);
      else setText('');
    }
  };

  const copy = (a: FaqHit) =>
    void navigator.clipboard?.writeText(a.answer).then(() => message.success(t('faq.copied')));

  return (
    <Card size="small" title={t('faq.panel.title')} data-testid="faq-panel">
      <Input.Search
        value={text}
        allowClear
        autoFocus={autoFocus}
        maxLength={100}
        placeholder={t('faq.panel.placeholder')}
        onChange={(e) => {
          setText(e.target.value);
          setActive(0);
          setOpen(null);
        }}
        onKeyDown={onKey}
        loading={search.isFetching}
        aria-controls={listId}
        aria-activedescendant={items[active] ? `${listId}-${items[active].id}` : undefined}
        data-testid="faq-panel-search"
      />
      {search.isError && <QueryError error={search.error} onRetry={() => void search.refetch()} />}
      {opened ? (
        <div style={{ marginTop: 12 }} data-testid="faq-panel-answer">
          <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setOpen(null)}>
            ← {t('faq.panel.back')}
          </Button>
          <Typography.Title level={5} style={{ marginTop: 4 }}>
            <Highlight text={opened.question} query={q} />
          </Typography.Title>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
            <Highlight text={opened.answer} query={q} />
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {sourceName(t, opened.sourceCode)} {opened.sourceVersion}
          </Typography.Paragraph>
          <Space>
            {onUse && (
              <Button type="primary" size="small" onClick={() => onUse(opened)} data-testid="faq-panel-use">
                {t('faq.use')}
              </Button>
            )}
            <Button size="small" icon={<CopyOutlined />} onClick={() => copy(opened)}>
              {t('faq.copy')}
            </Button>
          </Space>
        </div>
      ) : (
        <ul id={listId} role="listbox" style={{ listStyle: 'none', margin: '8px 0 0', padding: 0 }}>
          {items.map((a, i) => (
            <li
              key={a.id}
              id={`${listId}-${a.id}`}
              role="option"
              aria-selected={i === active}
              onClick={() => setOpen(a.id)}
              onMouseEnter={() => setActive(i)}
              style={{
                cursor: 'pointer',
                padding: '6px 8px',
                borderRadius: 6,
                background: i === active ? 'rgba(22, 119, 255, 0.08)' : undefined,
              }}
              data-testid="faq-panel-item"
            >
              <Highlight text={a.question} query={q} /> <Tag style={{ marginInlineStart: 4 }}>{a.category}</Tag>
            </li>
          ))}
        </ul>
      )}
      {!opened && !search.isFetching && items.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('faq.noResults')} />
      )}
      {!opened && (search.data?.total ?? 0) > items.length && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('faq.panel.more', { count: search.data?.total, shown: items.length })}
        </Typography.Text>
      )}
    </Card>
  );
}
