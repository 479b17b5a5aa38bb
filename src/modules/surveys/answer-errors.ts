import type { Lang } from './types.js';

/** Why an answer was refused; the message is shown beside the question. */
export type AnswerErrorCode =
  | 'required' | 'unknownOption' | 'notOneOption' | 'outOfRange' | 'notANumber'
  | 'tooLong' | 'unknownRow' | 'unknownQuestion' | 'notText';

export interface AnswerError { questionId: string; code: AnswerErrorCode }

export const ANSWER_ERROR_MESSAGES: Record<Lang, Record<AnswerErrorCode, string>> = {
  vi: {
    required: 'Vui lòng trả lời câu hỏi bắt buộc này.',
    unknownOption: 'Lựa chọn không có trong danh sách.',
    notOneOption: 'Chỉ được chọn một phương án.',
    outOfRange: 'Điểm phải nằm trong khoảng từ 1 đến 5.',
    notANumber: 'Điểm phải là một số nguyên từ 1 đến 5.',
    tooLong: 'Câu trả lời quá dài (tối đa 2.000 ký tự).',
    unknownRow: 'Dòng không có trong bảng câu hỏi.',
    unknownQuestion: 'Câu hỏi không có trong phiếu khảo sát.',
    notText: 'Câu trả lời phải là văn bản.',
  },
  en: {
    required: 'Please answer this required question.',
    unknownOption: 'This choice is not in the list.',
    notOneOption: 'Choose only one option.',
    outOfRange: 'The score must be between 1 and 5.',
    notANumber: 'The score must be a whole number from 1 to 5.',
    tooLong: 'The answer is too long (at most 2,000 characters).',
    unknownRow: 'This row is not in the question.',
    unknownQuestion: 'This question is not in the survey.',
    notText: 'The answer must be text.',
  },
};

export const answerErrorMessage = (code: AnswerErrorCode, lang: Lang = 'vi'): string =>
  ANSWER_ERROR_MESSAGES[lang][code];
