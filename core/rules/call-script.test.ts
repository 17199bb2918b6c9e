import { describe, expect, it } from 'vitest';
import {
  customerTitle,
  fillTemplate,
  MISSING,
  neverAskFound,
  PRESET_SCRIPTS,
  renderScript,
  scriptLineOf,
} from './call-script';

// SPEC §7.6 "(D) Placeholders: dealer name, consultant name, customer name and title, visit date, repair type."
describe('fillTemplate', () => {
  it.each([
    ['我是{dealer}客户关系顾问{agent}', { dealer: '上海浦东店', agent: '李娜' }, '我是上海浦东店客户关系顾问李娜'],
    ['您是{customer}{title}吗？', { customer: '王', title: '先生' }, '您是王先生吗？'],
    ['{date}您的车进行过{repairType}维修', { date: '11月20日', repairType: '' }, `11月20日您的车进行过${MISSING}维修`],
    ['{date}您的车进行过{repairType}维修', { date: null }, `${MISSING}您的车进行过${MISSING}维修`],
    ['未知占位 {nope} 保留', {}, '未知占位 {nope} 保留'],
    ['{agent}{agent}', { agent: ' 李娜 ' }, '李娜李娜'],
  ])('%s', (template, values, out) => {
    expect(fillTemplate(template, values)).toBe(out);
  });
});

// SPEC §7.6 greeting: "您是xx先生/女士吗?"
describe('customerTitle', () => {
  it.each([
    ['male', '先生'],
    ['female', '女士'],
    [null, '先生/女士'],
    [undefined, '先生/女士'],
  ])('%s → %s', (gender, title) => expect(customerTitle(gender)).toBe(title));
});

// SPEC §7.4: "Never ask (千万别问): 车辆还有什么问题 … The script editor shall block or warn on this phrase."
describe('neverAskFound', () => {
  it.each([
    ['请问您的车辆还有什么问题吗？', ['车辆还有什么问题', '还有什么问题吗']],
    ['车辆 还有什么 问题', ['车辆还有什么问题']],
    ['您的车还有什么问题？', ['车还有什么问题']],
    ['现在车辆使用情况怎么样？您对我们的服务满意吗？', []],
  ])('%s', (text, found) => expect(neverAskFound(text)).toEqual(found));

  it('the preset greetings and closings never contain a forbidden question', () => {
    for (const s of Object.values(PRESET_SCRIPTS)) {
      expect(neverAskFound(s.greeting + s.identityCheck + s.closing)).toEqual([]);
    }
  });
});

describe('renderScript', () => {
  it('fills the SPEC §7.6 after-sales greeting with the dealer, agent, customer, date and repair type', () => {
    const out = renderScript(PRESET_SCRIPTS.after_sales, {
      dealer: '满意汽车上海浦东店',
      agent: '李娜',
      customer: '王伟',
      title: '先生',
      date: '2026年11月20日',
      repairType: '保养',
    });
    expect(out.greeting).toBe(
      '您好！我是满意汽车上海浦东店客户关系顾问李娜，您是王伟先生吗？2026年11月20日您的车到我处进行过保养维修，我厂（站）委托我打电话给您，对您光临我站表示感谢，如果您有时间的话，我们想对您进行电话回访？',
    );
    // SPEC §7.6 principles: "if the customer raises a doubt, do not explain"; §7.4 "never ask".
    expect(out.hints.some((h) => h.includes('不要解释'))).toBe(true);
    expect(out.hints.some((h) => h.includes('千万别问'))).toBe(true);
  });

  it('the identity check follows the respondent rule of SPEC §4.1', () => {
    expect(PRESET_SCRIPTS.after_sales.identityCheck).toContain('实际车主');
    expect(PRESET_SCRIPTS.sales.identityCheck).toContain('实际车主');
  });
});

describe('scriptLineOf', () => {
  it.each([
    ['AS_PHONE', 'repair_order', 'after_sales'],
    ['SALES_PHONE', 'sale', 'sales'],
    ['SALES_ONSITE', 'customer', 'sales'],
    ['SECOND_CALLBACK', 'sale', 'sales'],
    ['SPECIAL_REWORK', 'repair_order', 'after_sales'],
  ] as const)('%s / %s → %s', (type, kind, line) => expect(scriptLineOf(type, kind)).toBe(line));
});
