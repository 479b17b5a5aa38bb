/** Demo texts: the reception rules (nội quy tiếp công dân) and the no-harassment commitment. */
export const RECEPTION_RULES = {
  title: 'Nội quy tiếp công dân của Ủy ban nhân dân phường Chu Văn An',
  body: [
    'Điều 1. Công dân đến nơi tiếp công dân phải có giấy tờ tùy thân (Căn cước công dân hoặc Căn cước); trường hợp được ủy quyền phải có giấy ủy quyền hợp pháp.',
    'Điều 2. Công dân có trang phục chỉnh tề, thái độ đúng mực; không mang vũ khí, chất dễ cháy, nổ, chất độc hại vào nơi tiếp công dân; không say rượu, bia.',
    'Điều 3. Công dân trình bày trung thực sự việc, cung cấp thông tin, tài liệu liên quan và ký xác nhận nội dung đã trình bày.',
    'Điều 4. Trường hợp nhiều người cùng khiếu nại, tố cáo, kiến nghị về một nội dung thì cử đại diện không quá 05 người để trình bày.',
    'Điều 5. Công dân tuân thủ sự hướng dẫn của người tiếp công dân; không gây rối trật tự, không xúc phạm, đe dọa người tiếp công dân và người khác.',
    'Điều 6. Người tiếp công dân mặc trang phục chỉnh tề, đeo thẻ công chức; có thái độ đúng mực, tôn trọng công dân; lắng nghe, hướng dẫn, giải thích rõ ràng.',
    'Điều 7. Người tiếp công dân không được gây phiền hà, sách nhiễu, nhận quà biếu; không tiết lộ thông tin, tài liệu, bút tích của người tố cáo.',
    'Điều 8. Lịch tiếp công dân định kỳ của Chủ tịch UBND phường: sáng thứ Năm hằng tuần tại Phòng tiếp công dân, trụ sở UBND phường. Ngày thường, công chức tiếp công dân trực trong giờ hành chính.',
    'Điều 9. Công dân vi phạm nội quy, tùy theo mức độ, bị nhắc nhở, từ chối tiếp hoặc đề nghị cơ quan chức năng xử lý theo quy định của pháp luật.',
  ].join('\n\n'),
};

export const COMMITMENT = {
  title: 'Cam kết không gây phiền hà, sách nhiễu, tiêu cực trong thực hiện nhiệm vụ, công vụ',
  body: [
    'Cán bộ, công chức, người lao động UBND phường Chu Văn An cam kết:',
    '1. Giải quyết thủ tục hành chính đúng quy trình, đúng thời hạn; hướng dẫn người dân một lần đầy đủ, không yêu cầu giấy tờ ngoài quy định.',
    '2. Không gây phiền hà, sách nhiễu, không nhận tiền, quà hoặc lợi ích khác của tổ chức, công dân dưới bất kỳ hình thức nào.',
    '3. Trường hợp hồ sơ trễ hạn, gửi Phiếu xin lỗi và hẹn lại ngày trả kết quả, nêu rõ lý do.',
    '4. Có thái độ thân thiện, lịch sự, tôn trọng người dân; "4 xin, 4 luôn": xin chào, xin lỗi, xin cảm ơn, xin phép; luôn mỉm cười, luôn nhẹ nhàng, luôn lắng nghe, luôn giúp đỡ.',
    '5. Mọi phản ánh về hành vi gây phiền hà, sách nhiễu xin gửi về đường dây nóng của UBND phường hoặc hòm thư góp ý tại trụ sở; người đứng đầu chịu trách nhiệm xử lý và trả lời công khai.',
  ].join('\n\n'),
};
