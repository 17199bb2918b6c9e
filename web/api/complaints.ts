import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  Appeal,
  AppealList,
  ComplaintDetail,
  ComplaintList,
  MyPenalties,
  Penalty,
  PenaltyList,
  PenaltyRulesView,
  RectificationList,
  RectificationNotice,
  type AttributionRequest,
  type CheckRequest,
  type CreateComplaintRequest,
  type IssueRectificationRequest,
  type PenaltyDecisionRequest,
  type ProposePenaltiesRequest,
  type ReplyRequest,
  type RulingRequest,
} from '../../core/contracts/complaints';
import { api } from './client';

/** Complaints, penalties, appeals and rectification notices (SPEC WF-8–WF-9, §5.7). */
export type ComplaintItem = z.infer<typeof ComplaintList>['items'][number];
export type ComplaintFull = z.infer<typeof ComplaintDetail>;
export type PenaltyItem = z.infer<typeof Penalty>;
export type AppealItem = z.infer<typeof Appeal>;
export type NoticeItem = z.infer<typeof RectificationNotice>;
export type ComplaintFilter = { status?: string; level?: string; source?: string; overdue?: string; q?: string };

const key = ['complaints'] as const;
const enc = encodeURIComponent;

export const useComplaints = (filter: ComplaintFilter) =>
  useQuery({
    queryKey: [...key, 'list', filter],
    queryFn: () => api.get('/complaints', { query: filter, schema: ComplaintList }),
  });
export const useComplaint = (id: string) =>
  useQuery({
    queryKey: [...key, 'one', id],
    queryFn: () => api.get(`/complaints/${enc(id)}`, { schema: ComplaintDetail }),
  });
export const usePenalties = (filter: { status?: string }) =>
  useQuery({
    queryKey: [...key, 'penalties', filter],
    queryFn: () => api.get('/penalties', { query: filter, schema: PenaltyList }),
  });
export const useMyPenalties = () =>
  useQuery({ queryKey: [...key, 'mine'], queryFn: () => api.get('/my/penalties', { schema: MyPenalties }) });
export const useAppeals = (status?: string) =>
  useQuery({
    queryKey: [...key, 'appeals', status],
    queryFn: () => api.get('/appeals', { query: { status }, schema: AppealList }),
  });
export const useNotices = (status?: string) =>
  useQuery({
    queryKey: [...key, 'notices', status],
    queryFn: () => api.get('/rectification-notices', { query: { status }, schema: RectificationList }),
  });
export const usePenaltyRules = () =>
  useQuery({ queryKey: [...key, 'rules'], queryFn: () => api.get('/penalty-rules', { schema: PenaltyRulesView }) });

/** Every mutation refreshes every complaint query (lists, the page, the ledger, my penalties). */
function useInvalidating<I, O>(fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: key }) });
}

export const useCreateComplaint = () =>
  useInvalidating((input: z.input<typeof CreateComplaintRequest>) =>
    api.post('/complaints', input, { schema: ComplaintDetail }),
  );

type Step =
  | { kind: 'attribution'; body: z.input<typeof AttributionRequest> }
  | { kind: 'start'; body: { note?: string } }
  | { kind: 'reply'; body: z.input<typeof ReplyRequest> }
  | { kind: 'check'; body: z.input<typeof CheckRequest> };

export const useComplaintStep = (id: string) =>
  useInvalidating((step: Step) =>
    step.kind === 'attribution'
      ? api.put(`/complaints/${enc(id)}/attribution`, step.body, { schema: ComplaintDetail })
      : api.post(`/complaints/${enc(id)}/${step.kind}`, step.body, { schema: ComplaintDetail }),
  );

export const useProposePenalties = (id: string) =>
  useInvalidating((body: z.input<typeof ProposePenaltiesRequest>) =>
    api.post(`/complaints/${enc(id)}/penalty-proposals`, body, { schema: z.array(Penalty) }),
  );
export const useDecidePenalty = () =>
  useInvalidating(({ id, ...body }: z.input<typeof PenaltyDecisionRequest> & { id: string }) =>
    api.post(`/penalties/${enc(id)}/decision`, body, { schema: Penalty }),
  );
export const useFileAppeal = () =>
  useInvalidating(({ complaintId, reason }: { complaintId: string; reason: string }) =>
    api.post(`/complaints/${enc(complaintId)}/appeals`, { reason }, { schema: Appeal }),
  );
export const useForwardAppeal = () =>
  useInvalidating(({ id, note }: { id: string; note: string }) =>
    api.post(`/appeals/${enc(id)}/forward`, { note }, { schema: Appeal }),
  );
export const useRuleAppeal = () =>
  useInvalidating(({ id, ...body }: z.input<typeof RulingRequest> & { id: string }) =>
    api.post(`/appeals/${enc(id)}/ruling`, body, { schema: Appeal }),
  );
export const useIssueNotice = (complaintId: string) =>
  useInvalidating((body: z.input<typeof IssueRectificationRequest>) =>
    api.post(`/complaints/${enc(complaintId)}/rectification`, body, { schema: RectificationNotice }),
  );
export const useNoticeStep = () =>
  useInvalidating(({ id, step, text }: { id: string; step: 'result' | 'explanation' | 'close'; text?: string }) =>
    api.post(
      `/rectification-notices/${enc(id)}/${step}`,
      step === 'result' ? { result: text } : step === 'explanation' ? { explanation: text } : undefined,
      { schema: RectificationNotice },
    ),
  );
