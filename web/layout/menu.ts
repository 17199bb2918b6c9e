import { AuditOutlined, DashboardOutlined, ShopOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import { CloudUploadOutlined, ContactsOutlined, SafetyCertificateOutlined, WarningOutlined } from '@ant-design/icons';
import { FormOutlined, IssuesCloseOutlined } from '@ant-design/icons';
import { BookOutlined } from '@ant-design/icons';
import { PhoneOutlined, ProfileOutlined } from '@ant-design/icons';
import { TabletOutlined } from '@ant-design/icons';
import { CalendarOutlined, WechatWorkOutlined } from '@ant-design/icons';
import { AlertOutlined, FileSearchOutlined, CustomerServiceOutlined, GlobalOutlined } from '@ant-design/icons';
import { FileProtectOutlined, MoneyCollectOutlined, SolutionOutlined } from '@ant-design/icons';
import { EditOutlined } from '@ant-design/icons';
import { ControlOutlined } from '@ant-design/icons';
import { BarChartOutlined } from '@ant-design/icons';
import { FileTextOutlined } from '@ant-design/icons';
import { OrderedListOutlined, ScheduleOutlined, ToolOutlined } from '@ant-design/icons';
import type { ComponentType } from 'react';
import type { Permission } from '../../core/permissions';
import type { Messages } from '../i18n/messages';

/**
 * The one table the side menu and the routes are built from. A later capability (callbacks, cases,
 * reports…) adds a row here, a `nav.<key>` label in both i18n files and a page in router.tsx.
 */
export interface MenuEntry {
  key: MenuKey;
  path: string;
  labelKey: `nav.${keyof Messages['nav']}`;
  icon: ComponentType;
  permission: Permission;
}

export const MENU_KEYS = [
  'dashboard',
  'workbench',
  'onsite',
  'registers',
  'reports',
  'callback-queue',
  'callback-rules',
  'handoffs',
  'benchmark',
  'kpi-thresholds',
  'staff',
  'dealers',
  'customers',
  'customer-flags',
  'corrections',
  'imports',
  'customer-permissions',
  'calendar',
  'wecom-robots',
  'questionnaires',
  'faq',
  'hotline',
  'cases',
  'case-rules',
  'complaints',
  'forum',
  'penalties',
  'appeals',
  'rectification',
  'my-penalties',
  'penalty-rules',
  'users',
  'audit',
] as const;
export type MenuKey = (typeof MENU_KEYS)[number];

const ENTRIES: readonly MenuEntry[] = [
  {
    key: 'dashboard',
    path: '/dashboard',
    labelKey: 'nav.dashboard',
    icon: DashboardOutlined,
    permission: 'dashboard:view',
  },
  {
    key: 'workbench',
    path: '/workbench',
    labelKey: 'nav.workbench',
    icon: PhoneOutlined,
    permission: 'callbacks:work',
  },
  { key: 'onsite', path: '/onsite', labelKey: 'nav.onsite', icon: TabletOutlined, permission: 'callbacks:work' },
  {
    key: 'registers',
    path: '/registers',
    labelKey: 'nav.registers',
    icon: ProfileOutlined,
    permission: 'registers:read',
  },
  {
    key: 'callback-queue',
    path: '/callback-queue',
    labelKey: 'nav.callbackQueue',
    icon: OrderedListOutlined,
    permission: 'callbacks:lead',
  },
  {
    key: 'callback-rules',
    path: '/callback-rules',
    labelKey: 'nav.callbackRules',
    icon: ScheduleOutlined,
    permission: 'callbacks:configure',
  },
  {
    key: 'handoffs',
    path: '/handoffs',
    labelKey: 'nav.handoffs',
    icon: ToolOutlined,
    permission: 'callbacks:fix-contact',
  },
  {
    key: 'reports',
    path: '/reports',
    labelKey: 'nav.reports',
    icon: FileTextOutlined,
    permission: 'reports:read',
  },
  {
    key: 'benchmark',
    path: '/benchmark',
    labelKey: 'nav.benchmark',
    icon: BarChartOutlined,
    permission: 'kpis:benchmark',
  },
  {
    key: 'kpi-thresholds',
    path: '/kpi-thresholds',
    labelKey: 'nav.kpiThresholds',
    icon: ControlOutlined,
    permission: 'kpis:configure',
  },
  { key: 'staff', path: '/staff', labelKey: 'nav.staff', icon: TeamOutlined, permission: 'staff:read' },
  { key: 'dealers', path: '/dealers', labelKey: 'nav.dealers', icon: ShopOutlined, permission: 'org:read' },
  {
    key: 'customers',
    path: '/customers',
    labelKey: 'nav.customers',
    icon: ContactsOutlined,
    permission: 'customers:read',
  },
  {
    key: 'customer-flags',
    path: '/customer-flags',
    labelKey: 'nav.customerFlags',
    icon: WarningOutlined,
    permission: 'customers:flags',
  },
  {
    key: 'corrections',
    path: '/corrections',
    labelKey: 'nav.corrections',
    icon: EditOutlined,
    permission: 'corrections:create',
  },
  { key: 'imports', path: '/imports', labelKey: 'nav.imports', icon: CloudUploadOutlined, permission: 'imports:run' },
  {
    key: 'customer-permissions',
    path: '/customer-permissions',
    labelKey: 'nav.customerPermissions',
    icon: SafetyCertificateOutlined,
    permission: 'customers:privacy',
  },
  { key: 'calendar', path: '/calendar', labelKey: 'nav.calendar', icon: CalendarOutlined, permission: 'org:read' },
  {
    key: 'wecom-robots',
    path: '/wecom-robots',
    labelKey: 'nav.wecomRobots',
    icon: WechatWorkOutlined,
    permission: 'notifications:manage',
  },
  {
    key: 'questionnaires',
    path: '/questionnaires',
    labelKey: 'nav.questionnaires',
    icon: FormOutlined,
    permission: 'questionnaires:read',
  },
  { key: 'faq', path: '/faq', labelKey: 'nav.faq', icon: BookOutlined, permission: 'faq:read' },
  {
    key: 'hotline',
    path: '/hotline',
    labelKey: 'nav.hotline',
    icon: CustomerServiceOutlined,
    permission: 'hotline:log',
  },
  { key: 'cases', path: '/cases', labelKey: 'nav.cases', icon: IssuesCloseOutlined, permission: 'cases:read' },
  {
    key: 'case-rules',
    path: '/case-rules',
    labelKey: 'nav.caseRules',
    icon: ControlOutlined,
    permission: 'cases:configure',
  },
  {
    key: 'complaints',
    path: '/complaints',
    labelKey: 'nav.complaints',
    icon: AlertOutlined,
    permission: 'complaints:read',
  },
  { key: 'forum', path: '/forum', labelKey: 'nav.forum', icon: GlobalOutlined, permission: 'forum:monitor' },
  {
    key: 'penalties',
    path: '/penalties',
    labelKey: 'nav.penalties',
    icon: MoneyCollectOutlined,
    permission: 'penalties:propose',
  },
  {
    key: 'appeals',
    path: '/appeals',
    labelKey: 'nav.appeals',
    icon: FileSearchOutlined,
    permission: 'complaints:handle',
  },
  {
    key: 'rectification',
    path: '/rectification-notices',
    labelKey: 'nav.rectification',
    icon: FileProtectOutlined,
    permission: 'complaints:read',
  },
  {
    key: 'my-penalties',
    path: '/my-penalties',
    labelKey: 'nav.myPenalties',
    icon: SolutionOutlined,
    permission: 'appeals:file',
  },
  {
    key: 'penalty-rules',
    path: '/penalty-rules',
    labelKey: 'nav.penaltyRules',
    icon: ControlOutlined,
    permission: 'penalties:configure',
  },
  { key: 'users', path: '/users', labelKey: 'nav.users', icon: UserOutlined, permission: 'users:read' },
  { key: 'audit', path: '/audit', labelKey: 'nav.audit', icon: AuditOutlined, permission: 'audit:read' },
];

/**
 * The side menu's sections, in order: a user sees a section's heading only when it holds one of its entries.
 * Every menu key belongs to exactly one section (a Record, so a new key without a section does not compile).
 */
export const MENU_GROUPS = ['daily', 'callbacks', 'complaints', 'reports', 'customers', 'system'] as const;
export type MenuGroup = (typeof MENU_GROUPS)[number];

export const GROUP_OF: Record<MenuKey, MenuGroup> = {
  dashboard: 'daily',
  workbench: 'daily',
  onsite: 'daily',
  cases: 'daily',
  faq: 'daily',
  'my-penalties': 'daily',
  'callback-queue': 'callbacks',
  handoffs: 'callbacks',
  registers: 'callbacks',
  questionnaires: 'callbacks',
  'callback-rules': 'callbacks',
  complaints: 'complaints',
  hotline: 'complaints',
  forum: 'complaints',
  penalties: 'complaints',
  appeals: 'complaints',
  rectification: 'complaints',
  'case-rules': 'complaints',
  'penalty-rules': 'complaints',
  reports: 'reports',
  benchmark: 'reports',
  'kpi-thresholds': 'reports',
  customers: 'customers',
  'customer-flags': 'customers',
  corrections: 'customers',
  imports: 'customers',
  'customer-permissions': 'customers',
  staff: 'system',
  dealers: 'system',
  calendar: 'system',
  'wecom-robots': 'system',
  users: 'system',
  audit: 'system',
};

/** The menu table in display order: by section, then in the order the entries are declared. */
export const MENU: readonly MenuEntry[] = MENU_GROUPS.flatMap((g) => ENTRIES.filter((e) => GROUP_OF[e.key] === g));

/** The visible entries under their section headings, empty sections left out. */
export function groupedMenu(entries: readonly MenuEntry[]): { group: MenuGroup; entries: MenuEntry[] }[] {
  return MENU_GROUPS.map((group) => ({ group, entries: entries.filter((e) => GROUP_OF[e.key] === group) })).filter(
    (g) => g.entries.length > 0,
  );
}

/** The entries a user with these permissions may see, in table order. */
export function visibleMenu(permissions: readonly string[]): MenuEntry[] {
  return MENU.filter((entry) => permissions.includes(entry.permission));
}

/** The menu entry whose path is the start of the current location, for the selected key. */
export function menuEntryFor(pathname: string): MenuEntry | undefined {
  return MENU.find((entry) => pathname === entry.path || pathname.startsWith(`${entry.path}/`));
}
