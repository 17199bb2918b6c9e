import { useState } from 'react';
import { fill, type SurveyTexts } from './i18n';
import type { PublicSurveyData } from './survey-api';

/**
 * The first screen: greeting, the dealer's privacy notice (before the first question, SPEC §8.3), "start",
 * and "不再联系我" with a confirmation step.
 */
export function NoticeStep({
  data,
  tx,
  busy,
  onStart,
  onOptOut,
}: {
  data: PublicSurveyData;
  tx: SurveyTexts;
  busy: boolean;
  onStart: () => void;
  onOptOut: () => void;
}) {
  const [confirming, setConfirming] = useState(false);
  return (
    <main className="notice">
      <h1>{data.firstName ? fill(tx.hello, { name: data.firstName }) : tx.helloNoName}</h1>
      <p className="intro">{fill(tx.intro, { dealer: data.dealerName })}</p>
      <section className="privacy" data-testid="m-privacy">
        <h2>{tx.noticeTitle}</h2>
        <p>{data.privacyNotice}</p>
      </section>
      <button type="button" className="primary" onClick={onStart} disabled={busy} data-testid="m-start">
        {tx.start}
      </button>
      {!confirming ? (
        <button
          type="button"
          className="link"
          onClick={() => setConfirming(true)}
          disabled={busy}
          data-testid="m-optout"
        >
          {tx.optOut}
        </button>
      ) : (
        <div className="confirm" role="alertdialog" aria-label={tx.optOut}>
          <p>{tx.optOutConfirm}</p>
          <button type="button" className="danger" onClick={onOptOut} disabled={busy} data-testid="m-optout-yes">
            {tx.optOutYes}
          </button>
          <button type="button" className="secondary" onClick={() => setConfirming(false)} disabled={busy}>
            {tx.optOutNo}
          </button>
        </div>
      )}
    </main>
  );
}
