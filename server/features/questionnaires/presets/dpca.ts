import { CSI6 } from './factor-sets';
import { free, rating, reason, section, yesNo, type Preset } from './build';

/**
 * Dongfeng Peugeot material (P-DPCA, 002): the callback reference questions (SPEC §7.4, ¶13–¶15) and the
 * 17 focus items of the after-sales CSI survey (SPEC §7.5, ¶1–¶2).
 */
const s = section;

export const DPCA_CALLBACK: Preset = {
  key: 'dpca-callback',
  source: 'SPEC §7.4 (002 ¶13–¶15)',
  content: {
    name: { zh: '东风标致回访参考标准问题', en: 'Dongfeng Peugeot callback reference questions' },
    description: {
      zh: '来自东风标致《回访参考标准问题》(SPEC §7.4)。来源未给出答案类型,此处按"是/否 + 备注"编制(D);可另加满意度评分。',
      en: 'From the Dongfeng Peugeot callback reference questions (SPEC §7.4). The source gives no answer types: yes/no with a comment here (D); add ratings as you need.',
    },
    businessLine: 'after_sales',
    channel: 'phone',
    instructions: {
      zh: '开场:某月某日您的车在我们这里进行了xxx维修,现在车辆使用情况怎么样?您对我们的服务满意吗?千万别问"车辆还有什么问题"。',
      en: 'Opening: "On [date] your car had [xxx] repair with us. How is the vehicle running now? Are you satisfied with our service?" Never ask "does the vehicle still have any problems?"',
    },
    questions: [
      free('usage', '现在车辆使用情况怎么样?', 'How is the vehicle running now?', s('开场', 'Opening')),
      rating('overall', '您对我们的服务满意吗?', 'Are you satisfied with our service?', 'level3', {
        ...s('开场', 'Opening'),
        mandatory: true,
      }),
      reason('overall_reason', 'overall'),
      yesNo(
        'r1',
        '到厂维修时是否有人及时主动接待您?',
        'When you came in for repair, did someone receive you promptly and proactively?',
        s('接待', 'Reception'),
      ),
      yesNo(
        'r2',
        '对您所提出的问题处理或回答是否及时满意?',
        'Were your questions handled or answered promptly and satisfactorily?',
        s('接待', 'Reception'),
      ),
      yesNo(
        'r3',
        '是否由接车人员对您的车辆进行故障判断,故障判断是否准确?',
        'Did the reception staff diagnose the fault on your vehicle, and was the diagnosis accurate?',
        s('接待', 'Reception'),
      ),
      yesNo(
        'r4',
        '接待人员是否使用保护装置(四件套:座套、脚垫、方向盘套、挡把套)?',
        'Did the reception staff use protective covers (seat cover, floor mat, steering-wheel cover, gear-lever cover)?',
        s('接待', 'Reception'),
      ),
      yesNo(
        'r5',
        '故障现象是否排除,对我们的维修质量是否满意?',
        'Was the fault eliminated, and are you satisfied with our repair quality?',
        s('维修、质检', 'Repair, quality inspection'),
      ),
      yesNo(
        'r6',
        '结帐时我们的服务顾问向您解释发票了吗,是否和估价一致?',
        'At checkout, did our service advisor explain the invoice, and did it match the estimate?',
        s('交车', 'Delivery'),
      ),
      yesNo(
        'r7',
        '车辆是否得到清洗,对车辆状况是否满意?',
        'Was the vehicle washed, and are you satisfied with its condition?',
        s('交车', 'Delivery'),
      ),
      yesNo(
        'r8',
        '是否向您提供车辆使用、保养建议?',
        'Were you given advice on vehicle use and maintenance?',
        s('交车', 'Delivery'),
      ),
      yesNo(
        'r9',
        '您以前接受过回访吗,您提出的问题是否得到处理?',
        'Have you had a callback before, and were the issues you raised dealt with?',
        s('回访', 'Callback'),
      ),
      yesNo('r10', '您在维修时是否出现过等待备件的情况?', 'During the repair, did you have to wait for parts?', {
        ...s('备件', 'Parts'),
        yesIsGood: false,
      }),
      yesNo(
        'r11',
        '当您按预约时间到达时,是否感觉一切已准备就绪?',
        'When you arrived at the appointed time, did everything seem ready?',
        {
          ...s('预约、准备', 'Appointment, preparation'),
          allowNa: true,
        },
      ),
      yesNo(
        'r12',
        '服务顾问对您的预约事先提醒了吗?',
        'Did the service advisor remind you of your appointment in advance?',
        {
          ...s('预约、准备', 'Appointment, preparation'),
          allowNa: true,
        },
      ),
    ],
  },
};

const R = (key: string, zh: string, en: string, f: string) => rating(key, zh, en, 'level3', { factor: f });
const YN = (key: string, zh: string, en: string, f: string, yesIsGood = true) =>
  yesNo(key, zh, en, { factor: f, yesIsGood });

export const DPCA_CSI_FOCUS: Preset = {
  key: 'dpca-csi-focus',
  source: 'SPEC §7.5, §5.9 (002 ¶1–¶2)',
  content: {
    name: { zh: '东风标致售后服务 CSI 调查重点', en: 'Dongfeng Peugeot after-sales CSI focus items' },
    description: {
      zh: '东风标致售后服务 CSI 调查的 17 个重点(SPEC §7.5)。评分/是否的划分按原文措辞推断(D),量表可改。来源称"红线内的六项因素"影响最大,但图表缺失、无法确定是哪六项,因此未预设关键因素标记(SPEC §5.9)。因子归类为满意(Manyi)建议。',
      en: 'The 17 focus items of the Dongfeng Peugeot after-sales CSI survey (SPEC §7.5). Rating vs yes/no is inferred from the wording (D); change the scales as needed. The source says the six factors "inside the red line" matter most, but the chart is lost, so no key-factor flag is preset (SPEC §5.9). The factor mapping is a Manyi suggestion.',
    },
    businessLine: 'after_sales',
    channel: 'phone',
    factorSet: 'csi6',
    factors: CSI6.factors,
    questions: [
      R('f1', '关于服务场地的外观及设施', 'The appearance and facilities of the service premises', 'facility'),
      R('f2', '关于在店中等待服务的时间', 'The time you waited for service in the dealership', 'initiation'),
      R('f3', '关于维修站的服务人员的态度', 'The attitude of the service staff', 'advisor'),
      R('f4', '您对接待人员的能力', "Your view of the reception staff's competence", 'advisor'),
      YN(
        'f5',
        '接车人员是否当着您的面对车身四周进行了检查?',
        'Did the reception staff inspect all around the vehicle body in front of you?',
        'initiation',
      ),
      YN(
        'f6',
        '服务顾问是否在维护工作前为您预先估算了价格和约定取车的时间?',
        'Before the work, did the service advisor estimate the price and agree a pick-up time with you?',
        'advisor',
      ),
      R('f7', '关于您的车在特约商处维护的时间', 'The time your car spent being serviced at the dealer', 'quality'),
      YN('f8', '特约商是否按照约定的时间交付车辆?', 'Did the dealer deliver the vehicle at the agreed time?', 'pickup'),
      YN('f9', '特约商所作的维护工作项目是否符合您的要求?', 'Did the work done meet your requirements?', 'quality'),
      R(
        'f10',
        '关于对您的车辆所作的维护工作质量,您是…',
        'The quality of the work done on your vehicle: you are…',
        'quality',
      ),
      YN('f11', '交还给您的车内、外部是否干净?', 'Was the car clean inside and outside when returned?', 'pickup'),
      R('f12', '关于此次服务的价格,您是…', 'The price of this service: you are…', 'pickup'),
      YN(
        'f13',
        '结算单上的数额和事先的估价基本相符吗?',
        'Did the invoice amount basically match the estimate?',
        'pickup',
      ),
      YN('f14', '所完成的维护工作都向您解释了吗?', 'Was all the completed work explained to you?', 'pickup'),
      YN(
        'f15',
        '是否为您提供了今后的车辆保养建议或可能要做的维护?',
        'Were you given advice on future maintenance or work that may be needed?',
        'pickup',
      ),
      YN(
        'f16',
        '事后,您是否因为维护工作质量问题,又把车送回特约商维修?',
        'Afterwards, did you have to bring the car back because of a work-quality problem?',
        'quality',
        false,
      ),
      YN(
        'f17',
        '特约商是否有人对您进行过回访,了解是不是车况一切正常?',
        'Did someone from the dealer call you back to check that the car was fine?',
        'followup',
      ),
    ],
  },
};
