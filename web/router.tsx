import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { RequireAuth } from './features/auth/RequireAuth';
import { RequirePermission } from './features/auth/RequirePermission';
import { useSession } from './features/auth/session';
import { RouteError } from './features/errors/RouteError';
import { AppLayout } from './layout/AppLayout';
import { MENU, visibleMenu, type MenuKey } from './layout/menu';
import { FullPageSpin } from './ui/FullPageSpin';

const LoginPage = lazy(() => import('./features/auth/LoginPage'));
const ChangePasswordPage = lazy(() => import('./features/auth/ChangePasswordPage'));
const NotFoundPage = lazy(() => import('./features/errors/NotFoundPage'));
const CustomerPage = lazy(() => import('./features/customers/CustomerPage'));
const ComplaintPage = lazy(() => import('./features/complaints/ComplaintPage'));
const CasePage = lazy(() => import('./features/cases/CasePage'));
const ReportPage = lazy(() => import('./features/reports/ReportPage'));
const ReportSettingsPage = lazy(() => import('./features/reports/ReportSettingsPage'));
const InboxPage = lazy(() => import('./features/notifications/InboxPage'));
const PreferencesPage = lazy(() => import('./features/notifications/PreferencesPage'));

/** One page per menu entry; the Record type makes a menu row without a page a compile error. */
const PAGES: Record<MenuKey, LazyExoticComponent<ComponentType>> = {
  dashboard: lazy(() => import('./features/dashboard/DashboardPage')),
  staff: lazy(() => import('./features/staff/StaffPage')),
  dealers: lazy(() => import('./features/dealers/DealersPage')),
  customers: lazy(() => import('./features/customers/CustomersPage')),
  'customer-flags': lazy(() => import('./features/customers/CustomerFlagsPage')),
  corrections: lazy(() => import('./features/customers/CorrectionsPage')),
  imports: lazy(() => import('./features/imports/ImportsPage')),
  'customer-permissions': lazy(() => import('./features/customers/CustomerPermissionsPage')),
  calendar: lazy(() => import('./features/calendar/CalendarPage')),
  'wecom-robots': lazy(() => import('./features/notifications/WecomRobotsPage')),
  questionnaires: lazy(() => import('./features/questionnaires/QuestionnairesPage')),
  faq: lazy(() => import('./features/faq/FaqPage')),
  hotline: lazy(() => import('./features/hotline/HotlinePage')),
  cases: lazy(() => import('./features/cases/CasesPage')),
  'case-rules': lazy(() => import('./features/cases/CaseRulesPage')),
  complaints: lazy(() => import('./features/complaints/ComplaintsPage')),
  forum: lazy(() => import('./features/forum/ForumPage')),
  penalties: lazy(() => import('./features/complaints/PenaltyLedgerPage')),
  appeals: lazy(() => import('./features/complaints/AppealsPage')),
  rectification: lazy(() => import('./features/complaints/NoticesPage')),
  'my-penalties': lazy(() => import('./features/complaints/MyPenaltiesPage')),
  'penalty-rules': lazy(() => import('./features/complaints/PenaltyRulesPage')),
  workbench: lazy(() => import('./features/workbench/WorkbenchPage')),
  onsite: lazy(() => import('./features/onsite/OnsiteSurveyPage')),
  registers: lazy(() => import('./features/registers/RegistersPage')),
  reports: lazy(() => import('./features/reports/ReportsPage')),
  'callback-queue': lazy(() => import('./features/callbacks/QueuePage')),
  'callback-rules': lazy(() => import('./features/callbacks/RulesPage')),
  handoffs: lazy(() => import('./features/callbacks/HandoffsPage')),
  benchmark: lazy(() => import('./features/kpis/BenchmarkPage')),
  'kpi-thresholds': lazy(() => import('./features/kpis/ThresholdsPage')),
  users: lazy(() => import('./features/users/UsersPage')),
  audit: lazy(() => import('./features/audit/AuditPage')),
};

/** `/` goes to the first page the user's roles may see. */
function Home() {
  const me = useSession();
  const first = visibleMenu(me.permissions)[0];
  return first ? <Navigate to={first.path} replace /> : <NotFoundPage />;
}

const menuRoutes: RouteObject[] = MENU.map((entry) => {
  const Page = PAGES[entry.key];
  return {
    path: entry.path.replace(/^\//, ''),
    element: (
      <RequirePermission permission={entry.permission}>
        <Page />
      </RequirePermission>
    ),
  };
});

export const router = createBrowserRouter([
  {
    path: '/login',
    errorElement: <RouteError />,
    element: (
      <Suspense fallback={<FullPageSpin />}>
        <LoginPage />
      </Suspense>
    ),
  },
  {
    path: '/',
    errorElement: <RouteError />,
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <Home /> },
      ...menuRoutes,
      {
        path: 'customers/:id',
        element: (
          <RequirePermission permission="customers:read">
            <CustomerPage />
          </RequirePermission>
        ),
      },
      {
        path: 'cases/:id',
        element: (
          <RequirePermission permission="cases:read">
            <CasePage />
          </RequirePermission>
        ),
      },
      {
        path: 'reports/settings',
        element: (
          <RequirePermission permission="reports:configure">
            <ReportSettingsPage />
          </RequirePermission>
        ),
      },
      {
        path: 'reports/:id',
        element: (
          <RequirePermission permission="reports:read">
            <ReportPage />
          </RequirePermission>
        ),
      },
      {
        path: 'complaints/:id',
        element: (
          <RequirePermission permission="complaints:read">
            <ComplaintPage />
          </RequirePermission>
        ),
      },
      { path: 'account/password', element: <ChangePasswordPage /> },
      { path: 'notifications', element: <InboxPage /> },
      { path: 'notifications/preferences', element: <PreferencesPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
