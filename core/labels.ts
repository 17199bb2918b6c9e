import type { TaskStatus, TaskType } from './contracts/callbacks';
import type { Role } from './permissions';

/**
 * Names of the domain's fixed codes in both languages, shared by the web UI (its i18n files mount them) and the
 * server's Excel exports, so a file and the screen never name the same thing differently.
 */
type Named<K extends string> = { zh: Record<K, string>; en: Record<K, string> };

export const ROLE_LABELS: Named<Role> = {
  zh: {
    cs_agent: '客服专员',
    cs_lead: '客服组长',
    cs_supervisor: '客服主管',
    service_advisor: '服务顾问',
    sales_consultant: '销售顾问',
    aftersales_director: '售后服务总监',
    sales_director: '销售总监',
    quality: '质量管理部',
    gm: '总经理',
    dealer_admin: '经销商管理员',
    group_analyst: '集团分析员',
    system_admin: '系统管理员',
  },
  en: {
    cs_agent: 'CS agent',
    cs_lead: 'CS team lead',
    cs_supervisor: 'CS supervisor',
    service_advisor: 'Service advisor',
    sales_consultant: 'Sales consultant',
    aftersales_director: 'After-sales director',
    sales_director: 'Sales director',
    quality: 'Quality dept.',
    gm: 'General manager',
    dealer_admin: 'Dealer admin',
    group_analyst: 'Group analyst',
    system_admin: 'System admin',
  },
};

export const TASK_TYPE_LABELS: Named<TaskType> = {
  zh: {
    AS_ONSITE: '售后现场调查',
    AS_PHONE: '售后电话回访',
    SALES_ONSITE: '销售现场调查',
    SALES_PHONE: '销售电话回访',
    SECOND_CALLBACK: '二次回访',
    SPECIAL_6M_ABSENT: '专项：6 个月未回厂',
    SPECIAL_MAJOR_COMPLAINT: '专项：重大抱怨',
    SPECIAL_REWORK: '专项：返修',
    SPECIAL_QUALITY_TRACKING: '专项：质量跟踪',
    SPOTCHECK_RESCUE: '抽查：外出救援',
    SPOTCHECK_CAMPAIGN: '抽查：活动',
    PERIODIC_SURVEY: '定期调查',
  },
  en: {
    AS_ONSITE: 'After-sales on-site survey',
    AS_PHONE: 'After-sales phone callback',
    SALES_ONSITE: 'Sales on-site survey',
    SALES_PHONE: 'Sales phone callback',
    SECOND_CALLBACK: 'Second callback',
    SPECIAL_6M_ABSENT: 'Special: absent 6 months',
    SPECIAL_MAJOR_COMPLAINT: 'Special: major complaint',
    SPECIAL_REWORK: 'Special: rework',
    SPECIAL_QUALITY_TRACKING: 'Special: quality tracking',
    SPOTCHECK_RESCUE: 'Spot check: rescue',
    SPOTCHECK_CAMPAIGN: 'Spot check: campaign',
    PERIODIC_SURVEY: 'Periodic survey',
  },
};

export const TASK_STATUS_LABELS: Named<TaskStatus> = {
  zh: {
    PENDING: '待回访',
    APPOINTMENT: '已预约',
    SUCCESS: '成功',
    REFUSED: '拒访',
    CONTACT_INVALID: '联系方式有误',
    EXCLUDED: '已排除',
    DUPLICATE: '重复',
    CLOSED: '已关闭',
  },
  en: {
    PENDING: 'Pending',
    APPOINTMENT: 'Appointment',
    SUCCESS: 'Success',
    REFUSED: 'Refused',
    CONTACT_INVALID: 'Contact data wrong',
    EXCLUDED: 'Excluded',
    DUPLICATE: 'Duplicate',
    CLOSED: 'Closed',
  },
};
