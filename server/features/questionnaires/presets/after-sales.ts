import { CSI6 } from './factor-sets';
import { free, rating, reason, section, yesNo, type Preset } from './build';

/**
 * After-sales questionnaires, built from the P-SGM after-sales content rules (SPEC §7.2, 004[A] 三(二)).
 * The AYT questionnaires AYT-JL-客服-04 / -01 are "compiled from the manufacturer's questionnaire" and their
 * questions are not in the sources (SPEC §7.1): these are starters, not those forms.
 */
const NOTE = {
  zh: '依据 SPEC §7.2(004[A] 三(二))售后调查内容规定编制;AYT-JL-客服-04/-01 的原题目未在来源文件中给出,请按厂家问卷补充。因子归类为满意(Manyi)建议,可修改。',
  en: 'Built from the after-sales survey content rules of SPEC §7.2 (004[A] 三(二)); the questions of AYT-JL-客服-04/-01 are not in the sources: add them from the manufacturer’s questionnaire. The factor mapping is a Manyi suggestion you can change.',
};

const service = (prefix: string) => [
  rating(
    `${prefix}attitude`,
    '您对服务人员的服务态度是否满意?',
    'Are you satisfied with the service attitude of our staff?',
    'level3',
    {
      ...section('服务情况', 'Service'),
      factor: 'advisor',
    },
  ),
  rating(`${prefix}reception`, '您对接待过程是否满意?', 'Are you satisfied with the reception process?', 'level3', {
    ...section('服务情况', 'Service'),
    factor: 'initiation',
  }),
  rating(
    `${prefix}tech_me`,
    '您对机电维修技术是否满意?',
    'Are you satisfied with the mechanical-electrical repair work?',
    'level3',
    {
      ...section('维修技术', 'Repair technique'),
      factor: 'quality',
      allowNa: true,
    },
  ),
  rating(`${prefix}tech_bp`, '您对钣喷维修技术是否满意?', 'Are you satisfied with the body and paint work?', 'level3', {
    ...section('维修技术', 'Repair technique'),
    factor: 'quality',
    allowNa: true,
  }),
];

export const AFTER_SALES_PHONE: Preset = {
  key: 'after-sales-phone',
  source: 'SPEC §7.2, §7.4 (standard opening), §5.8',
  content: {
    name: { zh: '售后电话回访问卷', en: 'After-sales phone callback questionnaire' },
    description: NOTE,
    businessLine: 'after_sales',
    channel: 'phone',
    factorSet: 'csi6',
    factors: CSI6.factors,
    instructions: {
      zh: '维修(质量)服务满意度必须询问车辆离厂后的使用情况。千万别问"车辆还有什么问题"。',
      en: 'The repair-service question must ask how the vehicle has been used since it left the workshop. Never ask "does the vehicle still have any problems?"',
    },
    questions: [
      free('usage', '您的车辆离厂后使用情况怎么样?', 'How has the vehicle been running since it left our workshop?', {
        ...section('维修(质量)服务', 'Repair (quality) service'),
        mandatory: true,
      }),
      rating(
        'repair',
        '您对本次维修(质量)服务是否满意?',
        'Are you satisfied with the repair (quality) service?',
        'level3',
        {
          ...section('维修(质量)服务', 'Repair (quality) service'),
          factor: 'quality',
          mandatory: true,
        },
      ),
      reason('repair_reason', 'repair'),
      ...service(''),
      yesNo('followed_up', '修复后是否有人跟踪回访过您?', 'After the repair, did anyone follow up with you?', {
        ...section('服务情况', 'Service'),
        factor: 'followup',
      }),
    ],
  },
};

export const AFTER_SALES_ON_SITE: Preset = {
  key: 'after-sales-on-site',
  source: 'SPEC §7.2, §5.8',
  content: {
    name: { zh: '售后现场调查问卷', en: 'After-sales on-site questionnaire' },
    description: NOTE,
    businessLine: 'after_sales',
    channel: 'on_site',
    factorSet: 'csi6',
    factors: CSI6.factors,
    questions: [
      rating(
        'repair',
        '您对本次维修(质量)服务是否满意?',
        'Are you satisfied with the repair (quality) service?',
        'level3',
        {
          ...section('维修(质量)服务', 'Repair (quality) service'),
          factor: 'quality',
          mandatory: true,
        },
      ),
      reason('repair_reason', 'repair'),
      ...service(''),
      free('comments', '您对我们还有什么意见或建议?', 'Any other comments or suggestions?', {
        ...section('意见', 'Comments'),
      }),
    ],
  },
};
