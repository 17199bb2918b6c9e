import type { Factor, LocalText } from '../../../../core/contracts/questionnaire-content';
import { factor } from './build';

/**
 * Factor sets (SPEC §5.8, FTMS: 003 §十一). Starting weights from SPEC Appendix B (public J.D. Power
 * figures, not from the sources); a factor with no published weight starts at 0 (CONFIG): it gets a factor
 * score but counts in the total only once the dealer gives it a weight.
 */
export interface FactorSet {
  key: 'csi6' | 'ssi8';
  name: LocalText;
  source: LocalText;
  factors: Factor[];
}

export const CSI6: FactorSet = {
  key: 'csi6',
  name: { zh: 'CSI 六大因子', en: 'CSI six factors' },
  source: {
    zh: '因子来自 FTMS 客户满意度管理办法 §十一(SPEC §5.8);起始权重:J.D. Power 中国售后服务满意度 2014(服务质量 24%、服务设施 21%、取车 21%、服务顾问 18%、服务启动 17%;SPEC 附录 B)。回访因子无公开权重,起始为 0,请自行设定。',
    en: 'Factors from the FTMS CS measures §十一 (SPEC §5.8); starting weights: J.D. Power China CSI 2014 (service quality 24%, facility 21%, pick-up 21%, service advisor 18%, service initiation 17%; SPEC Appendix B). Follow-up has no published weight and starts at 0: set it yourself.',
  },
  factors: [
    factor('initiation', '服务启动', 'Service initiation', 17),
    factor('facility', '经销店设施', 'Dealer facilities', 21),
    factor('advisor', '服务顾问', 'Service advisor', 18),
    factor('quality', '服务质量', 'Service quality', 24),
    factor('pickup', '取车', 'Vehicle pick-up', 21),
    factor('followup', '回访', 'Follow-up callback', 0),
  ],
};

export const SSI8: FactorSet = {
  key: 'ssi8',
  name: { zh: 'SSI 八大因子', en: 'SSI eight factors' },
  source: {
    zh: '因子来自 FTMS 客户满意度管理办法 §十一(SPEC §5.8);起始权重:J.D. Power 中国销售满意度 2015(交车过程 23%、销售启动 21%、交易 20%、经销商设施 19%、销售人员 17%;SPEC 附录 B)。其余三项无公开权重,起始为 0,请自行设定。',
    en: 'Factors from the FTMS CS measures §十一 (SPEC §5.8); starting weights: J.D. Power China SSI 2015 (delivery process 23%, sales initiation 21%, deal 20%, dealer facility 19%, salesperson 17%; SPEC Appendix B). The other three have no published weight and start at 0: set them yourself.',
  },
  factors: [
    factor('initial', '开始购车的经历', 'Initial purchase experience', 21),
    factor('facilities', '经销商的设施', 'Dealer facilities', 19),
    factor('deal', '交易条件', 'Deal terms', 20),
    factor('paperwork', '购车文件书面处理过程', 'Paperwork process', 0),
    factor('financing', '贷款过程', 'Financing / loan process', 0),
    factor('salesperson', '销售人员', 'Salesperson', 17),
    factor('delivery_time', '交车时间', 'Delivery time', 0),
    factor('delivery_process', '交车过程', 'Delivery process', 23),
  ],
};

export const FACTOR_SETS: readonly FactorSet[] = [CSI6, SSI8];
