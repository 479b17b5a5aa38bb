import { AGE_GROUPS, freeText, matrix, multiple, scale, single, tx } from './template-helpers.js';
import type { SurveyDefinition } from './types.js';

/**
 * Satisfaction with the ward government and with the results of the "Chính quyền thân thiện"
 * programme. One section per criterion of the ward's decision (PHẦN III, I, criteria 1–4).
 */
export const GOVERNMENT_SURVEY: SurveyDefinition = {
  sections: [
    { id: 'chung', title: tx('Thông tin chung', 'About you'), questions: [
      single('tuoi', tx('Ông/bà thuộc nhóm tuổi nào?', 'Your age group'), AGE_GROUPS),
      single('lien-he', tx('Trong 12 tháng qua, ông/bà có làm việc với Ủy ban nhân dân phường không?', 'In the last 12 months, did you deal with the ward People’s Committee?'), [
        ['co', 'Có', 'Yes'], ['khong', 'Không', 'No'],
      ]),
    ] },
    { id: 'tc1', title: tx('Tiêu chí 1: Chính quyền công khai, minh bạch', 'Criterion 1: An open, transparent government'), questions: [
      matrix('cong-khai', tx('Ông/bà đánh giá thế nào về việc công khai, minh bạch của chính quyền phường?', 'How do you rate the openness of the ward government?'), [
        ['thu-tuc', 'Công khai thủ tục hành chính, phí, lệ phí', 'Procedures, fees and charges are published'],
        ['dien-thoai', 'Công khai số điện thoại lãnh đạo, cán bộ và đường dây nóng', 'Phone numbers of leaders, officials and the hotline are published'],
        ['lich', 'Công khai lịch công tác, lịch tiếp công dân', 'Work calendars and citizen-reception days are published'],
        ['giam-sat', 'Dễ dàng góp ý, phản ánh (hòm thư, đường dây nóng, ứng dụng, Zalo)', 'Giving feedback is easy (mailbox, hotline, app, Zalo)'],
      ]),
    ] },
    { id: 'tc2', title: tx('Tiêu chí 2: Chính quyền thân thiện, hành động, vì Nhân dân phục vụ', 'Criterion 2: A friendly government that acts and serves the people'), questions: [
      matrix('than-thien', tx('Ông/bà đánh giá thế nào về tinh thần phục vụ Nhân dân?', 'How do you rate the spirit of service?'), [
        ['trong-ngay', 'Ngày giải quyết nhanh, trả kết quả trong ngày', 'The weekly same-day result day'],
        ['tai-nha', 'Tiếp nhận, trả kết quả tại nhà cho người khó khăn đi lại', 'Home service for people who cannot travel'],
        ['tham-hoi', 'Thăm hỏi, chúc mừng, động viên, gửi thư cảm ơn, xin lỗi', 'Visits, greetings, thank-you and apology letters'],
        ['lang-nghe', 'Lắng nghe, giải quyết kiến nghị của người dân kịp thời', 'Listening to and resolving residents’ requests in time'],
      ]),
    ] },
    { id: 'tc3', title: tx('Tiêu chí 3: Đội ngũ cán bộ, công chức chuyên nghiệp, trách nhiệm, gương mẫu, thân thiện', 'Criterion 3: Professional, responsible, exemplary and friendly officials'), questions: [
      matrix('can-bo', tx('Ông/bà đánh giá thế nào về cán bộ, công chức phường?', 'How do you rate the ward’s officials?'), [
        ['4-xin', 'Thực hiện "4 xin": xin chào, xin lỗi, xin cảm ơn, xin phép', '"4 please": greet, apologise, thank, ask permission'],
        ['4-luon', 'Thực hiện "4 luôn": luôn mỉm cười, nhẹ nhàng, lắng nghe, giúp đỡ', '"4 always": smile, gentle, listen, help'],
        ['5-khong', 'Thực hiện "5 không": không hách dịch, quan liêu, tham nhũng, gian dối, lạm quyền', '"5 never": no arrogance, red tape, corruption, deceit or abuse of power'],
        ['tac-phong', 'Đeo thẻ, trang phục đúng quy định, tác phong chuẩn mực', 'Badges, uniforms and proper manners'],
        ['lanh-dao', 'Lãnh đạo phường xuống cơ sở, tiếp công dân, đối thoại với Nhân dân', 'Ward leaders visit neighbourhoods, receive and talk with residents'],
      ]),
    ] },
    { id: 'tc4', title: tx('Tiêu chí 4: Chính quyền xanh, văn minh, hiện đại', 'Criterion 4: A green, civilised, modern government'), questions: [
      matrix('xanh', tx('Ông/bà đánh giá thế nào về môi trường làm việc và ứng dụng công nghệ?', 'How do you rate the workplace and the use of technology?'), [
        ['xanh-sach', 'Trụ sở xanh, sạch, đẹp; có chỗ để xe miễn phí', 'Green, clean premises with free parking'],
        ['tien-nghi', 'Nơi chờ có ghế, mái che, nước uống, wifi miễn phí', 'Waiting areas with seats, shade, water and free wifi'],
        ['so-hoa', 'Mã QR, dịch vụ công trực tuyến, máy lấy số, thiết bị đánh giá', 'QR codes, online services, queue machines, rating devices'],
        ['truyen-thanh', 'Truyền thanh số, biểu quyết trực tuyến ở tổ dân phố', 'Digital broadcasting and online voting in neighbourhoods'],
      ]),
    ] },
    { id: 'tong-the', title: tx('Đánh giá chung', 'Overall'), questions: [
      scale('chinh-quyen', tx('Nhìn chung, ông/bà hài lòng thế nào với chính quyền phường?', 'Overall, how satisfied are you with the ward government?')),
      scale('de-an', tx('Ông/bà hài lòng thế nào với kết quả thực hiện "Chính quyền thân thiện" ở phường?', 'How satisfied are you with the results of the "Friendly Government" programme?')),
      multiple('can-cai-thien', tx('Theo ông/bà, tiêu chí nào cần cải thiện nhất?', 'Which criteria need the most improvement?'), [
        ['tc1', 'Công khai, minh bạch', 'Openness and transparency'],
        ['tc2', 'Thân thiện, vì Nhân dân phục vụ', 'Friendliness and service'],
        ['tc3', 'Đội ngũ cán bộ, công chức', 'Officials'],
        ['tc4', 'Xanh, văn minh, hiện đại', 'Green, civilised, modern'],
      ]),
      freeText('y-kien', tx('Ý kiến khác của ông/bà', 'Other comments')),
    ] },
  ],
};
