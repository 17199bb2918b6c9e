import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Answer, VersionContent, type Question } from '../contracts/questionnaire-content';
import { checkAnswers } from './answers';
import { SCALE_PRESET_KEYS, scalePreset } from './scales';
import { exampleContent, WORKED_EXAMPLES } from './scoring-examples';
import { itemScore, round2, scoreResponse } from './scoring';

// SPEC §1.5 "As a general rule the full score is set to 100 points"; §5.3 "CONFIG: per-question weights and
// level scores"; §3.8 "total score (D)". The formula is in scoring.ts and docs/scoring.md.

describe('scoreResponse: the worked examples of docs/scoring.md', () => {
  it.each(WORKED_EXAMPLES)('$name', (example) => {
    const answers = example.answers.map((a) => Answer.parse(a));
    const content = exampleContent(example);
    expect(checkAnswers(content, answers)).toEqual([]);
    const result = scoreResponse(content, answers);
    expect(result.score).toBeCloseTo(example.score ?? NaN, 2);
    for (const [code, score] of Object.entries(example.factors)) {
      const f = result.factors.find((x) => x.code === code);
      if (score === null) expect(f?.score).toBeNull();
      else expect(f?.score).toBeCloseTo(score, 2);
    }
    expect(result.dissatisfied).toEqual(example.dissatisfied);
  });
});

const rating = (scale: Question['scale'], more: Partial<Question> = {}): Question => ({
  key: 'q',
  type: 'rating',
  text: { zh: 'q', en: 'q' },
  section: null,
  mandatory: false,
  factor: null,
  weight: 1,
  keyFactor: false,
  allowNa: true,
  scale,
  options: [],
  yesIsGood: true,
  showIf: null,
  ...more,
});
const ans = (value: Answer['value'], na = false): Answer => ({ question: 'q', value, na, comment: '' });

describe('itemScore: scale normalisation to 0–100', () => {
  it.each([
    ['3-level 非常满意', scalePreset('level3'), 'very_satisfied', 100],
    ['3-level 满意', scalePreset('level3'), 'satisfied', 80],
    ['3-level 不满意', scalePreset('level3'), 'dissatisfied', 0],
    ['5-level 一般', scalePreset('level5'), 'neutral', 60],
    ['0–10: 7', scalePreset('range10'), 7, 70],
    ['0–10: 0', scalePreset('range10'), 0, 0],
    ['1–100: 85', scalePreset('range100'), 85, 85],
    ['1–100: 1', scalePreset('range100'), 1, 1],
  ] as const)('%s → %d', (_label, scale, value, expected) => {
    expect(itemScore(rating(scale), ans(value))).toBe(expected);
  });

  it('leaves out "not applicable", a missing answer and a zero weight', () => {
    expect(itemScore(rating(scalePreset('level3')), ans(null, true))).toBeNull();
    expect(itemScore(rating(scalePreset('level3')), undefined)).toBeNull();
    expect(itemScore(rating(scalePreset('level3'), { weight: 0 }), ans('satisfied'))).toBeNull();
  });

  it('scores yes/no by which answer is the good one', () => {
    const yn = rating(null, { type: 'yes_no' });
    expect(itemScore(yn, ans(true))).toBe(100);
    expect(itemScore({ ...yn, yesIsGood: false }, ans(true))).toBe(0);
  });

  it('rounds half away from zero to 2 decimals', () => {
    expect(round2(86.665)).toBe(86.67);
    expect(round2(260 / 3)).toBe(86.67);
    expect(round2(1.005)).toBe(1.01);
  });

  it('gives null when nothing can be scored', () => {
    const content = VersionContent.parse({
      name: { zh: 'x', en: 'x' },
      businessLine: 'other',
      channel: 'phone',
      questions: [{ key: 'q', type: 'text', text: { zh: 'x', en: 'x' } }],
    });
    expect(scoreResponse(content, [ans('hello')]).score).toBeNull();
  });
});

const scaleArb = fc.constantFrom(...SCALE_PRESET_KEYS).map((k) => scalePreset(k));
const questionArb = fc.record({
  scale: scaleArb,
  weight: fc.integer({ min: 0, max: 100 }),
  factor: fc.constantFrom('a', 'b', 'c'),
});
const topAnswer = (q: Question) => (q.scale?.kind === 'levels' ? q.scale.levels[0]!.key : (q.scale?.max ?? 0));
const anyAnswer = (q: Question, pick: number, na: boolean): Answer => {
  if (na) return { question: q.key, value: null, na: true, comment: '' };
  const s = q.scale!;
  const value = s.kind === 'levels' ? s.levels[pick % s.levels.length]!.key : s.min + (pick % (s.max - s.min + 1));
  return { question: q.key, value, na: false, comment: '' };
};

function contentOf(specs: { scale: Question['scale']; weight: number; factor: string }[], factorWeights: number[]) {
  return VersionContent.parse({
    name: { zh: 'p', en: 'p' },
    businessLine: 'other',
    channel: 'phone',
    factors: ['a', 'b', 'c'].map((code, i) => ({ code, name: { zh: code, en: code }, weight: factorWeights[i] })),
    questions: specs.map((s, i) => ({ ...rating(s.scale), key: `q${i}`, weight: s.weight, factor: s.factor })),
  });
}

describe('scoreResponse properties (fast-check)', () => {
  const specsArb = fc.array(questionArb, { minLength: 1, maxLength: 12 });
  const weightsArb = fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 3, maxLength: 3 });

  it('the score and every factor score are always within 0–100', () => {
    fc.assert(
      fc.property(specsArb, weightsArb, fc.array(fc.nat(), { minLength: 12, maxLength: 12 }), (specs, w, picks) => {
        const content = contentOf(specs, w);
        const answers = content.questions.map((q, i) => anyAnswer(q, picks[i]!, picks[i]! % 7 === 0));
        const r = scoreResponse(content, answers);
        for (const s of [r.score, ...r.factors.map((f) => f.score)])
          if (s !== null) expect(s >= 0 && s <= 100).toBe(true);
      }),
    );
  });

  it('every answer at the top level gives exactly 100', () => {
    fc.assert(
      fc.property(specsArb, weightsArb, (specs, w) => {
        const content = contentOf(specs, w);
        const answers = content.questions.map((q) => ans(topAnswer(q))).map((a, i) => ({ ...a, question: `q${i}` }));
        const r = scoreResponse(content, answers);
        if (r.score !== null) expect(r.score).toBe(100);
        const scorable = content.questions.some((q) => q.weight > 0 && w[['a', 'b', 'c'].indexOf(q.factor!)]! > 0);
        expect(r.score === null).toBe(!scorable);
      }),
    );
  });
});
