import { VersionContent } from '../../../../core/contracts/questionnaire-content';
import { AFTER_SALES_ON_SITE, AFTER_SALES_PHONE } from './after-sales';
import { B2B_3LEVEL } from './b2b';
import type { Preset } from './build';
import { DPCA_CALLBACK, DPCA_CSI_FOCUS } from './dpca';
import { SALES_ON_SITE, SALES_PHONE } from './sales';

export { FACTOR_SETS } from './factor-sets';
export type { Preset } from './build';

/** The questionnaires shipped with Manyi (SPEC §7). A dealer copies one into a draft and edits it. */
export const PRESETS: readonly Preset[] = [
  AFTER_SALES_PHONE,
  AFTER_SALES_ON_SITE,
  SALES_PHONE,
  SALES_ON_SITE,
  DPCA_CALLBACK,
  DPCA_CSI_FOCUS,
  B2B_3LEVEL,
];

export function findPreset(key: string): Preset | undefined {
  return PRESETS.find((p) => p.key === key);
}

/** A preset's content with every default filled in, ready to store as a draft. */
export function presetContent(p: Preset): VersionContent {
  return VersionContent.parse(structuredClone(p.content));
}
