import { describe, expect, it } from 'vitest';
import { exampleContent, WORKED_EXAMPLES } from '../../../core/rules/scoring-examples';
import { validateContent } from '../../../core/rules/questionnaire-validate';
import { PRESETS, presetContent } from './presets';
import { toSurveyJs, type Json } from './surveyjs-export';
import { fromSurveyJs } from './surveyjs-import';

/** SurveyJS form JSON, both directions (pure; no database). */

const elements = (json: Json) => (json.pages as { elements: Json[] }[]).flatMap((p) => p.elements);

describe('SurveyJS export', () => {
  it('maps every question type to its SurveyJS element type, skip rules to visibleIf', () => {
    const content = exampleContent(WORKED_EXAMPLES[2]!);
    const json = toSurveyJs(content, 'Q-1', 1);
    const els = elements(json);
    expect(els.map((e) => [e.name, e.type])).toEqual([
      ['s1', 'rating'],
      ['s2', 'rating'],
      ['s3', 'comment'],
      ['s4', 'radiogroup'],
      ['s5', 'comment'],
    ]);
    expect(els[0]).toMatchObject({ rateMin: 1, rateMax: 100 });
    expect(els[2]!.visibleIf).toBe("{s2} anyof ['dissatisfied']");
    expect(json.title).toEqual({ default: '销售电话回访', 'zh-cn': '销售电话回访', en: 'Sales phone callback' });
  });

  it('exports yes/no as boolean, multiple choice as checkbox and a date as text with inputType date', () => {
    const content = presetContent(PRESETS.find((p) => p.key === 'b2b-3level')!);
    content.questions.push(
      {
        ...content.questions[0]!,
        key: 'yn',
        type: 'yes_no',
        showIf: { question: 'early', op: 'equals', value: 'satisfied' },
      },
      {
        ...content.questions[0]!,
        key: 'm',
        type: 'multi',
        options: [
          { key: 'a', label: { zh: '甲', en: 'A' }, points: null },
          { key: 'b', label: { zh: '乙', en: 'B' }, points: null },
        ],
      },
    );
    const els = elements(toSurveyJs(content, 'B2B', 1));
    const byName = (n: string) => els.find((e) => e.name === n)!;
    expect(byName('filled_on')).toMatchObject({ type: 'text', inputType: 'date' });
    expect(byName('yn')).toMatchObject({ type: 'boolean', visibleIf: "{early} = 'satisfied'" });
    expect(byName('m')).toMatchObject({ type: 'checkbox', choices: [{ value: 'a' }, { value: 'b' }] });
    expect(byName('cooperate').rateValues).toHaveLength(3);
  });

  it.each(PRESETS.map((p) => [p.key, p] as const))('round-trips the %s preset without loss', (_key, preset) => {
    const content = presetContent(preset);
    const back = fromSurveyJs(toSurveyJs(content, preset.key, 1));
    expect(back.unsupported).toEqual([]);
    expect(back.content).toEqual(content);
  });
});

describe('SurveyJS import of forms made elsewhere', () => {
  const foreign: Json = {
    title: { default: 'Service survey', 'zh-cn': '服务调查' },
    completedHtml: '<h3>谢谢</h3>',
    pages: [
      {
        name: 'p1',
        title: '基本',
        elements: [
          { type: 'rating', name: 'overall', title: '总体评价', rateMin: 0, rateMax: 10, isRequired: true },
          {
            type: 'radiogroup',
            name: 'visit',
            title: '来店目的',
            choices: ['保养', { value: 'repair', text: '维修' }],
            showOtherItem: true,
          },
          { type: 'comment', name: 'why', title: '原因', visibleIf: "{visit} = 'repair'" },
          { type: 'text', name: 'when', inputType: 'date', title: '日期' },
          { type: 'matrix', name: 'grid', title: '矩阵', columns: [], rows: [] },
          { type: 'boolean', name: 'again', title: '还会再来吗?', visibleIf: '{overall} > 8 and {visit} notempty' },
          {
            type: 'panel',
            name: 'pn',
            title: '面板',
            elements: [{ type: 'checkbox', name: 'multi pick', title: '多选', choices: ['a', 'b'] }],
          },
        ],
      },
    ],
  };

  it('imports what maps, and lists everything that does not', () => {
    const { content, unsupported } = fromSurveyJs(foreign);
    expect(content.name).toEqual({ zh: '服务调查', en: 'Service survey' });
    expect(content.questions.map((q) => [q.key, q.type])).toEqual([
      ['overall', 'rating'],
      ['visit', 'single'],
      ['why', 'text'],
      ['when', 'date'],
      ['again', 'yes_no'],
      ['multi_pick', 'multi'],
    ]);
    expect(content.questions[0]).toMatchObject({ mandatory: true, scale: { kind: 'range', min: 0, max: 10 } });
    expect(content.questions[2]!.showIf).toEqual({ question: 'visit', op: 'equals', value: 'repair' });
    expect(content.questions[5]!.section).toEqual({ zh: '面板', en: '' });
    const constructs = unsupported.map((u) => u.construct);
    expect(constructs).toEqual(
      expect.arrayContaining(['completedHtml', 'showOtherItem', 'matrix', 'visibleIf', 'name']),
    );
    expect(unsupported.find((u) => u.construct === 'matrix')!.path).toBe('pages.0.elements.4');
    expect(validateContent(content).filter((i) => i.level === 'error')).toEqual([]);
  });
});

describe('presets', () => {
  it.each(PRESETS.map((p) => [p.key, p] as const))('%s is valid and bilingual', (_key, preset) => {
    const content = presetContent(preset);
    expect(validateContent(content).filter((i) => i.level === 'error')).toEqual([]);
    for (const q of content.questions) {
      expect(q.text.zh).not.toBe('');
      expect(q.text.en).not.toBe('');
    }
    expect(content.description.zh).toMatch(/SPEC/);
  });
});
