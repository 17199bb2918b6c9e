import type { Scale } from '../contracts/questionnaire-content';

/**
 * Answer-scale presets (SPEC §1.5, §3.7). The 3-level labels are from the source (004[C] 附录1); the sources
 * give no 5-level labels and no points for any level (SPEC §5.3: CONFIG), so the 5-level labels and every
 * level's points below are Manyi defaults (D) a dealer can change in the builder.
 */
export const SCALE_PRESETS = {
  /** 非常满意 / 满意 / 不满意 (SPEC §1.5 "3-level answers"). */
  level3: {
    kind: 'levels',
    preset: 'level3',
    levels: [
      { key: 'very_satisfied', label: { zh: '非常满意', en: 'Very satisfied' }, points: 100 },
      { key: 'satisfied', label: { zh: '满意', en: 'Satisfied' }, points: 80 },
      { key: 'dissatisfied', label: { zh: '不满意', en: 'Dissatisfied' }, points: 0 },
    ],
    satisfiedMin: 80,
  },
  /** 非常愿意 / 愿意 / 不愿意 (SPEC §1.5, §7.7 item 5). */
  willing3: {
    kind: 'levels',
    preset: 'willing3',
    levels: [
      { key: 'very_willing', label: { zh: '非常愿意', en: 'Very willing' }, points: 100 },
      { key: 'willing', label: { zh: '愿意', en: 'Willing' }, points: 80 },
      { key: 'unwilling', label: { zh: '不愿意', en: 'Unwilling' }, points: 0 },
    ],
    satisfiedMin: 80,
  },
  /** Five levels: not in any source (SPEC §1.5); labels and points are Manyi's defaults. */
  level5: {
    kind: 'levels',
    preset: 'level5',
    levels: [
      { key: 'very_satisfied', label: { zh: '非常满意', en: 'Very satisfied' }, points: 100 },
      { key: 'satisfied', label: { zh: '满意', en: 'Satisfied' }, points: 80 },
      { key: 'neutral', label: { zh: '一般', en: 'Neutral' }, points: 60 },
      { key: 'dissatisfied', label: { zh: '不满意', en: 'Dissatisfied' }, points: 40 },
      { key: 'very_dissatisfied', label: { zh: '非常不满意', en: 'Very dissatisfied' }, points: 0 },
    ],
    satisfiedMin: 80,
  },
  /** 0–10. */
  range10: { kind: 'range', preset: 'range10', min: 0, max: 10, satisfiedMin: 7 },
  /** 1–100 points (SPEC §1.5 "100-point scale"). */
  range100: { kind: 'range', preset: 'range100', min: 1, max: 100, satisfiedMin: 80 },
} as const satisfies Record<string, Scale>;

export type ScalePresetKey = keyof typeof SCALE_PRESETS;
export const SCALE_PRESET_KEYS = Object.keys(SCALE_PRESETS) as ScalePresetKey[];

/** A fresh, editable copy of a preset scale. */
export function scalePreset(key: ScalePresetKey): Scale {
  return structuredClone(SCALE_PRESETS[key]) as Scale;
}
