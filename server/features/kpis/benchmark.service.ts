import type { BenchmarkQuery, KpiBenchmark } from '../../../core/contracts/kpis';
import { averagePosition } from '../../../core/rules/benchmarks';
import { defaultRange, periodStart } from '../../../core/rules/kpi-periods';
import type { Db } from '../../db/client';
import type { Actor } from '../../http/actor';
import { benchmarkScores } from './dashboard.queries';
import { localDay } from './kpis.service';

/**
 * Regional and national averages and ranks computed in Manyi (SPEC §5.5 needs them): the mean of the dealers'
 * scores over every dealer on record (each dealer weighs once), the dealer's national competition rank, and its
 * position (above both / below one / below both). The actor sees only the dealers of their scope: a group
 * analyst every dealer of the group or region, a dealer user their own dealer with the averages and the count,
 * never another dealer's identity.
 */
export async function benchmark(db: Db, actor: Actor, q: BenchmarkQuery, now = new Date()): Promise<KpiBenchmark> {
  const tz = actor.dealers[0]?.timeZone ?? 'Asia/Shanghai';
  const def = defaultRange(localDay(now, tz));
  const from = q.from ?? def.from;
  const to = q.to ?? (from > def.to ? from : def.to);
  const rows = await benchmarkScores(db, {
    fromMonth: periodStart(from, 'month'),
    toMonth: periodStart(to, 'month'),
    businessLine: q.businessLine,
  });
  const mine = rows.filter((r) => r.factor === q.factor);
  const num = (s: string | null) => (s === null ? null : Number(s));
  const national = num(mine.find((r) => r.level === 'national')?.score ?? null);
  const regional = new Map(mine.filter((r) => r.level === 'region').map((r) => [r.regionId, num(r.score)]));
  const visible = new Map(actor.dealers.map((d) => [d.id, d]));
  const dealers = mine
    .filter((r) => r.level === 'dealer' && r.dealerId && visible.has(r.dealerId))
    .map((r) => {
      const d = visible.get(r.dealerId as string)!;
      const score = num(r.score);
      const reg = regional.get(r.regionId) ?? null;
      return {
        dealerId: d.id,
        code: d.code,
        name: d.name,
        regionName: d.regionName,
        score,
        responses: r.responses,
        rank: r.rank,
        regionalAverage: reg,
        position: score !== null && reg !== null && national !== null ? averagePosition(score, reg, national) : null,
      };
    });
  const regionIds = new Set(actor.dealers.map((d) => d.regionId));
  const regionNames = new Map(actor.dealers.map((d) => [d.regionId, d.regionName]));
  return {
    national,
    regions: [...regional]
      .filter(([id]) => id !== null && regionIds.has(id))
      .map(([id, score]) => ({ regionId: id as string, regionName: regionNames.get(id as string) ?? '', score })),
    dealers,
    dealerCount: mine.filter((r) => r.level === 'dealer').length,
  };
}
