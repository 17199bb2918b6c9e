import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  ImportResult,
  PresetList,
  QuestionnaireList,
  SurveyJsJson,
  ValidationResult,
  Version,
  type VersionContent,
} from '../../core/contracts/questionnaires';
import { api } from './client';

/** Questionnaire API hooks (issue 4). */
const key = ['questionnaires'] as const;
const Created = z.object({ versionId: z.string() });

export const usePresets = () =>
  useQuery({ queryKey: [...key, 'presets'], queryFn: () => api.get('/questionnaire-presets', { schema: PresetList }) });

export const useQuestionnaires = () =>
  useQuery({ queryKey: [...key, 'list'], queryFn: () => api.get('/questionnaires', { schema: QuestionnaireList }) });

export const useVersion = (id: string) =>
  useQuery({
    queryKey: [...key, 'version', id],
    queryFn: () => api.get(`/questionnaire-versions/${encodeURIComponent(id)}`, { schema: Version }),
  });

function useInvalidating<I, O>(fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: key }) });
}

export const useCopyPreset = () =>
  useInvalidating((presetKey: string) => api.post('/questionnaires', { presetKey }, { schema: Created }));

export const useCreateBlank = () =>
  useInvalidating((name: { zh: string; en: string }) =>
    api.post(
      '/questionnaires',
      { content: { name, businessLine: 'after_sales', channel: 'phone', questions: [] } },
      { schema: Created },
    ),
  );

export const useImportSurveyJs = () =>
  useInvalidating((survey: Record<string, unknown>) =>
    api.post('/questionnaires/import', { survey }, { schema: ImportResult }),
  );

export const useSaveDraft = (id: string) =>
  useInvalidating((content: VersionContent) =>
    api.put(`/questionnaire-versions/${encodeURIComponent(id)}`, content, { schema: Version }),
  );

export const useValidate = (id: string) =>
  useMutation({
    mutationFn: () =>
      api.post(`/questionnaire-versions/${encodeURIComponent(id)}/validate`, {}, { schema: ValidationResult }),
  });

export const useTransition = (id: string) =>
  useInvalidating((step: 'approve' | 'publish' | 'retire') =>
    api.post(`/questionnaire-versions/${encodeURIComponent(id)}/${step}`, {}, { schema: Version }),
  );

export const useNewVersion = () =>
  useInvalidating((templateId: string) =>
    api.post(`/questionnaires/${encodeURIComponent(templateId)}/versions`, {}, { schema: Version }),
  );

export const exportSurveyJs = (id: string) =>
  api.get(`/questionnaire-versions/${encodeURIComponent(id)}/surveyjs`, { schema: SurveyJsJson });
