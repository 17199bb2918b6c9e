/**
 * Penalty rules (处罚, SPEC §5.7, §3.22; P-FTMS `003 §五.2–§五.4`). Pure: the caller passes the dealer's rule
 * version, the staff member's earlier offences and the local date.
 *
 * "These apply when staff do not follow the rules, processes or systems and this causes customer
 * dissatisfaction" — 1st / 2nd / 3rd offence with an amount per group, the 3rd is dismissal (直接辞退).
 * "Penalties are calculated on a monthly basis … Whether the offence count resets each month is CONFIG"
 * (§9.2 C10): the rule's `period`. "Bias in a CS staff member's complaint handling → a heavier, doubled
 * penalty" (§5.7): `biasMultiplier`.
 *
 * The rules only PROPOSE. A penalty takes effect when a manager approves it (PIPL art. 24: no decision
 * with a major impact on an employee made purely by automated means) — see `checkDecision`.
 */

export const PENALTY_GROUPS = ['sales', 'after_sales', 'accessories_consultant', 'accessories_team', 'other'] as const;
export type PenaltyGroup = (typeof PENALTY_GROUPS)[number];
export const PENALTY_PERIODS = ['month', 'quarter', 'year', 'never'] as const;
export type PenaltyPeriod = (typeof PENALTY_PERIODS)[number];
export const DISCIPLINARY_ACTIONS = ['warning', 'serious_warning', 'suspension', 'demotion', 'dismissal'] as const;
export type DisciplinaryAction = (typeof DISCIPLINARY_ACTIONS)[number];

/** Amounts in fen for the 1st, 2nd and 3rd offence; null = BLANK in the source, not configured yet. */
export type OffenceAmounts = [number | null, number | null, number | null];

export interface PenaltyGroupRule {
  key: PenaltyGroup;
  amountsFen: OffenceAmounts;
  /** "3rd offence: dismissal (直接辞退)". */
  thirdDismissal: boolean;
}

export interface PenaltyRules {
  period: PenaltyPeriod;
  groups: PenaltyGroupRule[];
  biasMultiplier: number;
  /** Working days the department head has to handle a complaint (CONFIG; preset 1, as the 000 case deadline). */
  handlingWorkingDays: number;
  /** Rectification-notice deadline in working days (§4.9 "限期", BLANK → null = no deadline). */
  rectificationWorkingDays: number | null;
}

const ladder = (first: number | null): PenaltyGroupRule['amountsFen'] => [first, null, null];
const group = (key: PenaltyGroup, amountsFen: OffenceAmounts): PenaltyGroupRule => ({
  key,
  amountsFen,
  thirdDismissal: true,
});

/**
 * P-FTMS as the source has it: "After-sales … 50 元 | BLANK 元 | Dismissal"; sales staff have no amounts
 * (BLANK). BLANK stays null: the dealer fills it in (SPEC §0.2 "Every BLANK is also CONFIG").
 */
const P_FTMS: PenaltyRules = {
  period: 'month',
  groups: [
    group('sales', ladder(null)),
    group('after_sales', ladder(5000)),
    group('accessories_consultant', ladder(5000)),
    group('accessories_team', ladder(5000)),
    group('other', ladder(5000)),
  ],
  biasMultiplier: 2,
  handlingWorkingDays: 1,
  rectificationWorkingDays: null,
};

/** An illustration with every BLANK filled in (50 / 100 元); not from the sources — edit before use. */
const SAMPLE: PenaltyRules = {
  ...P_FTMS,
  groups: PENALTY_GROUPS.map((key) => group(key, [5000, 10000, null])),
  rectificationWorkingDays: 5,
};

/** No amounts at all: the default until a dealer chooses (every amount BLANK, still 3rd → dismissal). */
const EMPTY: PenaltyRules = { ...P_FTMS, groups: PENALTY_GROUPS.map((key) => group(key, ladder(null))) };

export const PENALTY_PRESETS = { EMPTY, 'P-FTMS': P_FTMS, SAMPLE } as const;
export type PenaltyPresetKey = keyof typeof PENALTY_PRESETS;

/** The counting period a local date (YYYY-MM-DD) falls in: '2026-11', '2026-Q4', '2026' or 'all'. */
export function periodKey(period: PenaltyPeriod, localYmd: string): string {
  const [y, m] = localYmd.split('-');
  if (period === 'month') return `${y}-${m}`;
  if (period === 'quarter') return `${y}-Q${Math.ceil(Number(m) / 3)}`;
  if (period === 'year') return String(y);
  return 'all';
}

/**
 * Which §5.7 group a staff member falls in: 精品顾问 → accessories consultant; other 精品 positions (team
 * leader, technician) → accessories team; then by department; everyone else "other departments".
 */
export function groupForStaff(department: string, position: string): PenaltyGroup {
  if (position.includes('精品')) return position.includes('顾问') ? 'accessories_consultant' : 'accessories_team';
  if (department === 'sales') return 'sales';
  if (department === 'after_sales') return 'after_sales';
  return 'other';
}

/** Earlier offences that count: approved (not voided, not rejected, not merely proposed) in the same period. */
export function countPriorOffences(history: readonly { periodKey: string; status: string }[], key: string): number {
  return history.filter((h) => h.periodKey === key && h.status === 'approved').length;
}

export interface PenaltyProposal {
  offenceNo: number;
  /** null when the rule has no amount for this offence (BLANK): the approving manager decides. */
  amountFen: number | null;
  multiplier: number;
  dismissal: boolean;
  amountConfigured: boolean;
}

/** The proposal for the next offence of a staff member in the group (4th and later count as the 3rd). */
export function proposePenalty(rules: PenaltyRules, g: PenaltyGroup, priorOffences: number, bias: boolean) {
  const rule = rules.groups.find((r) => r.key === g) ?? group(g, ladder(null));
  const offenceNo = priorOffences + 1;
  const base = rule.amountsFen[Math.min(offenceNo, 3) - 1] ?? null;
  const multiplier = bias ? rules.biasMultiplier : 1;
  return {
    offenceNo,
    amountFen: base === null ? null : Math.round(base * multiplier),
    multiplier,
    dismissal: offenceNo >= 3 && rule.thirdDismissal,
    amountConfigured: base !== null,
  } satisfies PenaltyProposal;
}

/**
 * Whether this person may approve or reject a proposed penalty: a human manager of the staff member's
 * department (or the GM), never the staff member themselves, and only a proposal.
 */
export function checkDecision(input: {
  status: string;
  deciderUserId: string;
  staffUserId: string | null;
  deciderManagesDepartment: boolean;
}): { ok: true } | { ok: false; reason: 'not_proposed' | 'own_penalty' | 'not_their_manager' } {
  if (input.status !== 'proposed') return { ok: false, reason: 'not_proposed' };
  if (input.staffUserId !== null && input.staffUserId === input.deciderUserId)
    return { ok: false, reason: 'own_penalty' };
  if (!input.deciderManagesDepartment) return { ok: false, reason: 'not_their_manager' };
  return { ok: true };
}

/** Yuan text for a fen amount ('50', '12.50'). */
export function fenToYuan(fen: number): string {
  return fen % 100 === 0 ? String(fen / 100) : (fen / 100).toFixed(2);
}
