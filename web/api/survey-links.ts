import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  CreatedLink,
  LinkList,
  OnsiteCandidates,
  OnsiteDone,
  OnsiteSession,
  SendLinkResult,
  WalkInDone,
  WalkInQuestionnaire,
  type OnsiteSubmitRequest,
  type StartOnsiteRequest,
  type WalkInRequest,
} from '../../core/contracts/survey-links';
import { api } from './client';

/** Mobile survey links and the on-site survey (issue 5). */
const key = ['survey-links'] as const;
const id = (value: string) => encodeURIComponent(value);

export const useTaskLinks = (taskId: string | null) =>
  useQuery({
    queryKey: [...key, 'task', taskId],
    queryFn: () => api.get('/survey-links', { query: { taskId }, schema: LinkList }),
    enabled: Boolean(taskId),
  });

function useInvalidating<I, O>(fn: (input: I) => Promise<O>, also: readonly unknown[] = []) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: key });
      if (also.length) await qc.invalidateQueries({ queryKey: also });
    },
  });
}

export const useCreateLink = () =>
  useInvalidating((taskId: string) => api.post(`/callbacks/tasks/${id(taskId)}/link`, {}, { schema: CreatedLink }));

export const useSendLink = () =>
  useInvalidating(({ taskId, phoneId }: { taskId: string; phoneId?: string }) =>
    api.post(`/callbacks/tasks/${id(taskId)}/link/send`, phoneId ? { phoneId } : {}, { schema: SendLinkResult }),
  );

export const useOnsiteCandidates = (kind: 'repair_order' | 'sale', date?: string) =>
  useQuery({
    queryKey: [...key, 'onsite', kind, date],
    queryFn: () => api.get('/onsite/candidates', { query: { kind, date }, schema: OnsiteCandidates }),
  });

export const useStartOnsite = () =>
  useInvalidating((body: StartOnsiteRequest) => api.post('/onsite/start', body, { schema: OnsiteSession }));

export const useSubmitOnsite = () =>
  useInvalidating(
    ({ taskId, body }: { taskId: string; body: OnsiteSubmitRequest }) =>
      api.post(`/onsite/tasks/${id(taskId)}/response`, body, { schema: OnsiteDone }),
    ['callbacks'],
  );

/** The on-site questionnaire for a customer whose order is not imported yet. */
export const useWalkInQuestionnaire = (kind: 'repair_order' | 'sale') =>
  useQuery({
    queryKey: [...key, 'walk-in', kind],
    queryFn: () => api.get('/onsite/walk-in/questionnaire', { query: { kind }, schema: WalkInQuestionnaire }),
  });

/** On-site answers without a task (listed in the on-site register). */
export const useSubmitWalkIn = () =>
  useInvalidating((body: WalkInRequest) => api.post('/onsite/walk-in', body, { schema: WalkInDone }), ['registers']);
