import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { Ok } from '../../core/contracts/common';
import {
  NotificationList,
  Preferences,
  PutPreferencesRequest,
  Queued,
  ReadAllResult,
  WecomRobot,
  WecomRobotList,
  type CreateWecomRobotRequest,
} from '../../core/contracts/notifications';
import { api } from './client';

export type NotificationItem = z.infer<typeof NotificationList>['items'][number];
export type PreferencesData = z.infer<typeof Preferences>;
export type PreferencesInput = z.input<typeof PutPreferencesRequest>;
export type WecomRobotData = z.infer<typeof WecomRobot>;
export type NewRobotInput = z.input<typeof CreateWecomRobotRequest>;

const inboxKey = ['notifications', 'inbox'] as const;
const prefsKey = ['notifications', 'preferences'] as const;
const robotsKey = ['wecom-robots'] as const;
const id = (value: string) => encodeURIComponent(value);

/** My inbox page; the bell polls the first page every 30 s for the unread count. */
export function useInbox(opts: { unreadOnly: boolean; limit: number; offset: number }, poll = false) {
  return useQuery({
    queryKey: [...inboxKey, opts],
    queryFn: () =>
      api.get('/notifications', {
        query: { unread: opts.unreadOnly ? 'true' : undefined, limit: opts.limit, offset: opts.offset },
        schema: NotificationList,
      }),
    placeholderData: keepPreviousData,
    refetchInterval: poll ? 30_000 : false,
  });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (notificationId: string) =>
      api.post(`/notifications/${id(notificationId)}/read`, undefined, { schema: Ok }),
    onSuccess: () => qc.invalidateQueries({ queryKey: inboxKey }),
  });
}

export function useMarkAllRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post('/notifications/read-all', undefined, { schema: ReadAllResult }),
    onSuccess: () => qc.invalidateQueries({ queryKey: inboxKey }),
  });
}

export function usePreferences() {
  return useQuery({
    queryKey: prefsKey,
    queryFn: () => api.get('/notifications/preferences', { schema: Preferences }),
  });
}

export function useSavePreferences() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: PreferencesInput) => api.put('/notifications/preferences', input, { schema: Preferences }),
    onSuccess: (data) => qc.setQueryData(prefsKey, data),
  });
}

export function useRobots() {
  return useQuery({ queryKey: robotsKey, queryFn: () => api.get('/wecom-robots', { schema: WecomRobotList }) });
}

export function useCreateRobot() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: NewRobotInput) => api.post('/wecom-robots', input, { schema: WecomRobot }),
    onSuccess: () => qc.invalidateQueries({ queryKey: robotsKey }),
  });
}

export function useDeleteRobot() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (robotId: string) => api.delete(`/wecom-robots/${id(robotId)}`, { schema: Ok }),
    onSuccess: () => qc.invalidateQueries({ queryKey: robotsKey }),
  });
}

export function useTestRobot() {
  return useMutation({
    mutationFn: (robotId: string) => api.post(`/wecom-robots/${id(robotId)}/test`, undefined, { schema: Queued }),
  });
}
