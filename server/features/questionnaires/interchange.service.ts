import type { z } from 'zod';
import type { ImportRequest, PresetSummary } from '../../../core/contracts/questionnaires';
import type { Db } from '../../db/client';
import type { Actor } from '../../http/actor';
import { FACTOR_SETS, PRESETS, presetContent } from './presets';
import { createQuestionnaire, getVersion } from './questionnaires.service';
import { toSurveyJs } from './surveyjs-export';
import { fromSurveyJs } from './surveyjs-import';

/** Presets, and SurveyJS export / import (the interchange format). */

export function listPresets() {
  const items: PresetSummary[] = PRESETS.map((p) => {
    const c = presetContent(p);
    return {
      key: p.key,
      name: c.name,
      description: c.description,
      source: p.source,
      businessLine: c.businessLine,
      channel: c.channel,
      factorSet: c.factorSet,
      questionCount: c.questions.length,
    };
  });
  return { items, factorSets: FACTOR_SETS.map((f) => ({ ...f })) };
}

export async function exportSurveyJs(db: Db, actor: Actor, id: string) {
  const v = await getVersion(db, actor, id);
  return toSurveyJs(v.content, v.templateCode, v.versionNo);
}

export async function importSurveyJs(db: Db, actor: Actor, input: z.infer<typeof ImportRequest>) {
  const { content, unsupported } = fromSurveyJs(input.survey);
  const created = await createQuestionnaire(db, actor, { content, code: input.code }, 'questionnaire.import');
  return { ...created, unsupported };
}
