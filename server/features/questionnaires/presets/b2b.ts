import { free, rating, section, type Preset } from './build';

/** The generic B2B form 顾客满意度调查表 (P-GEN, 004[C] 附录1; SPEC §7.7). */
const head = section('表头', 'Header');
const items = section('选项(请在所选项目前划√)', 'Options (tick the chosen one)');

export const B2B_3LEVEL: Preset = {
  key: 'b2b-3level',
  source: 'SPEC §7.7 (004[C] 附录1)',
  content: {
    name: { zh: '顾客满意度调查表', en: 'Customer satisfaction survey form' },
    description: {
      zh: '通用 B2B 三级表(SPEC §7.7):四组"非常满意/满意/不满意"与一组"非常愿意/愿意/不愿意"。"前期沟通"按计分项处理;是否仅作标题可自行调整。',
      en: 'The generic B2B 3-level form (SPEC §7.7): four "very satisfied / satisfied / dissatisfied" groups and one "very willing / willing / unwilling" group. "Preliminary communication" is a scored item here; make it a heading if you prefer.',
    },
    businessLine: 'other',
    channel: 'email_form',
    instructions: { zh: '选项(请在所选项目前划√)', en: 'Tick the chosen option.' },
    questions: [
      free('customer', '客户名称', 'Customer name', { ...head, mandatory: true }),
      free('department', '部门', 'Department', head),
      free('position', '职务', 'Position', head),
      free('email', '电子邮件', 'E-mail', head),
      free('in_charge', '负责人', 'Person in charge', head),
      free('phone', '电话', 'Telephone', head),
      { key: 'filled_on', type: 'date', text: { zh: '填写日期', en: 'Date filled' }, weight: 0, ...head },
      rating('early', '前期沟通', 'Preliminary communication', 'level3', items),
      rating('information', '对信息沟通满意程度', 'Satisfaction with information communication', 'level3', items),
      rating('process', '对过程服务满意程度', 'Satisfaction with service during the process', 'level3', items),
      rating('product', '对产品服务满意程度', 'Satisfaction with product service', 'level3', items),
      rating('cooperate', '是否愿意继续合作', 'Willing to continue cooperation?', 'willing3', items),
    ],
  },
};
