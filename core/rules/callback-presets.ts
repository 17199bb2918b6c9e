import type { CallbackRules, RulePresetKey, TaskRule } from '../contracts/callbacks';

/**
 * Per-dealer callback rule presets (SPEC §4.1 table, §9.1 "Callback timing" / "Callback coverage", §9.2
 * C1–C4, C29–C30). Every value is CONFIG; a dealer starts from one preset and saves its own versions.
 *
 * - P-AYT: after-sales "call the customers who came in three days ago" (000 §4.3.1) → settlement + 3
 *   days; sales "within seven days of the purchase date" (000 §4.5.2) → purchase + 1…7.
 * - P-DPCA: after-sales "within 5 days after delivery" with 100% coverage (002 ¶11, ¶15) → delivery +
 *   1…5; special callbacks for customers with earlier rework (002 ¶15).
 * - P-SGM: phone is the main method; the base is the month's new buyers plus "part of" the repair
 *   customers (004[A] 二.5) → sales 100%, after-sales sampled (30% until the dealer sets its share).
 * - P-GEN: "≥ 30% sample" (004[D] 五.1.2).
 * Spot checks of outbound rescues (P-SQJ, 001 L62–63) are off in every preset; the rate is not stated (C30).
 * The generated special callbacks of 002 ¶15 (SPEC §4.1; timing not stated, C29; "major" not defined, C40) are on in
 * P-DPCA, whose source lists them, and off elsewhere: customers whose last visit is 6 months old (called within 14
 * days of that day), and customers whose major complaint (level `major`) was closed (called 1…7 days after).
 * SPECIAL_QUALITY_TRACKING stays a task the lead creates by hand: no source says which repairs need tracking.
 */

const rule = (r: Partial<TaskRule> & Pick<TaskRule, 'anchor' | 'startDays' | 'endDays'>): TaskRule => ({
  enabled: true,
  dayKind: 'calendar',
  percent: 100,
  questionnaireCode: null,
  duplicateWindowDays: 7,
  priority: 0,
  ...r,
});

const SPECIAL = { absentMonths: 6, complaintLevels: ['major' as const] };

const COMMON: Omit<CallbackRules, 'tasks'> = {
  excludeSaleTypes: ['fleet', 'internal', 'dealer'],
  excludeRepairTypes: ['内部', '内部维修', '内部车辆'],
  rescueServiceTypes: ['外出救援', '救援'],
  staleAfterDays: 30,
  attempts: { limit: 3, spacingMinutes: 120 },
  callingHours: { days: [1, 2, 3, 4, 5, 6, 7], from: '09:00', to: '20:00' },
  customerCap: { attempts: 3, periodHours: 24 },
  leaseMinutes: 15,
  special: SPECIAL,
};

const REWORK_OFF = rule({ enabled: false, anchor: 'settlement', startDays: 1, endDays: 5, priority: 1 });
const RESCUE_OFF = rule({ enabled: false, anchor: 'settlement', startDays: 1, endDays: 7, percent: 20 });
// anchor is ignored for the two below: the window counts from the absence day / the complaint's closing day
const ABSENT_OFF = rule({ enabled: false, anchor: 'settlement', startDays: 0, endDays: 14, priority: 1 });
const COMPLAINT_OFF = rule({ enabled: false, anchor: 'settlement', startDays: 1, endDays: 7, priority: 2 });

export const RULE_PRESETS: Record<RulePresetKey, CallbackRules> = {
  'P-AYT': {
    ...COMMON,
    tasks: {
      AS_PHONE: rule({ anchor: 'settlement', startDays: 3, endDays: 3, questionnaireCode: 'AYT-JL-客服-04' }),
      SALES_PHONE: rule({ anchor: 'purchase', startDays: 1, endDays: 7, questionnaireCode: 'AYT-JL-客服-08' }),
      SPECIAL_REWORK: REWORK_OFF,
      SPOTCHECK_RESCUE: RESCUE_OFF,
      SPECIAL_6M_ABSENT: ABSENT_OFF,
      SPECIAL_MAJOR_COMPLAINT: COMPLAINT_OFF,
    },
  },
  'P-DPCA': {
    ...COMMON,
    tasks: {
      AS_PHONE: rule({ anchor: 'delivery', startDays: 1, endDays: 5 }),
      SALES_PHONE: rule({ anchor: 'purchase', startDays: 1, endDays: 7 }),
      SPECIAL_REWORK: { ...REWORK_OFF, enabled: true },
      SPOTCHECK_RESCUE: RESCUE_OFF,
      SPECIAL_6M_ABSENT: { ...ABSENT_OFF, enabled: true },
      SPECIAL_MAJOR_COMPLAINT: { ...COMPLAINT_OFF, enabled: true },
    },
  },
  'P-SGM': {
    ...COMMON,
    tasks: {
      AS_PHONE: rule({ anchor: 'settlement', startDays: 1, endDays: 7, percent: 30 }),
      SALES_PHONE: rule({ anchor: 'delivery', startDays: 1, endDays: 7 }),
      SPECIAL_REWORK: REWORK_OFF,
      SPOTCHECK_RESCUE: RESCUE_OFF,
      SPECIAL_6M_ABSENT: ABSENT_OFF,
      SPECIAL_MAJOR_COMPLAINT: COMPLAINT_OFF,
    },
  },
  'P-GEN': {
    ...COMMON,
    tasks: {
      AS_PHONE: rule({ anchor: 'settlement', startDays: 1, endDays: 7, percent: 30 }),
      SALES_PHONE: rule({ anchor: 'purchase', startDays: 1, endDays: 7, percent: 30 }),
      SPECIAL_REWORK: REWORK_OFF,
      SPOTCHECK_RESCUE: RESCUE_OFF,
      SPECIAL_6M_ABSENT: ABSENT_OFF,
      SPECIAL_MAJOR_COMPLAINT: COMPLAINT_OFF,
    },
  },
};

/** The rules of a dealer that has saved none yet. */
export const DEFAULT_PRESET: RulePresetKey = 'P-AYT';
