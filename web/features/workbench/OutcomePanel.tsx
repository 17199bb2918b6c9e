import { Button, Card, Input, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { OUTCOME_BUTTONS, type OutcomeButton } from './outcomes';

/** Outcome buttons with their shortcut digits, the appointment time and the call note (SPEC §3.6, §4.6). */
export function OutcomePanel(props: {
  onOutcome: (o: OutcomeButton) => void;
  busy: boolean;
  canComplete: boolean;
  appointment: string;
  onAppointment: (v: string) => void;
  note: string;
  onNote: (v: string) => void;
  /** E.g. the mobile survey link button (the customer answers on the phone instead), below the note. */
  extra?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('workbench.outcome.title')} data-testid="wb-outcomes">
      <Space wrap size={[8, 8]}>
        {OUTCOME_BUTTONS.map((o, i) => (
          <Button
            key={o}
            type={o === 'completed' ? 'primary' : 'default'}
            danger={o === 'refused'}
            disabled={props.busy || (o === 'completed' && !props.canComplete)}
            onClick={() => props.onOutcome(o)}
            data-testid={`wb-outcome-${o}`}
          >
            <Typography.Text keyboard>{i + 1}</Typography.Text> {t(`workbench.outcome.${o}`)}
          </Button>
        ))}
      </Space>
      <Space direction="vertical" style={{ width: '100%', marginTop: 12 }}>
        <label>
          <Typography.Text type="secondary">{t('workbench.outcome.appointmentAt')}</Typography.Text>
          <Input
            type="datetime-local"
            value={props.appointment}
            onChange={(e) => props.onAppointment(e.target.value)}
            data-testid="wb-appointment"
          />
        </label>
        <Input.TextArea
          rows={2}
          maxLength={1000}
          placeholder={t('workbench.outcome.note')}
          value={props.note}
          onChange={(e) => props.onNote(e.target.value)}
          data-testid="wb-note"
        />
        {props.extra}
      </Space>
    </Card>
  );
}
