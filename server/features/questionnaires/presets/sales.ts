import type { QuestionInput } from '../../../../core/contracts/questionnaire-content';
import { SSI8 } from './factor-sets';
import { free, rating, reason, section, yesNo, type Preset } from './build';

/**
 * Sales questionnaires from the P-SGM sales content (SPEC §7.3, 004[A] 三(一)). SPEC §5.10: items 2, 3 and 4
 * are mandatory on the phone. AYT-JL-客服-08 / -06 questions are not in the sources (SPEC §7.1).
 */
const NOTE = {
  zh: '依据 SPEC §7.3(004[A] 三(一))销售调查内容编制:电话回访中第 2、3、4 项为必问项(SPEC §5.10)。AYT-JL-客服-08/-06 的原题目未在来源文件中给出。"四项说明"在来源中未定义。因子归类为满意(Manyi)建议,可修改。',
  en: 'Built from the sales survey content of SPEC §7.3 (004[A] 三(一)); on the phone items 2, 3 and 4 are mandatory (SPEC §5.10). The questions of AYT-JL-客服-08/-06 are not in the sources; the "four explanations" are not defined there. The factor mapping is a Manyi suggestion you can change.',
};

function items(phone: boolean): QuestionInput[] {
  const must = { mandatory: phone };
  return [
    rating('showroom', '您对展厅气氛是否满意?', 'Are you satisfied with the showroom atmosphere?', 'level3', {
      ...section('1. 硬件设施', '1. Hardware facilities'),
      factor: 'facilities',
    }),
    rating('literature', '您对车辆资料是否满意?', 'Are you satisfied with the vehicle literature?', 'level3', {
      ...section('1. 硬件设施', '1. Hardware facilities'),
      factor: 'facilities',
    }),
    rating(
      'knowledge',
      '销售顾问的专业知识是否让您满意?',
      "Are you satisfied with the sales consultant's product knowledge?",
      'level3',
      {
        ...section('2. 服务是否到位', '2. Was the service adequate'),
        factor: 'salesperson',
        ...must,
      },
    ),
    rating(
      'attitude',
      '销售顾问的服务态度是否让您满意?',
      "Are you satisfied with the sales consultant's service attitude?",
      'level3',
      {
        ...section('2. 服务是否到位', '2. Was the service adequate'),
        factor: 'salesperson',
        ...must,
      },
    ),
    yesNo('followed_up', '销售顾问是否对您进行过回访?', 'Did the sales consultant follow up with you?', {
      ...section('2. 服务是否到位', '2. Was the service adequate'),
      factor: 'salesperson',
      ...must,
    }),
    rating(
      'presentation',
      '车辆介绍(配置、价格)的过程是否让您满意?',
      'Were you satisfied with the vehicle presentation (configuration, price)?',
      'level3',
      {
        ...section('3. 车辆介绍', '3. Vehicle presentation'),
        factor: 'initial',
        ...must,
      },
    ),
    rating(
      'delivery',
      '交车服务(清洁、四项说明、介绍售后)是否让您感到满意?',
      'Were you satisfied with the delivery service (cleaning, the four explanations, introduction to after-sales)?',
      'level3',
      {
        ...section('4. 交车服务', '4. Delivery service'),
        factor: 'delivery_process',
        ...must,
      },
    ),
    reason('delivery_reason', 'delivery'),
    free(
      'vehicle',
      '您的车辆使用情况如何?使用上有没有需要我们帮助处理的?',
      'How is the vehicle in use? Is there anything in using it we can help with?',
      {
        ...section('5. 车况', '5. Vehicle condition'),
      },
    ),
    rating(
      'overall',
      '您对销售顾问或对公司的总体满意度如何?',
      'Overall, how satisfied are you with the sales consultant or the company?',
      'level3',
      {
        ...section('6. 总体满意度', '6. Overall satisfaction'),
        weight: 0,
      },
    ),
  ];
}

const common = { businessLine: 'sales', factorSet: 'ssi8', factors: SSI8.factors, description: NOTE } as const;

export const SALES_PHONE: Preset = {
  key: 'sales-phone',
  source: 'SPEC §7.3, §5.10, §5.8',
  content: {
    ...common,
    name: { zh: '销售电话回访问卷', en: 'Sales phone callback questionnaire' },
    channel: 'phone',
    instructions: {
      zh: '客户电话时间有限,第 2、3、4 项每次回访必问,其余各项尽量涵盖。第 6 项总体满意度单独记录(权重 0,不计入因子总分)。',
      en: 'Customers have little time on the phone: items 2, 3 and 4 are asked in every callback, the others where possible. Item 6 (overall) is recorded on its own (weight 0, not in the factor total).',
    },
    questions: items(true),
  },
};

export const SALES_ON_SITE: Preset = {
  key: 'sales-on-site',
  source: 'SPEC §7.3, §5.8',
  content: {
    ...common,
    name: { zh: '销售现场调查问卷', en: 'Sales on-site questionnaire' },
    channel: 'on_site',
    questions: items(false),
  },
};
