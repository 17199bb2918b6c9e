import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  CallbackAgentList,
  CallbackTask,
  GenerateResult,
  Handoff,
  HandoffList,
  QueueList,
  RulesOverview,
  type CreateTaskRequest,
  type FixHandoffRequest,
  type PutRulesRequest,
  type QueueQuery,
} from '../../core/contracts/callbacks';
import {
  LinkSettings,
  MessageProvider,
  type UpdateLinkSettings,
  type UpdateMessageProvider,
} from '../../core/contracts/survey-links';
import { api } from './client';

/** The lead's queue, the callback rules and the contact-data hand-offs (SPEC §4.1, §4.6 WF-5, §9.2). */
export type QueueData = z.infer<typeof QueueList>;
export type QueueRow = QueueData['items'][number];
export type QueueFilter = Omit<z.infer<typeof QueueQuery>, 'limit' | 'offset'> & { limit?: number; offset?: number };
export type RulesData = z.infer<typeof RulesOverview>;
export type PutRulesInput = z.input<typeof PutRulesRequest>;
export type CreateTaskInput = z.input<typeof CreateTaskRequest>;
export type HandoffData = z.infer<typeof Handoff>;
export type FixHandoffInput = z.input<typeof FixHandoffRequest>;

const key = ['callbacks'] as const;
const id = (value: string) => encodeURIComponent(value);

export const useQueue = (filter: QueueFilter) =>
  useQuery({
    queryKey: [...key, 'queue', filter],
    queryFn: () => api.get('/callbacks/queue', { query: { ...filter }, schema: QueueList }),
    placeholderData: keepPreviousData,
  });

function useRefreshing<I, O>(fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: key });
      await qc.invalidateQueries({ queryKey: ['workbench'] });
    },
  });
}

export type CallbackAgentData = z.infer<typeof CallbackAgentList>['items'][number];

/** The dealer's users who can take callbacks, with their open and held tasks (leads only). */
export const useCallbackAgents = (enabled = true) =>
  useQuery({
    queryKey: [...key, 'agents'],
    queryFn: () => api.get('/callbacks/agents', { schema: CallbackAgentList }),
    enabled,
    staleTime: 30_000,
  });

/** Give a task to one agent (null: back to everyone). */
export const useAssignTask = () =>
  useRefreshing((input: { taskId: string; userId: string | null }) =>
    api.post(`/callbacks/tasks/${id(input.taskId)}/assign`, { userId: input.userId }, { schema: CallbackTask }),
  );

export const useCreateTask = () =>
  useRefreshing((body: CreateTaskInput) => api.post('/callbacks/tasks', body, { schema: CallbackTask }));

export const useGenerateNow = () =>
  useRefreshing(() => api.post('/callbacks/generate', {}, { schema: GenerateResult }));

export const useRules = () =>
  useQuery({ queryKey: [...key, 'rules'], queryFn: () => api.get('/callbacks/rules', { schema: RulesOverview }) });

export const useSaveRules = () =>
  useRefreshing((body: PutRulesInput) => api.put('/callbacks/rules', body, { schema: RulesOverview }));

export const useHandoffs = (f: { open?: boolean; mine: boolean }) =>
  useQuery({
    queryKey: [...key, 'handoffs', f],
    queryFn: () =>
      api.get('/callbacks/handoffs', {
        query: { open: f.open === undefined ? undefined : String(f.open), mine: String(f.mine) },
        schema: HandoffList,
      }),
  });

export const useFixHandoff = () =>
  useRefreshing((input: { handoffId: string; body: FixHandoffInput }) =>
    api.post(`/callbacks/handoffs/${id(input.handoffId)}/fix`, input.body, { schema: Handoff }),
  );

/** Mobile survey-link settings (privacy notice, validity, base URL, SMS template) and the SMS provider. */
export type LinkSettingsData = z.infer<typeof LinkSettings>;
export type LinkSettingsInput = z.input<typeof UpdateLinkSettings>;
export type ProviderData = z.infer<typeof MessageProvider>;
export type ProviderInput = z.input<typeof UpdateMessageProvider>;

export const useLinkSettings = () =>
  useQuery({
    queryKey: [...key, 'link-settings'],
    queryFn: () => api.get('/survey-link-settings', { schema: LinkSettings }),
  });

export const useSaveLinkSettings = () =>
  useRefreshing((body: LinkSettingsInput) => api.put('/survey-link-settings', body, { schema: LinkSettings }));

export const useProvider = (enabled: boolean) =>
  useQuery({
    queryKey: [...key, 'provider'],
    queryFn: () => api.get('/message-provider', { schema: MessageProvider }),
    enabled,
  });

export const useSaveProvider = () =>
  useRefreshing((body: ProviderInput) => api.put('/message-provider', body, { schema: MessageProvider }));
