import { FAQ_SOURCES, FaqArticleInput } from '../../../core/contracts/faq';
import * as q from '../../features/faq/faq.queries';
import { articleValues } from '../../features/faq/faq.service';
import type { Db } from '../client';
import { DEMO_FAQ } from './demo-faq-articles';

const SOURCE = { CRM: FAQ_SOURCES[0].code, TECH: FAQ_SOURCES[1].code } as const;
const VERSION = { CRM: 'V3.0', TECH: '2014' } as const;

/** Seeds the demo FAQ articles (both source documents) into every dealer that has none yet. */
export async function seedDemoFaq(db: Db): Promise<number> {
  const dealers = await db.selectFrom('dealers').select('id').execute();
  let n = 0;
  for (const { id: dealerId } of dealers) {
    const has = await db.selectFrom('faqArticles').select('id').where('dealerId', '=', dealerId).limit(1).execute();
    if (has.length) continue;
    await db.transaction().execute(async (tx) => {
      for (const [source, category, question, answer, tags] of DEMO_FAQ) {
        const input = FaqArticleInput.parse({
          sourceCode: SOURCE[source],
          sourceVersion: VERSION[source],
          question,
          answer,
          category,
          tags: tags.split(','),
          validFrom: source === 'TECH' ? '2014-01-01' : '2024-01-01',
        });
        const row = await q.insertArticle(tx, dealerId, null, articleValues(input));
        await q.insertRevision(tx, dealerId, row.id, 'import', { userId: null, name: '演示数据' });
        n++;
      }
    });
  }
  return n;
}
