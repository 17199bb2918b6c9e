import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  CallbackTask,
  MineResult,
  NextResult,
  type RecordAttemptRequest,
  type TaskResponseRequest,
} from '../../core/contracts/callbacks';
import {
  CallScript,
  CallScriptInput,
  CallScriptList,
  WorkbenchContext,
  WorkbenchToday,
} from '../../core/contracts/workbench';
import { api } from './client';

/** The agent workbench (SPEC §8.7): the callbacks API (queue, task, attempts, response) and its extras. */
export type Task = z.infer<typeof CallbackTask>;
export type Context = z.infer<typeof WorkbenchContext>;
export type AttemptInput = z.input<typeof RecordAttemptRequest>;
export type TaskResponseInput = z.input<typeof TaskResponseRequest>;

const key = ['workbench'] as const;
const id = (value: string) => encodeURIComponent(value);

export const useMine = () =>
  useQuery({ queryKey: [...key, 'mine'], queryFn: () => api.get('/callbacks/mine', { schema: MineResult }) });

export const useToday = () =>
  useQuery({ queryKey: [...key, 'today'], queryFn: () => api.get('/workbench/today', { schema: WorkbenchToday }) });

export const useTask = (taskId: string | null) =>
  useQuery({
    queryKey: [...key, 'task', taskId],
    queryFn: () => api.get(`/callbacks/tasks/${id(taskId ?? '')}`, { schema: CallbackTask }),
    enabled: Boolean(taskId),
  });

export const useTaskContext = (taskId: string | null) =>
  useQuery({
    queryKey: [...key, 'context', taskId],
    queryFn: () => api.get(`/workbench/tasks/${id(taskId ?? '')}/context`, { schema: WorkbenchContext }),
    enabled: Boolean(taskId),
  });

function useRefreshing<I, O>(fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: key });
      await qc.invalidateQueries({ queryKey: ['registers'] });
    },
  });
}

/** "Next call": leases the most urgent due task (and drops the one held). */
export const useNext = () => useRefreshing(() => api.post('/callbacks/next', {}, { schema: NextResult }));

export const useRecordAttempt = (taskId: string) =>
  useRefreshing((body: AttemptInput) =>
    api.post(`/callbacks/tasks/${id(taskId)}/attempts`, body, { schema: CallbackTask }),
  );

export const useSubmitResponse = (taskId: string) =>
  useRefreshing((body: TaskResponseInput) =>
    api.post(`/callbacks/tasks/${id(taskId)}/response`, body, { schema: CallbackTask }),
  );

export const useRelease = () =>
  useRefreshing((taskId: string) => api.post(`/callbacks/tasks/${id(taskId)}/release`, {}));

export type CallScriptData = z.infer<typeof CallScriptList>['items'][number];

/** The dealer's call scripts (CONFIG, SPEC §7.6): the preset until a supervisor saves one. */
export const useCallScripts = (enabled: boolean) =>
  useQuery({
    queryKey: [...key, 'scripts'],
    queryFn: () => api.get('/call-scripts', { schema: CallScriptList }),
    enabled,
  });

export const useSaveCallScript = () =>
  useRefreshing(({ line, ...body }: z.input<typeof CallScriptInput> & { line: 'after_sales' | 'sales' }) =>
    api.put(`/call-scripts/${line}`, body, { schema: CallScript }),
  );
