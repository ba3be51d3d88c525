import type { ConsultationBody } from '../queries';
import { membersFrom } from '../prospects/prospect-forms';

/** まちかど労働相談 as the form edits it. */
export interface ConsultationValues {
  receivedOn: string;
  channel: ConsultationBody['channel'];
  topics: ConsultationBody['topics'];
  employerName: string;
  workersConcerned: string;
  summary: string;
  prospectId: string;
}

export const emptyConsultation = (today: string): ConsultationValues => ({
  receivedOn: today,
  channel: 'street',
  topics: [],
  employerName: '',
  workersConcerned: '',
  summary: '',
  prospectId: '',
});

/** After a consultation is recorded: the day and the channel stay for the next one, the rest is cleared. */
export const nextConsultation = (recorded: ConsultationValues): ConsultationValues => ({
  ...emptyConsultation(recorded.receivedOn),
  channel: recorded.channel,
});

/** The form's own checks: at least one topic, and what happened. */
export const consultationChecks = {
  topics: (topics: readonly string[]) => (topics.length === 0 ? '相談内容の分類を1つ以上選んでください' : null),
  summary: (summary: string) => (summary.trim() ? null : '入力してください'),
};

/** What the API is sent: empty optional fields left out, the count of workers only when one was typed. */
export function consultationBody(values: ConsultationValues): ConsultationBody {
  const workers = membersFrom(values.workersConcerned);
  return {
    receivedOn: values.receivedOn,
    channel: values.channel,
    topics: values.topics,
    ...(values.employerName.trim() ? { employerName: values.employerName.trim() } : {}),
    ...(workers ? { workersConcerned: workers } : {}),
    summary: values.summary.trim(),
    ...(values.prospectId ? { prospectId: values.prospectId } : {}),
  };
}
