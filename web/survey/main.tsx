import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { pickLang, textsOf } from './i18n';
import { SurveyApp } from './SurveyApp';
import './survey.css';

/**
 * The public mobile survey page at /s/<token>: its own small Vite entry (React only; no antd, no router, no
 * staff bundle), Chinese by default.
 */
const token = decodeURIComponent(window.location.pathname.replace(/^\/s\//, '').split('/')[0] ?? '');
const lang = pickLang(window.location.search);
const tx = textsOf(lang);
document.documentElement.lang = lang;
document.title = tx.title;

const container = document.getElementById('survey-root');
if (!container) throw new Error('#survey-root missing from survey.html');
createRoot(container).render(
  <StrictMode>
    <SurveyApp token={token} lang={lang} tx={tx} />
  </StrictMode>,
);
