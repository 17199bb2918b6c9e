import type { Widen } from '../i18n/messages';
import type { surveyZhCN } from './i18n.zh-CN';

/** Texts of the public mobile survey page (English, `?lang=en`). */
export const surveyEn: Widen<typeof surveyZhCN> = {
  title: 'Satisfaction survey',
  loading: 'Loading…',
  hello: 'Hello {{name}}!',
  helloNoName: 'Hello!',
  intro: 'Thank you for choosing {{dealer}}. Please take one minute to tell us how we did.',
  noticeTitle: 'How we handle your information',
  start: 'Agree and start',
  optOut: 'Do not contact me again',
  optOutConfirm: 'After this, we will not contact you again for satisfaction callbacks. Are you sure?',
  optOutYes: 'Yes, do not contact me',
  optOutNo: 'Back',
  submit: 'Submit',
  submitting: 'Submitting…',
  required: 'required',
  na: 'Not applicable',
  yes: 'Yes',
  no: 'No',
  praise: 'Anything else you would like to tell us? (optional)',
  fixErrors: 'Some required questions are not answered yet; see the ones marked in red',
  issueRequired: 'Please answer this question',
  issueInvalid: 'This answer is not acceptable',
  thanksTitle: 'Thank you!',
  thanksBody: '{{dealer}} has received your feedback.',
  optedOutTitle: 'Your choice is recorded',
  optedOutBody: '{{dealer}} will not contact you again for satisfaction callbacks.',
  closeHint: 'You can close this page now.',
  errors: {
    SURVEY_LINK_INVALID: {
      title: 'Invalid link',
      body: 'Check that the link is complete, or ask the dealer to send it again.',
    },
    SURVEY_LINK_USED: {
      title: 'This survey has already been submitted',
      body: 'Each link can be used once. Thank you!',
    },
    SURVEY_LINK_EXPIRED: {
      title: 'This link has expired',
      body: 'Please contact the dealer if you would like to give feedback.',
    },
    SURVEY_LINK_REVOKED: {
      title: 'This link is no longer valid',
      body: 'It was replaced by a newer link, or the survey has ended.',
    },
    RATE_LIMITED: { title: 'Too many attempts', body: 'Please wait a minute and try again.' },
    OTHER: {
      title: 'Cannot open the survey now',
      body: 'A network or server problem occurred; please try again later.',
    },
  },
  retry: 'Try again',
};
