import { Alert, Button, Radio, Space } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Issue } from '../../../core/contracts/questionnaires';
import { ApiError } from '../../api/client';

/** Who answers at the counter (SPEC §3.8 respondent relation). */
export type Relation = 'owner' | 'recipient' | 'other';

/** The field errors the server returned for a refused submission (none for other errors). */
export function issuesOf(e: unknown): Issue[] {
  return e instanceof ApiError ? ((e.details as { issues?: Issue[] } | undefined)?.issues ?? []) : [];
}

/** Large, touch-friendly choice of who is answering. */
export function RelationPicker({ value, onChange }: { value: Relation; onChange: (r: Relation) => void }) {
  const { t } = useTranslation();
  return (
    <Space wrap>
      {t('onsite.respondent')}
      <Radio.Group
        size="large"
        optionType="button"
        value={value}
        onChange={(e) => onChange(e.target.value as Relation)}
        options={(['owner', 'recipient', 'other'] as const).map((r) => ({
          value: r,
          label: t(`onsite.relations.${r}`),
        }))}
      />
    </Space>
  );
}

/** The server's refusal (if any), then the big submit button and the way back to the list. */
export function SubmitBar(props: {
  error: Error | null;
  loading: boolean;
  disabled?: boolean;
  onSubmit: () => void;
  testId: string;
  back: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      {props.error && <Alert type="error" showIcon message={props.error.message} style={{ marginBottom: 16 }} />}
      <Space size="large">
        <Button
          type="primary"
          size="large"
          style={{ height: 56, minWidth: 200 }}
          disabled={props.disabled}
          loading={props.loading}
          onClick={props.onSubmit}
          data-testid={props.testId}
        >
          {t('onsite.submit')}
        </Button>
        {props.back}
      </Space>
    </>
  );
}
