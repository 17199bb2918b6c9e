import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  ForumItem,
  ForumItemList,
  HotlineCall,
  HotlineCallList,
  type CreateForumItemRequest,
  type CreateHotlineCallRequest,
  type ToComplaintRequest,
  type UpdateForumItemRequest,
} from '../../core/contracts/hotline';
import { api } from './client';

/** Hotline log (SPEC §3.24, WF-10) and forum monitoring (SPEC §3.25, WF-18). */
export type HotlineCallItem = z.infer<typeof HotlineCall>;
export type ForumItemData = z.infer<typeof ForumItem>;
const ComplaintRef = z.object({ complaintId: z.string() });
const enc = encodeURIComponent;

function useInvalidating<I, O>(keys: string[], fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => Promise.all(keys.map((k) => qc.invalidateQueries({ queryKey: [k] }))),
  });
}

export const useHotlineCalls = (filter: { overdue?: string; category?: string; q?: string }) =>
  useQuery({
    queryKey: ['hotline', filter],
    queryFn: () => api.get('/hotline-calls', { query: filter, schema: HotlineCallList }),
    refetchInterval: 60_000,
  });
export const useLogCall = () =>
  useInvalidating(['hotline'], (input: z.input<typeof CreateHotlineCallRequest>) =>
    api.post('/hotline-calls', input, { schema: HotlineCall }),
  );
export const useReplyCall = () =>
  useInvalidating(['hotline'], ({ id, note }: { id: string; note: string }) =>
    api.post(`/hotline-calls/${enc(id)}/reply`, { note }, { schema: HotlineCall }),
  );
export const useCallToComplaint = () =>
  useInvalidating(['hotline', 'complaints'], ({ id, ...body }: z.input<typeof ToComplaintRequest> & { id: string }) =>
    api.post(`/hotline-calls/${enc(id)}/complaint`, body, { schema: ComplaintRef }),
  );

export const useForumItems = (filter: { status?: string }) =>
  useQuery({
    queryKey: ['forum', filter],
    queryFn: () => api.get('/forum-items', { query: filter, schema: ForumItemList }),
  });
export const useCreateForumItem = () =>
  useInvalidating(['forum'], (input: z.input<typeof CreateForumItemRequest>) =>
    api.post('/forum-items', input, { schema: ForumItem }),
  );
export const useUpdateForumItem = () =>
  useInvalidating(['forum'], ({ id, ...body }: z.input<typeof UpdateForumItemRequest> & { id: string }) =>
    api.patch(`/forum-items/${enc(id)}`, body, { schema: ForumItem }),
  );
export const useForumToComplaint = () =>
  useInvalidating(['forum', 'complaints'], ({ id, ...body }: z.input<typeof ToComplaintRequest> & { id: string }) =>
    api.post(`/forum-items/${enc(id)}/complaint`, body, { schema: ComplaintRef }),
  );
