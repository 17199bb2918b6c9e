import type { Widen } from '../../i18n/messages';
import type { registersZhCN } from './i18n.zh-CN';

/** Register texts (English); mounted as `registers` in web/i18n/en.ts. */
export const registersEn: Widen<typeof registersZhCN> = {
  title: 'Registers',
  kinds: {
    'aftersales-onsite': 'After-sales on-site survey register',
    'sales-callback': 'Sales callback register',
    'aftersales-phone': 'After-sales phone callback register',
  },
  code: 'Form {{code}}',
  export: 'Export to Excel',
  filters: {
    period: 'Callback date',
    staff: 'Advisor / consultant',
    search: 'Customer, plate or order number',
    satisfaction: 'Satisfaction',
    all: 'All',
    satisfied: 'Satisfied',
    dissatisfied: 'Dissatisfied',
    none: 'No questionnaire',
    mine: 'Only my callbacks',
    agent: 'Agent',
  },
  columns: {
    calledAt: 'Called at',
    customer: 'Customer',
    phone: 'Phone',
    vehicle: 'Vehicle',
    order: 'Order',
    orderDate: 'Settled / purchased',
    staff: 'Advisor',
    result: 'Result',
    score: 'Score',
    satisfaction: 'Satisfaction',
    problems: 'Dissatisfied items and reasons',
    faq: 'FAQ answers',
    agent: 'Agent',
  },
  status: {
    PENDING: 'Pending',
    APPOINTMENT: 'Appointment',
    SUCCESS: 'Success',
    REFUSED: 'Refused',
    CONTACT_INVALID: 'Contact data wrong',
    EXCLUDED: 'Excluded',
    DUPLICATE: 'Duplicate',
    CLOSED: 'Closed',
  },
  total: '{{count}} rows',
};
