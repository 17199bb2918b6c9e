import { Steps, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseDetailData } from '../../api/cases';
import { useWhen } from './labels';

const RED = new Set(['overdue', 'escalated', 'loop_escalated', 'reopened']);

/** Where the case stands (Steps) and everything that happened (Timeline): answer → form → reply → callback. */
export function CaseTimeline({ c }: { c: CaseDetailData }) {
  const { t } = useTranslation();
  const when = useWhen();
  const order = ['forward', 'reply', 'return', 'second_callback'] as const;
  const steps = c.path === 'daily_report' ? order.filter((s) => s === 'reply' || s === 'second_callback') : order;
  const current =
    c.status === 'closed'
      ? steps.length
      : Math.max(
          0,
          steps.findIndex((s) => s === c.currentStep),
        );
  return (
    <>
      {(c.path === 'c' || c.path === 'daily_report') && (
        <Steps
          size="small"
          style={{ marginBottom: 24 }}
          current={current}
          status={c.overdue ? 'error' : c.status === 'closed' ? 'finish' : 'process'}
          items={[...steps.map((s) => ({ title: t(`cases.steps.${s}`) })), { title: t('cases.statuses.closed') }]}
        />
      )}
      <Timeline
        data-testid="case-timeline"
        items={c.events.map((e) => ({
          key: e.seq,
          color: RED.has(e.kind) ? 'red' : e.kind === 'closed' ? 'green' : 'blue',
          children: (
            <div data-testid={`case-event-${e.kind}`}>
              <Typography.Text strong>{t(`cases.events.${e.kind}` as 'cases.events.opened')}</Typography.Text>
              <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                {when(e.at)} · {t('cases.loop', { n: e.loop })}
                {e.actorName ? ` · ${e.actorName}` : ''}
              </Typography.Text>
              {e.note && (
                <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{e.note}</Typography.Paragraph>
              )}
            </div>
          ),
        }))}
      />
    </>
  );
}
