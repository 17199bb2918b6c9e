import {
  VersionContent,
  type AnswerInput,
  type QuestionInput,
  type VersionContentInput,
} from '../contracts/questionnaire-content';
import { scalePreset } from './scales';

/**
 * The worked examples of docs/scoring.md, as data: the unit test of scoring.ts and the HTTP test of the
 * questionnaire API both reproduce them to 0.01.
 */
export interface WorkedExample {
  name: string;
  content: VersionContentInput;
  answers: AnswerInput[];
  score: number | null;
  factors: Record<string, number | null>;
  dissatisfied: string[];
}

const q = (key: string, type: QuestionInput['type'], more: Partial<QuestionInput> = {}): QuestionInput => ({
  key,
  type,
  text: { zh: key, en: key },
  ...more,
});

const base = { businessLine: 'after_sales', channel: 'phone' } as const;

export const WORKED_EXAMPLES: WorkedExample[] = [
  {
    name: 'Example 1: generic 3-level form (SPEC §7.7), no factors',
    content: {
      ...base,
      name: { zh: '顾客满意度调查表', en: 'Customer satisfaction form' },
      questions: [
        q('b1', 'rating', { scale: scalePreset('level3') }),
        q('b2', 'rating', { scale: scalePreset('level3') }),
        q('b3', 'rating', { scale: scalePreset('level3') }),
        q('b4', 'rating', { scale: scalePreset('level3') }),
        q('b5', 'rating', { scale: scalePreset('willing3') }),
      ],
    },
    answers: [
      { question: 'b1', value: 'very_satisfied' },
      { question: 'b2', value: 'satisfied' },
      { question: 'b3', value: 'satisfied' },
      { question: 'b4', value: 'dissatisfied' },
      { question: 'b5', value: 'willing' },
    ],
    score: 68,
    factors: {},
    dissatisfied: ['b4'],
  },
  {
    name: 'Example 2: CSI-6 factors with Appendix B weights, N/A and a reversed yes/no',
    content: {
      ...base,
      name: { zh: '售后电话回访', en: 'After-sales phone callback' },
      factors: [
        { code: 'initiation', name: { zh: '服务启动', en: 'Service initiation' }, weight: 17 },
        { code: 'facility', name: { zh: '经销店设施', en: 'Dealer facilities' }, weight: 21 },
        { code: 'advisor', name: { zh: '服务顾问', en: 'Service advisor' }, weight: 18 },
        { code: 'quality', name: { zh: '服务质量', en: 'Service quality' }, weight: 24 },
        { code: 'pickup', name: { zh: '取车', en: 'Vehicle pick-up' }, weight: 21 },
        { code: 'followup', name: { zh: '回访', en: 'Follow-up callback' }, weight: 0 },
      ],
      questions: [
        q('c1', 'rating', { scale: scalePreset('level5'), factor: 'initiation' }),
        q('c2', 'yes_no', { factor: 'facility' }),
        q('c3', 'rating', { scale: scalePreset('range10'), factor: 'advisor', weight: 2 }),
        q('c4', 'rating', { scale: scalePreset('level3'), factor: 'advisor' }),
        q('c5', 'rating', { scale: scalePreset('level3'), factor: 'quality', allowNa: true }),
        q('c6', 'yes_no', { factor: 'pickup', yesIsGood: false }),
        q('c7', 'yes_no', { factor: 'followup' }),
      ],
    },
    answers: [
      { question: 'c1', value: 'satisfied' },
      { question: 'c2', value: true },
      { question: 'c3', value: 9 },
      { question: 'c4', value: 'satisfied' },
      { question: 'c5', na: true },
      { question: 'c6', value: false },
      { question: 'c7', value: true },
    ],
    score: 92.47,
    factors: { initiation: 80, facility: 100, advisor: 86.67, quality: null, pickup: 100, followup: 100 },
    dissatisfied: [],
  },
  {
    name: 'Example 3: 1–100 points, a skip rule and a scored single choice',
    content: {
      ...base,
      businessLine: 'sales',
      name: { zh: '销售电话回访', en: 'Sales phone callback' },
      questions: [
        q('s1', 'rating', { scale: scalePreset('range100'), weight: 2 }),
        q('s2', 'rating', { scale: scalePreset('level3') }),
        q('s3', 'reason', { showIf: { question: 's2', op: 'below_satisfied' } }),
        q('s4', 'single', {
          options: [
            { key: 'good', label: { zh: '很好', en: 'Good' }, points: 10 },
            { key: 'fair', label: { zh: '一般', en: 'Fair' }, points: 5 },
            { key: 'poor', label: { zh: '差', en: 'Poor' }, points: 0 },
          ],
        }),
        q('s5', 'text'),
      ],
    },
    answers: [
      { question: 's1', value: 85 },
      { question: 's2', value: 'dissatisfied' },
      { question: 's3', value: '价格解释不清' },
      { question: 's4', value: 'fair' },
      { question: 's5', value: '希望交车更快' },
    ],
    score: 55,
    factors: {},
    dissatisfied: ['s2'],
  },
  {
    name: 'Example 4: rounding (three answers 100, 80, 80)',
    content: {
      ...base,
      name: { zh: '取整', en: 'Rounding' },
      questions: ['r1', 'r2', 'r3'].map((k) => q(k, 'rating', { scale: scalePreset('level3') })),
    },
    answers: [
      { question: 'r1', value: 'very_satisfied' },
      { question: 'r2', value: 'satisfied' },
      { question: 'r3', value: 'satisfied' },
    ],
    score: 86.67,
    factors: {},
    dissatisfied: [],
  },
];

/** The example's content parsed (defaults filled in), as the API stores it. */
export const exampleContent = (e: WorkedExample) => VersionContent.parse(e.content);
