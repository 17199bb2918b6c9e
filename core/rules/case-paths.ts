/**
 * The resolution-path matrix of SPEC §4.7 and the channel of a survey task: pure and calendar-free, so the web
 * open-case dialog uses the same table as the server (re-exported by core/rules/case-routing.ts).
 */
import type { CaseChannel, RequestedPath } from '../contracts/cases';

export type Line = 'after_sales' | 'sales';
export const lineOf = (channel: CaseChannel): Line => (channel.startsWith('sales') ? 'sales' : 'after_sales');

/**
 * The resolution-path matrix (SPEC §4.7 table): which answers the agent may choose on a channel.
 * After-sales on-site: FAQ / coordinate the SA / form (§4.2.3). After-sales phone: FAQ or tech manual / "cannot
 * be solved on the phone" (§4.3.3). Sales on-site: direct answer / coordinate the SC / form (§4.4.3). Sales
 * phone: FAQ / form (§4.5.4).
 */
export function allowedPaths(channel: CaseChannel): RequestedPath[] {
  return channel === 'as_onsite' || channel === 'sales_onsite' ? ['a', 'b', 'follow_up'] : ['a', 'follow_up'];
}

/** The survey channel of a callback task type (on-site / phone, after-sales / sales); null for other tasks. */
export function channelOfTaskType(type: string | null): CaseChannel | null {
  const map: Record<string, CaseChannel> = {
    AS_ONSITE: 'as_onsite',
    AS_PHONE: 'as_phone',
    SALES_ONSITE: 'sales_onsite',
    SALES_PHONE: 'sales_phone',
  };
  return (type && map[type]) || null;
}
