import type { Widen } from '../../i18n/messages';
import type { penaltyRulesZhCN } from './i18n-penalty-rules.zh-CN';

/** Penalty rules page texts (en); mounted as `penaltyRules` in web/i18n/en.ts. */
export const penaltyRulesEn: Widen<typeof penaltyRulesZhCN> = {
  title: 'Penalty rules',
  current: 'In force: version {{n}} (from {{date}})',
  newVersion: 'New version',
  startFrom: 'Start from preset',
  presets: {
    EMPTY: 'Empty (nothing set)',
    'P-FTMS': 'P-FTMS (as the source has it)',
    SAMPLE: 'Sample (amounts filled in)',
  },
  effectiveFrom: 'Effective from',
  note: 'Note',
  period: 'Offence count period',
  biasMultiplier: 'Bias in complaint handling: multiplier',
  handlingWorkingDays: 'Complaint handling deadline (working days)',
  rectificationWorkingDays: 'Rectification deadline (working days, empty = none)',
  group: 'Group',
  offence: 'Offence {{n}} (yuan, empty = not set)',
  thirdDismissal: '3rd offence: dismissal',
  save: 'Save new version',
  saved: 'New version saved',
  history: 'Version history',
  version: 'Version',
  presetKey: 'Preset',
  createdAt: 'Saved at',
  blank: 'Not set',
};
