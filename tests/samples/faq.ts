import type { Role } from '../../core/permissions';
import type { Session, TestApp } from '../harness';

/** Route samples and fixture data for the FAQ knowledge base (issue 5, SPEC §3.11). */

export interface FaqFixture {
  /** An SH001 article that stays current (read, edited, used). */
  faqArticle: string;
  /** An SH001 article the archive/restore samples toggle (both are idempotent). */
  faqArchivable: string;
}
type Sample = (f: FaqFixture & { qResponse: string }, role: Role) => { url: string; body?: unknown; ok: number };

export const FAQ_ARTICLE = {
  sourceCode: 'AYT-外来-客服-01',
  sourceVersion: '2014',
  question: '制动时有异响（刹车异响）怎么办？',
  answer: '刹车片磨损到限位时会发出尖锐声响，请尽快到店检查更换。',
  category: '制动系统',
  tags: ['刹车', '异响'],
  validFrom: '2014-01-01',
};

export const FAQ_SAMPLES: Record<string, Sample> = {
  'GET /api/faq': () => ({ url: `/api/faq?q=${encodeURIComponent('刹车异响')}`, ok: 200 }),
  'GET /api/faq/categories': () => ({ url: '/api/faq/categories', ok: 200 }),
  'GET /api/faq/uses': (f) => ({ url: `/api/faq/uses?responseId=${f.qResponse}`, ok: 200 }),
  'GET /api/faq/:id': (f) => ({ url: `/api/faq/${f.faqArticle}`, ok: 200 }),
  'POST /api/faq': () => ({ url: '/api/faq', body: FAQ_ARTICLE, ok: 201 }),
  'PUT /api/faq/:id': (f) => ({ url: `/api/faq/${f.faqArticle}`, body: FAQ_ARTICLE, ok: 200 }),
  'POST /api/faq/:id/archive': (f) => ({ url: `/api/faq/${f.faqArchivable}/archive`, ok: 200 }),
  'POST /api/faq/:id/restore': (f) => ({ url: `/api/faq/${f.faqArchivable}/restore`, ok: 200 }),
  'POST /api/faq/:id/uses': (f) => ({
    url: `/api/faq/${f.faqArticle}/uses`,
    body: { responseId: f.qResponse, note: '按FAQ答复客户' },
    ok: 201,
  }),
  'POST /api/faq/import': () => ({
    url: '/api/faq/import',
    body: { note: 'JSON instead of multipart: refused with 415 once the permission check passed' },
    ok: 415,
  }),
};

export async function faqFixture(t: TestApp): Promise<FaqFixture> {
  const s: Session = await t.login('cs_supervisor');
  const create = async () => {
    const res = await t.as(s, 'POST', '/api/faq', FAQ_ARTICLE);
    if (res.statusCode !== 201) throw new Error(`faq fixture: ${res.statusCode} ${res.body.slice(0, 300)}`);
    return (res.json() as { id: string }).id;
  };
  return { faqArticle: await create(), faqArchivable: await create() };
}
