import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Issue } from '../../../core/contracts/questionnaires';
import { ApiError } from '../../api/client';
import {
  useRecordAttempt,
  useSubmitResponse,
  type AttemptInput,
  type Task,
  type TaskResponseInput,
} from '../../api/workbench';
import { useNotifyError } from '../../ui/use-notify-error';
import { appointmentIso, type OutcomeButton } from './outcomes';
import type { SurveyState } from './QuestionnairePanel';

export interface CallInput {
  task: Task | undefined;
  survey: SurveyState;
  appointment: string;
  note: string;
  phoneId: string | undefined;
  startedAt: string;
  setIssues: (issues: Issue[]) => void;
  onDone: () => void;
}

function issuesOf(e: unknown): Issue[] | null {
  if (!(e instanceof ApiError) || e.code !== 'VALIDATION_FAILED') return null;
  const issues = (e.details as { issues?: Issue[] } | undefined)?.issues;
  return Array.isArray(issues) ? issues : null;
}

/** The questionnaire answers of the call, as the task response request (SPEC §3.8). */
function responseBody(versionId: string, c: CallInput): TaskResponseInput {
  return {
    versionId,
    answers: c.survey.answers,
    channel: c.task?.type.includes('ONSITE') ? 'on_site' : 'phone',
    praise: c.survey.praise.trim() || undefined,
    mayCallAgain: c.survey.mayCallAgain,
    respondentEligible: c.survey.eligible,
    startedAt: c.startedAt,
    finishedAt: new Date().toISOString(),
  };
}

/** "Busy · appointment" is an appointment when a time is given, else busy (SPEC §4.6). */
function attemptBody(o: Exclude<OutcomeButton, 'completed'>, c: CallInput): AttemptInput {
  const at = appointmentIso(c.appointment);
  const outcome = o === 'appointment' ? (at ? 'appointment' : 'busy') : o;
  return { outcome, phoneId: c.phoneId, note: c.note.trim() || undefined, appointmentAt: at };
}

/** Submitting the questionnaire and recording the other outcomes of a call (SPEC §4.6 WF-5). */
export function useCallActions(taskId: string, c: CallInput) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const notifyError = useNotifyError();
  const attempt = useRecordAttempt(taskId);
  const submitResponse = useSubmitResponse(taskId);
  const busy = attempt.isPending || submitResponse.isPending;
  const versionId = c.task?.questionnaire.versionId ?? null;

  const submit = () => {
    if (!versionId || busy) return;
    submitResponse.mutate(responseBody(versionId, c), {
      onSuccess: () => {
        void message.success(t('workbench.survey.submitted'));
        c.onDone();
      },
      onError: (e) => {
        const issues = issuesOf(e);
        if (issues) c.setIssues(issues);
        else notifyError(e);
      },
    });
  };

  const record = (o: Exclude<OutcomeButton, 'completed'>) => {
    attempt.mutate(attemptBody(o, c), {
      onSuccess: () => {
        void message.success(t('workbench.outcome.recorded', { outcome: t(`workbench.outcome.${o}`) }));
        c.onDone();
      },
      onError: notifyError,
    });
  };

  const outcome = (o: OutcomeButton | undefined) => {
    if (!o || busy) return;
    if (o === 'completed') submit();
    else if (o === 'refused')
      void modal.confirm({ title: t('workbench.outcome.confirmRefused'), onOk: () => record('refused') });
    else record(o);
  };

  return { submit, outcome, busy, submitting: submitResponse.isPending, canComplete: Boolean(versionId) };
}
