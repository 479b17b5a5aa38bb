import { tx } from './template-helpers.js';
import { CENTRE_SURVEY } from './template-centre.js';
import { GOVERNMENT_SURVEY } from './template-government.js';
import type { OneResponseRule, SurveyDefinition, SurveyKind, Text } from './types.js';

export interface SurveyTemplate {
  key: Exclude<SurveyKind, 'custom'>;
  slug: string;
  title: Text;
  description: Text;
  rule: OneResponseRule;
  definition: SurveyDefinition;
}

/** The two surveys every unit can start from; the demo ward has them published. */
export const TEMPLATES: SurveyTemplate[] = [
  {
    key: 'centre',
    slug: 'hai-long-trung-tam',
    title: tx('Khảo sát sự hài lòng với Trung tâm Phục vụ hành chính công', 'Satisfaction with the Public Administration Service Centre'),
    description: tx(
      'Phiếu khảo sát ẩn danh, khoảng 3 phút. Ý kiến của ông/bà giúp Trung tâm phục vụ tốt hơn.',
      'An anonymous survey of about 3 minutes. Your answers help the Centre serve you better.'),
    rule: 'device',
    definition: CENTRE_SURVEY,
  },
  {
    key: 'government',
    slug: 'hai-long-chinh-quyen',
    title: tx('Khảo sát sự hài lòng với chính quyền và kết quả "Chính quyền thân thiện"', 'Satisfaction with the government and the "Friendly Government" programme'),
    description: tx(
      'Phiếu khảo sát ẩn danh theo bốn tiêu chí của Đề án "Chính quyền thân thiện", khoảng 5 phút.',
      'An anonymous survey on the four criteria of the "Friendly Government" programme, about 5 minutes.'),
    rule: 'device',
    definition: GOVERNMENT_SURVEY,
  },
];

export const findTemplate = (key: string): SurveyTemplate | undefined => TEMPLATES.find((t) => t.key === key);
