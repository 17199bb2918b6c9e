import type { Factor, QuestionInput, VersionContentInput } from '../../../../core/contracts/questionnaire-content';
import { scalePreset, type ScalePresetKey } from '../../../../core/rules/scales';

/** Small builders that keep the preset data files readable. */

export interface Preset {
  key: string;
  /** Where the content comes from, and what the sources do not give (SPEC §7.1). */
  source: string;
  content: VersionContentInput;
}

type More = Partial<QuestionInput>;
const text = (zh: string, en: string) => ({ zh, en });

export const section = (zh: string, en: string) => ({ section: text(zh, en) });

export function rating(key: string, zh: string, en: string, scale: ScalePresetKey, more: More = {}): QuestionInput {
  return { key, type: 'rating', text: text(zh, en), scale: scalePreset(scale), ...more };
}

export function yesNo(key: string, zh: string, en: string, more: More = {}): QuestionInput {
  return { key, type: 'yes_no', text: text(zh, en), ...more };
}

export function free(key: string, zh: string, en: string, more: More = {}): QuestionInput {
  return { key, type: 'text', text: text(zh, en), weight: 0, ...more };
}

/** The dissatisfaction-reason follow-up, shown when `after` is answered below the satisfied level. */
export function reason(key: string, after: string, more: More = {}): QuestionInput {
  return {
    key,
    type: 'reason',
    text: text('请问您不满意的原因是什么?', 'What was the reason you were not satisfied?'),
    weight: 0,
    showIf: { question: after, op: 'below_satisfied', value: null },
    ...more,
  };
}

export const factor = (code: string, zh: string, en: string, weight: number): Factor => ({
  code,
  name: text(zh, en),
  weight,
});
