import { StepForwardOutlined, UndoOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMine, useNext, useRelease } from '../../api/workbench';
import { useCan, useDealerTimeZone } from '../auth/session';
import { currentLanguage } from '../../i18n';
import { formatDateTime } from '../../ui/format';
import { PageTitle } from '../../ui/PageTitle';
import { useNotifyError } from '../../ui/use-notify-error';
import { CallScreen } from './CallScreen';
import { ScriptEditor } from './ScriptEditor';
import { ShortcutHelp } from './ShortcutHelp';
import { TodayCounters } from './TodayCounters';
import { useShortcuts } from './use-shortcuts';

type Idle = 'idle' | 'empty' | 'outside_calling_hours' | 'done';

/**
 * 回访工作台 (SPEC §8.7): "next call" takes the most urgent due task; the call is worked on one screen;
 * today's counters and the agent's appointments sit above it. A task the agent still holds (a reload)
 * comes back by itself.
 */
export default function WorkbenchPage() {
  const { t } = useTranslation();
  const notifyError = useNotifyError();
  const tz = useDealerTimeZone();
  const mine = useMine();
  const next = useNext();
  const release = useRelease();
  const [taskId, setTaskId] = useState<string | null>(null);
  const [idle, setIdle] = useState<Idle>('idle');
  const [help, setHelp] = useState(false);
  const canConfigure = useCan('callbacks:configure');
  const current = taskId ?? (idle === 'idle' ? (mine.data?.holding?.id ?? null) : null);

  const takeNext = () => {
    if (next.isPending) return;
    next.mutate(undefined, {
      onSuccess: (r) => {
        setTaskId(r.task?.id ?? null);
        setIdle(r.task ? 'idle' : r.reason === 'claimed' ? 'empty' : r.reason);
      },
      onError: notifyError,
    });
  };
  const giveBack = () => {
    if (!current) return;
    release.mutate(current, {
      onSuccess: () => {
        setTaskId(null);
        setIdle('done');
      },
      onError: notifyError,
    });
  };
  useShortcuts({ next: takeNext, help: () => setHelp((h) => !h) });

  return (
    <>
      <PageTitle
        title={t('workbench.title')}
        extra={
          <Space wrap>
            <TodayCounters />
            <Button
              type="primary"
              icon={<StepForwardOutlined />}
              loading={next.isPending}
              onClick={takeNext}
              data-testid="wb-next"
            >
              {t('workbench.next')}{' '}
              <Typography.Text keyboard style={{ color: 'inherit' }}>
                N
              </Typography.Text>
            </Button>
            {current && (
              <Button icon={<UndoOutlined />} loading={release.isPending} onClick={giveBack} data-testid="wb-release">
                {t('workbench.release')}
              </Button>
            )}
            <ShortcutHelp open={help} onOpenChange={setHelp} />
            {canConfigure && <ScriptEditor />}
          </Space>
        }
      />
      {current ? (
        <CallScreen
          key={current}
          taskId={current}
          onDone={() => {
            setTaskId(null);
            setIdle('done');
          }}
        />
      ) : (
        <Flex gap={12} wrap>
          <Card style={{ flex: '1 1 360px' }}>
            <Empty description={t(`workbench.empty.${idle}`)} data-testid="wb-idle" />
          </Card>
          <Card size="small" title={t('workbench.appointmentsTitle')} style={{ flex: '1 1 360px' }}>
            <List
              size="small"
              dataSource={mine.data?.appointments ?? []}
              renderItem={(a) => (
                <List.Item>
                  <Space>
                    {a.customerName}
                    {a.plate && <Tag>{a.plate}</Tag>}
                    {formatDateTime(a.appointmentAt, currentLanguage(), tz)}
                  </Space>
                </List.Item>
              )}
            />
          </Card>
        </Flex>
      )}
    </>
  );
}
