import type { RubricIndicator, Rubric, ScoringRule } from './model.js';
import { MANUAL } from './manual-indicators.js';

// Bands shared by most percentages: 100 % of the points from 95 %, three quarters from 85 %, half from 70 %.
const PCT: ScoringRule = { kind: 'bands', bands: [{ min: 95, share: 1 }, { min: 85, share: 0.75 }, { min: 70, share: 0.5 }] };
// Satisfaction: the seed decision's survey targets (≥ 90 % satisfied for full points).
const SATISFACTION: ScoringRule = { kind: 'bands', bands: [{ min: 90, share: 1 }, { min: 80, share: 0.75 }, { min: 70, share: 0.5 }] };
const YES: ScoringRule = { kind: 'boolean' };
const MANUAL_RULE: ScoringRule = { kind: 'manual' };
const AT_LEAST_ONE: ScoringRule = { kind: 'threshold', min: 1 };
const NONE: ScoringRule = { kind: 'threshold', max: 0 };

const ind = (key: string, vi: string, en: string, sources: string[],
  rule: ScoringRule, points: number, extra: Partial<RubricIndicator> = {}): RubricIndicator =>
  ({ key, label: { vi, en }, sources, rule, points, ...extra });

/**
 * The default rubric: every bullet of the seed decision's four criteria (Đề án "Chính quyền thân
 * thiện", Phần III.I) is an indicator, measured from the modules (docs/indicators.md) or entered
 * with evidence. 100 points: criterion 1 and 2 weigh 30 each, criterion 3 and 4 weigh 20 each.
 * The seed decision names Levels 1–4 but no thresholds; these are the product's proposal and a
 * city publishes its own rubric to change them.
 */
export const DEFAULT_RUBRIC: Rubric = {
  key: 'default',
  version: 1,
  title: { vi: 'Bộ tiêu chí "Chính quyền thân thiện" (mặc định)', en: '"Friendly government" criteria (default)' },
  basis: 'Đề án xây dựng "Chính quyền thân thiện", Phần III.I – bốn tiêu chí',
  criteria: [
    {
      id: 'c1', number: 1, title: { vi: 'Chính quyền công khai, minh bạch', en: 'Open and transparent government' },
      indicators: [
        ind('c1.procedures', 'Công khai thủ tục hành chính, phí, lệ phí đầy đủ', 'Procedures published in full (fees, time, steps)',
          ['catalogue.procedures_complete'], PCT, 4),
        ind('c1.directory', 'Công khai số điện thoại lãnh đạo và cán bộ, công chức', 'Phone numbers of leaders and officials published',
          ['transparency.directory_complete'], PCT, 3),
        ind('c1.reception', 'Công khai nội quy và lịch tiếp công dân', 'Citizen reception rules and schedule published',
          ['transparency.reception_schedule_published'], YES, 2),
        ind('c1.weekly_calendar', 'Lịch công tác tuần đăng đúng hạn', 'Weekly work calendar published on time',
          ['transparency.weekly_calendar_on_time'], PCT, 3),
        ind('c1.hotline', 'Công khai số đường dây nóng', 'Hotline published', ['transparency.hotline_published'], YES, 2),
        ind('c1.commitment', 'Công khai cam kết không phiền hà, sách nhiễu', 'No-harassment commitment published',
          ['transparency.commitment_published'], YES, 2),
        ind('c1.land', 'Công khai bồi thường, hỗ trợ, tái định cư', 'Land compensation and resettlement disclosures',
          [MANUAL.landDisclosure], MANUAL_RULE, 1),
        ind('c1.online_stats', 'Công khai tình hình giải quyết TTHC trực tuyến hằng tháng', 'Monthly online-procedure statistics published',
          ['transparency.online_stats_published'], PCT, 2),
        ind('c1.reviews', 'Định kỳ rà soát, cập nhật nội dung công khai', 'Published content reviewed on schedule',
          ['transparency.reviews_not_overdue'], PCT, 2),
        ind('c1.publicity_forms', 'Hình thức công khai: niêm yết, trang TTĐT, truyền thanh, mạng xã hội, báo chí',
          'Publication channels used',
          [MANUAL.publicityForms], MANUAL_RULE, 1),
        ind('c1.feedback_channels', 'Kênh tiếp nhận phản ánh hoạt động (hòm thư, email, Zalo, Facebook, đường dây nóng, App)',
          'Active feedback channels',
          ['feedback.channels_active'],
          { kind: 'bands', bands: [{ min: 6, share: 1 }, { min: 4, share: 0.5 }] }, 2),
        ind('c1.feedback_on_time', 'Phản ánh, kiến nghị được trả lời đúng hạn', 'Feedback answered on time',
          ['feedback.answered_on_time'], PCT, 3),
        ind('c1.weekly_intake', 'Tiếp nhận ý kiến qua MTTQ, đoàn thể, tổ trưởng ít nhất 1 lần/tuần',
          'Weekly intake through mass organisations',
          ['feedback.weekly_intake_coverage'], PCT, 2),
        ind('c1.front_supervision', 'Mặt trận Tổ quốc giám sát hoạt động của chính quyền, cán bộ', "Fatherland Front's supervision held",
          [MANUAL.frontSupervision], MANUAL_RULE, 1),
      ],
    },
    {
      id: 'c2', number: 2,
      title: { vi: 'Chính quyền thân thiện, hành động, vì Nhân dân phục vụ', en: 'Friendly government acting for the people' },
      indicators: [
        ind('c2.on_time', 'Hồ sơ TTHC giải quyết đúng và trước hạn', 'Dossiers settled on time', ['dossiers.on_time_rate'], PCT, 4),
        ind('c2.fast_track', 'Ngày giải quyết nhanh, trả kết quả trong ngày (tuần có / số tuần)', 'Fast-track day operated (weeks)',
          ['dossiers.fast_track_weeks'], PCT, 3),
        ind('c2.home_service', 'Tiếp nhận, trả kết quả tại nhà cho người không đi lại được', 'Home service requests served',
          ['dossiers.home_service_served'], PCT, 2),
        ind('c2.volunteers', 'Đoàn viên, hội viên hỗ trợ tại Trung tâm (ngày có / ngày làm việc)',
          'Volunteers at the centre (days covered)',
          ['outreach.volunteer_days_covered'], PCT, 2),
        ind('c2.marriage_letters', 'Trao giấy chứng nhận kết hôn kèm thư chúc mừng', 'Marriage certificates with a congratulation letter',
          ['outreach.letters_marriage'], PCT, 2),
        ind('c2.condolence', 'Thăm hỏi, gửi thư chia buồn', 'Condolence letters or visits',
          ['outreach.letters_condolence'], AT_LEAST_ONE, 1),
        ind('c2.thanks', 'Gửi thư cảm ơn người dân, tổ chức, doanh nghiệp đóng góp', 'Thank-you letters',
          ['outreach.letters_thanks'], AT_LEAST_ONE, 1),
        ind('c2.commendation', 'Gửi thư biểu dương công dân có sáng kiến', 'Commendation letters',
          ['outreach.letters_commendation'], AT_LEAST_ONE, 1),
        ind('c2.apology', 'Gửi thư xin lỗi khi hồ sơ quá hạn', 'Apology letters for overdue dossiers',
          ['outreach.letters_apology', 'dossiers.overdue_apologised'], PCT, 2),
        ind('c2.greetings', 'Người đứng đầu chúc mừng Nhân dân dịp năm mới, ngày lễ lớn', "Head's greetings on new year and holidays",
          ['outreach.greetings_published'], PCT, 2),
        ind('c2.contributors', 'Gặp gỡ tổ chức, cá nhân ủng hộ địa phương, người có uy tín (hằng năm)', 'Annual meeting with contributors',
          ['outreach.contributor_meetings'], AT_LEAST_ONE, 2),
        ind('c2.centre_satisfaction', 'Mức độ hài lòng với Trung tâm Phục vụ hành chính công', 'Satisfaction with the service centre',
          ['surveys.centre_satisfaction', 'centre.rating_satisfied'], SATISFACTION, 4),
        ind('c2.government_satisfaction', 'Mức độ hài lòng với chính quyền và "Chính quyền thân thiện"', 'Satisfaction with the government',
          ['surveys.government_satisfaction'], SATISFACTION, 4),
      ],
    },
    {
      id: 'c3', number: 3,
      title: { vi: 'Đội ngũ cán bộ, công chức chuyên nghiệp, trách nhiệm, gương mẫu, thân thiện',
        en: 'Professional, responsible, exemplary, friendly officials' },
      indicators: [
        ind('c3.field_visits', 'Lãnh đạo xuống tổ dân phố ít nhất 1 lần/tuần', 'Weekly leader field visits',
          ['leadership.weekly_field_visits'], PCT, 4),
        ind('c3.head_reception', 'Người đứng đầu tiếp công dân ít nhất 1 lần/tháng', "Head's monthly citizen reception",
          ['leadership.head_monthly_reception'], PCT, 4),
        ind('c3.complaints_on_time', 'Khiếu nại, tố cáo giải quyết đúng hạn', 'Complaints resolved on time',
          ['leadership.complaints_resolved_on_time'], PCT, 3),
        ind('c3.resolved_at_ward', 'Giải quyết dứt điểm từ cơ sở, không vượt cấp', 'Cases closed at the ward',
          ['leadership.resolved_at_ward'], PCT, 2),
        ind('c3.training', 'Cán bộ, công chức được bồi dưỡng tin học, ngoại ngữ, kỹ năng giao tiếp', 'Officials trained this year',
          ['leadership.training_coverage'], PCT, 1),
        ind('c3.uniform', 'Đeo thẻ, mặc đồng phục; thực hiện "4 xin", "4 luôn", "5 không"', 'Badges, uniforms and the code of conduct',
          [MANUAL.uniformConduct], MANUAL_RULE, 1),
        ind('c3.no_discipline', 'Không có cán bộ, công chức bị kỷ luật', 'No official disciplined',
          ['leadership.officials_disciplined'], NONE, 3, { requiredFromLevel: 2 }),
        ind('c3.no_violations', 'Không vi phạm nội quy (rượu bia, vắng mặt không lý do)', 'No working-rule violations',
          ['leadership.rule_violations'], NONE, 2, { requiredFromLevel: 3 }),
      ],
    },
    {
      id: 'c4', number: 4, title: { vi: 'Chính quyền xanh, văn minh, hiện đại', en: 'Green, civilised, modern government' },
      indicators: [
        ind('c4.green_parking', 'Cây xanh, chỗ để xe miễn phí', 'Trees and free parking', [MANUAL.greenParking], MANUAL_RULE, 2),
        ind('c4.comfort', 'Ghế ngồi, quạt/điều hòa, nước uống, mái che trong và ngoài Trung tâm',
          'Seats, fans/air conditioning, drinking water, shelter',
          [MANUAL.comfort], MANUAL_RULE, 2),
        ind('c4.name_plates', 'Biển tên, chức danh, số điện thoại công chức', 'Name plates with title and phone',
          [MANUAL.namePlates], MANUAL_RULE, 1),
        ind('c4.equipment', 'Máy photo, scan, in, máy tính tra cứu, dịch vụ công trực tuyến, VNeID',
          'Copier, scanner, printer, look-up computer, VNeID',
          [MANUAL.equipment], MANUAL_RULE, 2),
        ind('c4.wifi', 'Wi-Fi miễn phí', 'Free Wi-Fi', [MANUAL.wifi], MANUAL_RULE, 1),
        ind('c4.cameras', 'Hệ thống camera giám sát', 'Surveillance cameras', [MANUAL.cameras], MANUAL_RULE, 1),
        ind('c4.fee_qr', 'Mã QR tra cứu thủ tục, thanh toán phí, lệ phí', 'QR codes for look-up and fee payment',
          ['catalogue.fee_qr_enabled'], YES, 1),
        ind('c4.queue', 'Thiết bị bấm số thứ tự tự động', 'Automatic queue tickets', ['centre.queue_in_use'], YES, 2),
        ind('c4.rating_devices', 'Thiết bị điện tử để người dân đánh giá trực tiếp', 'Electronic rating devices',
          ['centre.rating_devices_in_use'], YES, 2),
        ind('c4.ai', 'Ứng dụng AI hướng dẫn, tra cứu thủ tục', 'AI assistant for procedures', ['assistant.questions_answered'],
          { kind: 'bands', bands: [{ min: 80, share: 1 }, { min: 50, share: 0.5 }] }, 1),
        ind('c4.digital_radio', 'Truyền thanh kỹ thuật số đến tổ dân phố (bản tin/tháng)', 'Digital radio announcements per month',
          ['community.broadcasts_published'], { kind: 'count', target: 4, per: 'month' }, 2),
        ind('c4.app_adoption', 'Hộ gia đình dùng ứng dụng công dân của thành phố', 'Households using the city app',
          ['community.app_adoption'],
          { kind: 'bands', bands: [{ min: 60, share: 1 }, { min: 40, share: 0.5 }] }, 1),
        ind('c4.online_votes', 'Lấy ý kiến, biểu quyết trực tuyến của cộng đồng', 'Online community votes held',
          ['community.online_votes_held'], AT_LEAST_ONE, 1),
        ind('c4.innovation', 'Mô hình, sáng kiến được công nhận trong năm', 'Innovative model recognised this year',
          [MANUAL.innovation], MANUAL_RULE, 1),
      ],
    },
  ],
  levels: [
    { level: 1, minPercent: 50, minCriterionPercent: 30 },
    { level: 2, minPercent: 65, minCriterionPercent: 50 },
    { level: 3, minPercent: 80, minCriterionPercent: 65 },
    { level: 4, minPercent: 90, minCriterionPercent: 80 },
  ],
};
