/** Demo items of phường Chu Văn An (fictional people and numbers). */
import type { CategoryCode, Channel } from './categories.js';

export interface DemoItem {
  category: CategoryCode;
  channel: Channel;
  content: string;
  /** Days before the seed's "today" it arrived. */
  ageDays: number;
  /** Where it got to. */
  stage: 'received' | 'classified' | 'assigned' | 'in_progress' | 'answered' | 'closed' | 'rejected';
  sender?: { name?: string; phone?: string; email?: string };
  address?: string;
  box?: string;
  reply?: string;
  summary?: string;
  /** The reviewed public reply for the board; published items without one get BOARD_REPLY_FALLBACK. */
  boardReply?: string;
  /** What the moderator approved for the board: a place name and the sender's point (published rounded). */
  place?: string;
  point?: [number, number];
  rating?: number;
  dept?: string;
  late?: boolean;
}

/** The public reply of a demo item the moderator published without writing a specific one. */
export const BOARD_REPLY_FALLBACK = 'Phường đã tiếp nhận, xử lý và trả lời người phản ánh theo quy định.';

const R = (content: string, rest: Omit<DemoItem, 'content'>): DemoItem => ({ content, ...rest });

export const DEMO_ITEMS: DemoItem[] = [
  R('Đèn chiếu sáng ngõ 42 phố Chu Văn An bị hỏng gần một tuần, buổi tối rất tối, người già đi lại khó khăn.', { category: 'infrastructure', channel: 'web', ageDays: 3, stage: 'received', address: 'Ngõ 42 Chu Văn An' }),
  R('Rác thải sinh hoạt tập kết tại đầu ngõ 15 không được thu gom đúng giờ, bốc mùi hôi.', { category: 'environment', channel: 'zalo', ageDays: 2, stage: 'classified', dept: 'KT', address: 'Ngõ 15 Trần Quang Khải' }),
  R('Đề nghị phường bố trí thêm ghế chờ tại Trung tâm Phục vụ hành chính công vào buổi sáng thứ Hai.', { category: 'suggestion', channel: 'suggestion_box', box: 'Hòm thư trụ sở UBND phường', ageDays: 9, stage: 'answered', dept: 'TTPVHCC', reply: 'Trung tâm đã bổ sung 12 ghế chờ từ ngày thứ Hai tuần này. Cảm ơn ông/bà đã góp ý.', summary: 'Đề nghị bổ sung ghế chờ tại Trung tâm Phục vụ hành chính công.', boardReply: 'Trung tâm Phục vụ hành chính công đã bổ sung ghế chờ cho buổi sáng thứ Hai.', rating: 5 }),
  R('Cảm ơn chị cán bộ một cửa đã hướng dẫn tận tình thủ tục đăng ký khai sinh cho cháu.', { category: 'praise', channel: 'web', ageDays: 6, stage: 'closed', dept: 'TTPVHCC', reply: 'Ủy ban nhân dân phường trân trọng cảm ơn ý kiến của ông/bà.', summary: 'Khen ngợi cán bộ một cửa hướng dẫn thủ tục khai sinh tận tình.', rating: 5, sender: { name: 'Nguyễn Thị Hoa', email: 'hoa.nguyen@example.vn' } }),
  R('Hồ sơ chứng thực của tôi nộp từ tuần trước nhưng chưa nhận được kết quả, không ai báo lý do.', { category: 'procedure', channel: 'hotline', ageDays: 14, stage: 'in_progress', dept: 'TTPVHCC', late: true, sender: { name: 'Trần Văn Nam', phone: '0912000201' } }),
  R('Có nhóm thanh niên tụ tập đua xe máy lúc nửa đêm trên đường Lê Lợi, gây mất trật tự.', { category: 'security', channel: 'in_person', ageDays: 4, stage: 'assigned', dept: 'VP', address: 'Đường Lê Lợi' }),
  R('Cán bộ tiếp nhận hồ sơ có thái độ thiếu tôn trọng, yêu cầu nộp thêm giấy tờ không có trong danh mục.', { category: 'conduct', channel: 'suggestion_box', box: 'Hòm thư Tổ dân phố Sao Đỏ 3', ageDays: 5, stage: 'classified', dept: 'VP' }),
  R('Ổ gà lớn trước số nhà 28 phố Hoàng Văn Thụ, xe máy đã ngã hai lần.', { category: 'infrastructure', channel: 'facebook', ageDays: 20, stage: 'answered', dept: 'KT', reply: 'Phòng Kinh tế, Hạ tầng và Đô thị đã phối hợp đơn vị duy tu vá ổ gà ngày 12/11. Đề nghị người dân tiếp tục phản ánh nếu phát sinh hư hỏng.', summary: 'Ổ gà trên phố Hoàng Văn Thụ gây nguy hiểm cho người đi xe máy.', boardReply: 'Ổ gà trên phố Hoàng Văn Thụ đã được vá; người dân tiếp tục phản ánh nếu phát sinh hư hỏng.', place: 'Phố Hoàng Văn Thụ', point: [20.84712, 106.68395], rating: 4, address: 'Số 28 Hoàng Văn Thụ' }),
  R('Cống thoát nước ngõ 7 bị tắc, mưa to là ngập đến đầu gối.', { category: 'infrastructure', channel: 'mass_org', ageDays: 25, stage: 'answered', dept: 'KT', late: true, reply: 'Đã nạo vét cống ngõ 7 và lắp song chắn rác mới. Phường sẽ kiểm tra lại sau đợt mưa tới.', summary: 'Cống thoát nước ngõ 7 tắc gây ngập khi mưa lớn.', boardReply: 'Cống ngõ 7 đã được nạo vét và lắp song chắn rác mới; phường kiểm tra lại sau đợt mưa tới.', place: 'Ngõ 7', point: [20.85031, 106.69122], rating: 3 }),
  R('Quán karaoke ở ngõ 90 mở nhạc to sau 23 giờ, ảnh hưởng đến giấc ngủ của các hộ xung quanh.', { category: 'environment', channel: 'sms', ageDays: 11, stage: 'in_progress', dept: 'VP', sender: { phone: '0912000305' } }),
  R('Xin hỏi thủ tục đăng ký tạm trú cho người thuê trọ cần những giấy tờ gì?', { category: 'procedure', channel: 'zalo', ageDays: 8, stage: 'answered', dept: 'TTPVHCC', reply: 'Thủ tục đăng ký tạm trú được thực hiện trực tuyến trên Cổng dịch vụ công hoặc ứng dụng VNeID; cần hợp đồng thuê nhà và giấy tờ tùy thân. Chi tiết xem mục Thủ tục hành chính trên cổng của phường.', summary: 'Hỏi thủ tục đăng ký tạm trú cho người thuê trọ.', rating: 4 }),
  R('Đề nghị lắp gương cầu lồi tại ngã ba ngõ 33 vì khuất tầm nhìn, dễ va chạm.', { category: 'suggestion', channel: 'web', ageDays: 30, stage: 'closed', dept: 'KT', reply: 'Phường đã lắp gương cầu lồi tại ngã ba ngõ 33 ngày 05/11.', summary: 'Đề nghị lắp gương cầu lồi tại ngã ba ngõ 33.', boardReply: 'Gương cầu lồi đã được lắp tại ngã ba ngõ 33.', place: 'Ngã ba ngõ 33', point: [20.84186, 106.69433], rating: 5 }),
  R('Vỉa hè phố Tô Hiệu bị lấn chiếm để bán hàng, người đi bộ phải xuống lòng đường.', { category: 'security', channel: 'web', ageDays: 16, stage: 'assigned', dept: 'VP', late: true, address: 'Phố Tô Hiệu' }),
  R('Nội dung quảng cáo không liên quan, gửi nhầm.', { category: 'other', channel: 'email', ageDays: 12, stage: 'rejected', reply: 'Nội dung không thuộc phạm vi phản ánh, kiến nghị nên không thụ lý.', sender: { email: 'quangcao@example.com' } }),
  R('Khu vui chơi trẻ em ở nhà văn hóa tổ 5 có xích đu bị gãy, nguy hiểm cho các cháu.', { category: 'infrastructure', channel: 'mass_org', ageDays: 1, stage: 'received' }),
  R('Đề nghị tổ chức tiêm chủng mở rộng vào cuối tuần để phụ huynh đi làm có thể đưa con đi tiêm.', { category: 'suggestion', channel: 'in_person', ageDays: 7, stage: 'classified', dept: 'VHXH' }),
  R('Cây xanh trước trường tiểu học nghiêng, có nguy cơ đổ khi mưa bão.', { category: 'infrastructure', channel: 'hotline', ageDays: 18, stage: 'answered', dept: 'KT', reply: 'Đơn vị cây xanh đã cắt tỉa và chằng chống cây ngày 10/11.', summary: 'Cây xanh nghiêng trước trường tiểu học.', boardReply: 'Cây xanh trước trường tiểu học đã được cắt tỉa và chằng chống.', place: 'Trước trường tiểu học', point: [20.83957, 106.68268], rating: 5 }),
  R('Khói từ lò đốt rác của một hộ gia đình ở tổ 9 ảnh hưởng đến cả khu dân cư.', { category: 'environment', channel: 'web', ageDays: 5, stage: 'in_progress', dept: 'KT' }),
  R('Tôi bị một đối tượng gọi điện giả danh công an yêu cầu chuyển tiền, đề nghị phường cảnh báo người dân.', { category: 'security', channel: 'hotline', ageDays: 10, stage: 'answered', dept: 'VP', reply: 'Phường đã phát thông báo cảnh báo lừa đảo trên loa truyền thanh và nhóm Zalo các tổ dân phố.', summary: 'Đề nghị cảnh báo thủ đoạn lừa đảo giả danh công an qua điện thoại.', rating: 4 }),
  R('Công chức địa chính hẹn nhiều lần nhưng không đến đo đạc, tôi phải nghỉ làm để chờ.', { category: 'conduct', channel: 'web', ageDays: 12, stage: 'answered', dept: 'VP', reply: 'Lãnh đạo phường đã làm việc với công chức liên quan và bố trí đo đạc ngày 20/11. Phường xin lỗi ông/bà vì sự chậm trễ.', rating: 4, sender: { name: 'Phạm Văn Đông', phone: '0912000412' } }),
  R('Đề nghị kéo dài giờ làm việc của bộ phận một cửa đến 17 giờ 30 vào thứ Sáu.', { category: 'suggestion', channel: 'facebook', ageDays: 22, stage: 'answered', dept: 'TTPVHCC', reply: 'Từ tháng 12, bộ phận một cửa làm việc đến 17 giờ 30 các ngày thứ Sáu.', summary: 'Đề nghị kéo dài giờ làm việc của bộ phận một cửa vào thứ Sáu.', rating: 5 }),
  R('Nước sinh hoạt khu tập thể C2 có màu vàng và mùi lạ từ ba hôm nay.', { category: 'environment', channel: 'zalo', ageDays: 3, stage: 'assigned', dept: 'KT' }),
  R('Hỏi về chế độ trợ cấp cho người cao tuổi trên 80 tuổi chưa có lương hưu.', { category: 'procedure', channel: 'in_person', ageDays: 15, stage: 'answered', dept: 'VHXH', reply: 'Người từ đủ 80 tuổi không có lương hưu, trợ cấp BHXH hằng tháng được hưởng trợ cấp xã hội; hồ sơ nộp tại Trung tâm Phục vụ hành chính công phường.', summary: 'Hỏi chế độ trợ cấp xã hội cho người cao tuổi.', rating: 5 }),
  R('Biển báo cấm đỗ xe trước chợ bị che khuất bởi mái hiên.', { category: 'infrastructure', channel: 'web', ageDays: 2, stage: 'received' }),
  R('Khen đội dân phòng tổ 12 đã kịp thời dập đám cháy nhỏ tại khu chợ đêm.', { category: 'praise', channel: 'mass_org', ageDays: 13, stage: 'closed', dept: 'VP', reply: 'Ủy ban nhân dân phường sẽ biểu dương đội dân phòng tổ 12 tại hội nghị cuối năm.', summary: 'Khen đội dân phòng tổ 12 dập cháy kịp thời.' }),
  R('Đường dây điện thoại, cáp mạng treo thấp ngang đầu người ở ngõ 61.', { category: 'infrastructure', channel: 'suggestion_box', box: 'Hòm thư Tổ dân phố Văn An 2', ageDays: 19, stage: 'in_progress', dept: 'KT', late: true }),
  R('Chó thả rông không rọ mõm ở khu vực công viên, trẻ em sợ hãi.', { category: 'security', channel: 'web', ageDays: 6, stage: 'classified', dept: 'VP' }),
  R('Đề nghị công khai danh sách hộ được hỗ trợ sửa nhà tại nhà văn hóa tổ dân phố.', { category: 'suggestion', channel: 'mass_org', ageDays: 27, stage: 'answered', dept: 'VHXH', reply: 'Danh sách đã được niêm yết tại nhà văn hóa các tổ dân phố và trên cổng thông tin phường từ ngày 01/11.', summary: 'Đề nghị công khai danh sách hộ được hỗ trợ sửa nhà.', rating: 4 }),
  R('Người bán hàng rong dùng loa kéo quảng cáo từ 6 giờ sáng.', { category: 'environment', channel: 'sms', ageDays: 4, stage: 'received', sender: { phone: '0912000518' } }),
  R('Nắp hố ga trên phố Nguyễn Đức Cảnh bị vỡ, rất nguy hiểm vào ban đêm.', { category: 'infrastructure', channel: 'hotline', ageDays: 1, stage: 'assigned', dept: 'KT', address: 'Phố Nguyễn Đức Cảnh' }),
  R('Xin cảm ơn phường đã tổ chức lớp hướng dẫn sử dụng dịch vụ công trực tuyến cho người cao tuổi.', { category: 'praise', channel: 'facebook', ageDays: 9, stage: 'answered', dept: 'VHXH', reply: 'Phường sẽ tiếp tục mở lớp vào các tháng tới. Cảm ơn ông/bà.', summary: 'Cảm ơn lớp hướng dẫn dịch vụ công trực tuyến cho người cao tuổi.' }),
  R('Cán bộ thu phí vệ sinh không đưa biên lai.', { category: 'conduct', channel: 'hotline', ageDays: 3, stage: 'received' }),
  R('Đề nghị bố trí thêm thùng rác công cộng dọc bờ hồ.', { category: 'environment', channel: 'web', ageDays: 24, stage: 'answered', dept: 'KT', reply: 'Đã bố trí thêm 10 thùng rác công cộng dọc bờ hồ.', summary: 'Đề nghị thêm thùng rác công cộng dọc bờ hồ.', place: 'Bờ hồ', point: [20.84508, 106.68771], rating: 5 }),
  R('Thủ tục xác nhận tình trạng hôn nhân mất quá nhiều thời gian.', { category: 'procedure', channel: 'web', ageDays: 17, stage: 'answered', dept: 'TTPVHCC', late: true, reply: 'Hồ sơ của ông/bà phải xác minh nơi cư trú trước đây nên kéo dài; phường đã trả kết quả ngày 18/11 và gửi phiếu xin lỗi.', summary: 'Phản ánh thời gian giải quyết thủ tục xác nhận tình trạng hôn nhân.', rating: 3 }),
  R('Ánh sáng đèn quảng cáo của cửa hàng chiếu thẳng vào nhà dân.', { category: 'other', channel: 'email', ageDays: 8, stage: 'in_progress', dept: 'KT', sender: { name: 'Lê Thị Thu', email: 'thu.le@example.vn' } }),
  R('Đề nghị mở lớp dạy bơi miễn phí cho trẻ em trong dịp hè.', { category: 'suggestion', channel: 'mass_org', ageDays: 35, stage: 'closed', dept: 'VHXH', reply: 'Phường phối hợp Đoàn Thanh niên tổ chức lớp bơi miễn phí vào tháng 6 năm sau.', summary: 'Đề nghị mở lớp dạy bơi miễn phí cho trẻ em.', rating: 5 }),
  R('Xe tải chở vật liệu xây dựng làm rơi vãi cát trên đường Trần Phú.', { category: 'environment', channel: 'zalo', ageDays: 12, stage: 'assigned', dept: 'KT', late: true }),
  R('Mái che nhà chờ xe buýt trước chợ bị thủng.', { category: 'infrastructure', channel: 'web', ageDays: 5, stage: 'classified', dept: 'KT' }),
  R('Đề nghị có bãi gửi xe cho người đến làm thủ tục tại trụ sở phường.', { category: 'suggestion', channel: 'suggestion_box', box: 'Hòm thư trụ sở UBND phường', ageDays: 10, stage: 'in_progress', dept: 'VP' }),
  R('Hàng xóm xây nhà lấn sang phần đất ngõ đi chung.', { category: 'other', channel: 'in_person', ageDays: 21, stage: 'in_progress', dept: 'KT', late: true, sender: { name: 'Vũ Thị Lan', phone: '0912000620' } }),
];
