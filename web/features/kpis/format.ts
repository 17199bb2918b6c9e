/** A KPI threshold (a fraction) as a percentage without trailing zeros: 0.5 → "50%", 0.555 → "55.5%". */
export const limitPct = (v: number) => `${Number((v * 100).toFixed(2))}%`;
