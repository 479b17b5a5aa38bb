/** Survey definitions as stored (jsonb) in `surveys.draft_definition` and `survey_versions.definition`. */

export type Lang = 'vi' | 'en';
/** Every text a respondent sees exists in Vietnamese and English. */
export interface Text { vi: string; en: string }

export type QuestionType = 'single' | 'multiple' | 'scale' | 'text' | 'matrix';
export const QUESTION_TYPES: QuestionType[] = ['single', 'multiple', 'scale', 'text', 'matrix'];

export interface Choice { id: string; label: Text }

export interface Question {
  id: string;
  type: QuestionType;
  text: Text;
  required: boolean;
  /** single / multiple: the choices. */
  options?: Choice[];
  /** matrix: the rows, each answered on the 1–5 scale. */
  rows?: Choice[];
  /** scale / matrix: labels of points 1..5 (index 0 = 1). */
  scaleLabels?: Text[];
  /** scale / matrix answers count toward the satisfaction index. */
  index?: boolean;
}

export interface Section { id: string; title: Text; questions: Question[] }

export interface SurveyDefinition { sections: Section[] }

export type SurveyStatus = 'draft' | 'published' | 'closed';
export type SurveyKind = 'centre' | 'government' | 'custom';
export type OneResponseRule = 'none' | 'device' | 'phone';
export type Channel = 'online' | 'qr' | 'paper' | 'kiosk' | 'app';
export const CHANNELS: Channel[] = ['online', 'qr', 'paper', 'kiosk', 'app'];

export const SCALE_MIN = 1;
export const SCALE_MAX = 5;

/**
 * A validated answer set: question id → value.
 * single: option id; multiple: option ids; scale: 1..5; text: string; matrix: row id → 1..5.
 */
export type AnswerValue = string | string[] | number | Record<string, number>;
export type Answers = Record<string, AnswerValue>;

export const allQuestions = (def: SurveyDefinition): Question[] =>
  def.sections.flatMap((s) => s.questions);

export const findQuestion = (def: SurveyDefinition, id: string): Question | undefined =>
  allQuestions(def).find((q) => q.id === id);

export const DEFAULT_SCALE_LABELS: Text[] = [
  { vi: 'Rất không hài lòng', en: 'Very dissatisfied' },
  { vi: 'Không hài lòng', en: 'Dissatisfied' },
  { vi: 'Bình thường', en: 'Neutral' },
  { vi: 'Hài lòng', en: 'Satisfied' },
  { vi: 'Rất hài lòng', en: 'Very satisfied' },
];
