import type { Role } from '../core/permissions';
import { DEFAULT_FIELD_PERMISSIONS } from '../core/rules/customer-privacy';
import type { Session, TestApp } from './harness';
import { questionnaireFixture, QUESTIONNAIRE_SAMPLES, type QuestionnaireFixture } from './questionnaire-samples';
import { callbacksFixture, CALLBACK_SAMPLES, type CallbacksFixture } from './samples/callbacks';
import { CALENDAR_SAMPLES } from './samples/calendar';
import { notificationsFixture, NOTIFICATION_SAMPLES, type NotificationsFixture } from './samples/notifications';
import { faqFixture, FAQ_SAMPLES, type FaqFixture } from './samples/faq';
import { registersFixture, REGISTER_SAMPLES, type RegistersFixture } from './samples/registers';
import { surveyLinkFixture, SURVEY_LINK_SAMPLES, type SurveyLinkFixture } from './samples/survey-links';
import { casesFixture, CASES_SAMPLES, type CasesFixture } from './samples/cases';
import { complaintsFixture, COMPLAINT_SAMPLES, type ComplaintsFixture } from './samples/complaints';
import { reportsFixture, REPORT_SAMPLES, type ReportsFixture } from './samples/reports';
import { KPI_SAMPLES } from './samples/kpis';

export interface Fixture
  extends
    QuestionnaireFixture,
    CallbacksFixture,
    CasesFixture,
    FaqFixture,
    NotificationsFixture,
    RegistersFixture,
    SurveyLinkFixture,
    ComplaintsFixture,
    ReportsFixture {
  ownUser: string;
  target: string;
  shDealer: string;
  shStaff: string;
  hzUser: string;
  hzStaff: string;
  hzDealer: string;
  shCustomer: string;
  shPhone: string;
  shRun: string;
  openCorrections: string[];
  correctedCorrections: string[];
}
export type Sample = (f: Fixture, role: Role) => { url: string; body?: unknown; ok: number };

const noBodyJson = { note: 'JSON instead of multipart: refused with 415 once the permission check passed' };
/** Customer master data and DMS import (issue 3). */
const CUSTOMER_SAMPLES: Record<string, Sample> = {
  'POST /api/imports': () => ({ url: '/api/imports', body: noBodyJson, ok: 415 }),
  'GET /api/imports': () => ({ url: '/api/imports', ok: 200 }),
  'GET /api/imports/:id': (f) => ({ url: `/api/imports/${f.shRun}`, ok: 200 }),
  'POST /api/imports/:id/start': (f) => ({ url: `/api/imports/${f.shRun}/start`, body: { mapping: {} }, ok: 400 }),
  'POST /api/imports/:id/cancel': (f) => ({ url: `/api/imports/${f.shRun}/cancel`, ok: 409 }),
  'GET /api/imports/:id/rejects.xlsx': (f) => ({ url: `/api/imports/${f.shRun}/rejects.xlsx`, ok: 200 }),
  'GET /api/customers': () => ({ url: '/api/customers?q=%E7%8E%8B', ok: 200 }),
  'GET /api/customers/export.xlsx': () => ({
    url: '/api/customers/export.xlsx?q=%E7%8E%8B&reason=%E5%AD%A3%E5%BA%A6%E5%A4%8D%E6%A0%B8',
    ok: 200,
  }),
  'GET /api/customers/:id': (f) => ({ url: `/api/customers/${f.shCustomer}`, ok: 200 }),
  'POST /api/customers/:id/reveal': (f, role) => ({
    url: `/api/customers/${f.shCustomer}/reveal`,
    body: { field: 'phone', phoneId: f.shPhone },
    ok: DEFAULT_FIELD_PERMISSIONS[role].contact.canReveal ? 200 : 403,
  }),
  'POST /api/customers/:id/consent': (f) => ({
    url: `/api/customers/${f.shCustomer}/consent`,
    body: { serviceCallbacksAllowed: true, channel: 'phone' },
    ok: 200,
  }),
  'GET /api/customer-flags': () => ({ url: '/api/customer-flags', ok: 200 }),
  'GET /api/customer-flags/export.xlsx': () => ({
    url: '/api/customer-flags/export.xlsx?reason=%E5%AD%A3%E5%BA%A6%E5%A4%8D%E6%A0%B8',
    ok: 200,
  }),
  'POST /api/corrections': (f) => ({
    url: '/api/corrections',
    body: {
      customerId: f.shCustomer,
      field: 'address',
      proposedValue: '上海市浦东新区张江路1号',
      foundHow: '电话回访时客户告知',
      department: 'after_sales',
    },
    ok: 201,
  }),
  'GET /api/corrections': () => ({ url: '/api/corrections', ok: 200 }),
  'GET /api/corrections/export.xlsx': () => ({
    url: '/api/corrections/export.xlsx?status=open&reason=%E5%AD%A3%E5%BA%A6%E5%A4%8D%E6%A0%B8',
    ok: 200,
  }),
  // The fixture's corrections belong to the sales department: the after-sales director may not resolve them.
  'POST /api/corrections/:id/resolve': (f, role) => ({
    url: `/api/corrections/${f.openCorrections.pop() ?? 'none'}/resolve`,
    body: { apply: true, note: '已核实并更正' },
    ok: role === 'aftersales_director' ? 403 : 200,
  }),
  'POST /api/corrections/:id/confirm': (f) => ({
    url: `/api/corrections/${f.correctedCorrections.pop() ?? 'none'}/confirm`,
    body: { accepted: true },
    ok: 200,
  }),
  'GET /api/customer-permissions': () => ({ url: '/api/customer-permissions', ok: 200 }),
  'PUT /api/customer-permissions': () => ({
    url: '/api/customer-permissions',
    body: {
      items: [{ role: 'quality', group: 'family', view: 'none', canReveal: false, canEdit: false, canExport: false }],
    },
    ok: 200,
  }),
};

let counter = 0;
/** One valid request per route; the matrix fails when a route has none, so new routes get covered. */
export const SAMPLES: Record<string, Sample> = {
  'GET /api/auth/me': () => ({ url: '/api/auth/me', ok: 200 }),
  'POST /api/auth/logout': () => ({ url: '/api/auth/logout', ok: 200 }),
  'POST /api/auth/password': () => ({
    url: '/api/auth/password',
    body: { currentPassword: 'not-mine-1', newPassword: 'Whatever12345' },
    ok: 400,
  }),
  'POST /api/auth/dealer': (f, role) => ({
    url: '/api/auth/dealer',
    body: { dealerId: role === 'group_analyst' || role === 'system_admin' ? f.hzDealer : f.shDealer },
    ok: 200,
  }),
  'PUT /api/auth/locale': () => ({ url: '/api/auth/locale', body: { locale: 'zh-CN' }, ok: 200 }),
  'GET /api/users': () => ({ url: '/api/users', ok: 200 }),
  'GET /api/users/export.xlsx': () => ({
    url: '/api/users/export.xlsx?reason=%E5%AD%A3%E5%BA%A6%E5%A4%8D%E6%A0%B8',
    ok: 200,
  }),
  'POST /api/users': (f) => ({
    url: '/api/users',
    body: {
      username: `matrix_${++counter}`,
      displayName: '矩阵',
      password: 'Initial1234',
      roles: ['cs_agent'],
      dealerId: f.shDealer,
    },
    ok: 201,
  }),
  'GET /api/users/:id': (f) => ({ url: `/api/users/${f.target}`, ok: 200 }),
  'PATCH /api/users/:id': (f) => ({ url: `/api/users/${f.target}`, body: { displayName: '矩阵目标' }, ok: 200 }),
  'POST /api/users/:id/password': (f) => ({
    url: `/api/users/${f.target}/password`,
    body: { password: 'Reset123456' },
    ok: 200,
  }),
  'GET /api/dealers': () => ({ url: '/api/dealers', ok: 200 }),
  'GET /api/dealers/:id': (f) => ({ url: `/api/dealers/${f.shDealer}`, ok: 200 }),
  'GET /api/staff': () => ({ url: '/api/staff', ok: 200 }),
  'GET /api/staff/export.xlsx': () => ({
    url: '/api/staff/export.xlsx?reason=%E5%AD%A3%E5%BA%A6%E5%A4%8D%E6%A0%B8',
    ok: 200,
  }),
  'GET /api/staff/:id': (f) => ({ url: `/api/staff/${f.shStaff}`, ok: 200 }),
  'POST /api/staff': () => ({
    url: '/api/staff',
    body: { name: '矩阵员工', department: 'other', position: '实习' },
    ok: 201,
  }),
  'GET /api/audit': () => ({ url: '/api/audit', ok: 200 }),
  'GET /api/audit/export.xlsx': () => ({
    url: '/api/audit/export.xlsx?outcome=success&reason=%E5%AD%A3%E5%BA%A6%E5%A4%8D%E6%A0%B8',
    ok: 200,
  }),
  'POST /api/audit/verify': () => ({ url: '/api/audit/verify', ok: 200 }),
  ...CUSTOMER_SAMPLES,
  ...(QUESTIONNAIRE_SAMPLES as Record<string, Sample>),
  ...(CALLBACK_SAMPLES as Record<string, Sample>),
  ...(NOTIFICATION_SAMPLES as Record<string, Sample>),
  ...(CALENDAR_SAMPLES as Record<string, Sample>),
  ...(FAQ_SAMPLES as Record<string, Sample>),
  ...(REGISTER_SAMPLES as Record<string, Sample>),
  ...(SURVEY_LINK_SAMPLES as Record<string, Sample>),
  ...(CASES_SAMPLES as Record<string, Sample>),
  ...(COMPLAINT_SAMPLES as Record<string, Sample>),
  ...(REPORT_SAMPLES as Record<string, Sample>),
  ...(KPI_SAMPLES as Record<string, Sample>),
};

export async function fixture(t: TestApp, admin: Session): Promise<Fixture> {
  const db = t.database.db;
  const dealer = async (code: string) =>
    (await db.selectFrom('dealers').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  const shDealer = await dealer('SH001');
  const hzDealer = await dealer('HZ002');
  const target = await t.as(admin, 'POST', '/api/users', {
    username: 'matrix_target',
    displayName: '目标',
    password: 'Initial1234',
    roles: ['cs_agent'],
    dealerId: shDealer,
  });
  const staffOf = async (d: string) =>
    (await db.selectFrom('staff').select('id').where('dealerId', '=', d).limit(1).executeTakeFirstOrThrow()).id;
  const hzUser = (
    await db.selectFrom('users').select('id').where('username', '=', 'hz_agent').executeTakeFirstOrThrow()
  ).id;
  const customer = await db
    .insertInto('customers')
    .values({ dealerId: shDealer, matchKey: 'm:13800001234:王小明', name: '王小明' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const phone = await db
    .insertInto('customerPhones')
    .values({ dealerId: shDealer, customerId: customer.id, phone: '13800001234', kind: 'mobile', isPrimary: true })
    .returning('id')
    .executeTakeFirstOrThrow();
  const run = await db
    .insertInto('importRuns')
    .values({
      dealerId: shDealer,
      kind: 'repair-orders',
      fileName: 'x.csv',
      storedName: 'x.csv',
      format: 'csv',
      bytes: 10,
      mapping: '{}',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const correction = (status: string) =>
    db
      .insertInto('correctionRequests')
      .values({
        dealerId: shDealer,
        customerId: customer.id,
        field: 'address',
        proposedValue: '上海市徐汇区',
        foundHow: '回访',
        department: 'sales',
        raisedBy: admin.me.user.id,
        dueAt: new Date(Date.now() + 86_400_000),
        status,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
      .then((r) => r.id);
  const openCorrections: string[] = [];
  const correctedCorrections: string[] = [];
  for (let i = 0; i < 40; i++) {
    openCorrections.push(await correction('open'));
    correctedCorrections.push(await correction('corrected'));
  }
  return {
    openCorrections,
    correctedCorrections,
    shCustomer: customer.id,
    shPhone: phone.id,
    shRun: run.id,
    ownUser: admin.me.user.id,
    target: target.json().id,
    shDealer,
    shStaff: await staffOf(shDealer),
    hzUser,
    hzStaff: await staffOf(hzDealer),
    hzDealer,
    ...(await questionnaireFixture(t)),
    ...(await callbacksFixture(t, customer.id)),
    ...(await notificationsFixture(t)),
    ...(await faqFixture(t)),
    ...(await registersFixture(t)),
    ...(await surveyLinkFixture(t)),
    ...(await casesFixture(t)),
    ...(await complaintsFixture(t)),
    ...(await reportsFixture(t)),
  };
}
