import { AGE_GROUPS, freeText, matrix, scale, single, tx } from './template-helpers.js';
import type { SurveyDefinition } from './types.js';

/**
 * Satisfaction with the Public Administration Service Centre, after the SIPAS index
 * (access, procedures, officials' conduct, results, handling of feedback).
 */
export const CENTRE_SURVEY: SurveyDefinition = {
  sections: [
    { id: 'chung', title: tx('Thông tin chung', 'About your visit'), questions: [
      single('linh-vuc', tx('Ông/bà đến giải quyết thủ tục thuộc lĩnh vực nào?', 'Which area was your procedure in?'), [
        ['ho-tich', 'Hộ tịch', 'Civil status'], ['chung-thuc', 'Chứng thực', 'Certification'],
        ['dat-dai', 'Đất đai, xây dựng', 'Land and construction'], ['xa-hoi', 'Lao động, chính sách xã hội', 'Labour and social policy'],
        ['khac', 'Lĩnh vực khác', 'Other'],
      ]),
      single('tuoi', tx('Ông/bà thuộc nhóm tuổi nào?', 'Your age group'), AGE_GROUPS),
    ] },
    { id: 'tiep-can', title: tx('Tiếp cận dịch vụ', 'Access to the service'), questions: [
      matrix('tiep-can', tx('Ông/bà đánh giá thế nào về việc tiếp cận dịch vụ tại Trung tâm?', 'How do you rate access to the service at the Centre?'), [
        ['noi-ngoi', 'Nơi ngồi chờ có đủ chỗ ngồi, quạt, nước uống', 'The waiting area has enough seats, fans and drinking water'],
        ['chi-dan', 'Biển chỉ dẫn, sơ đồ dễ tìm, dễ hiểu', 'Signs and floor plans are easy to find and read'],
        ['lay-so', 'Lấy số thứ tự và chờ đến lượt thuận tiện', 'Taking a number and waiting for your turn is convenient'],
        ['thiet-bi', 'Trang thiết bị (máy tra cứu, wifi, máy photo) đầy đủ, dễ sử dụng', 'Equipment (look-up computer, wifi, copier) is adequate and easy to use'],
      ]),
    ] },
    { id: 'thu-tuc', title: tx('Thủ tục hành chính', 'The procedure'), questions: [
      matrix('thu-tuc', tx('Ông/bà đánh giá thế nào về thủ tục hành chính đã thực hiện?', 'How do you rate the procedure you carried out?'), [
        ['cong-khai', 'Thủ tục được niêm yết công khai, đầy đủ, chính xác', 'The procedure is posted publicly, completely and correctly'],
        ['thanh-phan', 'Thành phần hồ sơ phải nộp là hợp lý', 'The papers required are reasonable'],
        ['phi', 'Phí, lệ phí đúng quy định đã công khai', 'Fees match the published rules'],
        ['thoi-han', 'Thời hạn giải quyết là hợp lý', 'The processing time is reasonable'],
      ]),
    ] },
    { id: 'cong-chuc', title: tx('Công chức tiếp nhận, giải quyết', "Officials' conduct"), questions: [
      matrix('cong-chuc', tx('Ông/bà đánh giá thế nào về công chức trực tiếp tiếp nhận hồ sơ?', 'How do you rate the official who received your file?'), [
        ['thai-do', 'Thái độ lịch sự, niềm nở ("4 xin", "4 luôn")', 'Polite and welcoming ("4 please", "4 always")'],
        ['huong-dan', 'Hướng dẫn kê khai tận tình, dễ hiểu, một lần là đủ', 'Guidance is patient, clear and complete the first time'],
        ['khong-phien-ha', 'Không gây phiền hà, sách nhiễu, không đòi thêm giấy tờ ngoài quy định', 'No harassment and no papers beyond the rules'],
        ['dung-hen', 'Tuân thủ đúng quy định khi giải quyết hồ sơ', 'Follows the rules when handling the file'],
      ]),
    ] },
    { id: 'ket-qua', title: tx('Kết quả giải quyết', 'The result'), questions: [
      matrix('ket-qua', tx('Ông/bà đánh giá thế nào về kết quả giải quyết thủ tục?', 'How do you rate the result of your procedure?'), [
        ['dung-han', 'Nhận kết quả đúng hoặc sớm hơn hẹn', 'Result received on or before the promised date'],
        ['chinh-xac', 'Kết quả đúng quy định, thông tin chính xác', 'The result is lawful and its information accurate'],
        ['xin-loi', 'Được thông báo, xin lỗi nếu hồ sơ trễ hẹn', 'Told and apologised to if the file was late'],
      ]),
    ] },
    { id: 'gop-y', title: tx('Tiếp nhận, xử lý góp ý, phản ánh, kiến nghị', 'Handling of feedback'), questions: [
      single('da-gop-y', tx('Ông/bà đã từng góp ý, phản ánh, kiến nghị với Trung tâm chưa?', 'Have you ever given feedback to the Centre?'), [
        ['co', 'Đã từng', 'Yes'], ['khong', 'Chưa', 'No'],
      ]),
      scale('xu-ly-gop-y', tx('Nếu đã góp ý: ông/bà hài lòng thế nào với việc tiếp nhận và trả lời?', 'If you did: how satisfied are you with how it was received and answered?'), true, false),
    ] },
    { id: 'tong-the', title: tx('Đánh giá chung', 'Overall'), questions: [
      scale('tong-the', tx('Nhìn chung, ông/bà hài lòng thế nào với sự phục vụ của Trung tâm?', 'Overall, how satisfied are you with the service of the Centre?')),
      freeText('de-xuat', tx('Ông/bà có đề xuất gì để Trung tâm phục vụ tốt hơn?', 'What would help the Centre serve you better?')),
    ] },
  ],
};
