/**
 * What citizens type → the words the catalogue uses. Phrases are folded (no marks) and
 * matched on whole words; the longest matching phrase wins and is consumed, so
 * "chưa cưới" means recognising a father, not registering a marriage.
 */
export const SYNONYM_RULES: ReadonlyArray<readonly [string[], string]> = [
  [['chua cuoi', 'chua dang ky ket hon', 'khong ket hon', 'ngoai gia thu', 'ten bo', 'ten cha', 'nhan con', 'nhan bo', 'nhan cha', 'father name'], 'nhan cha me con'],
  [['chua bao gio co giay khai sinh', 'chua co giay khai sinh', 'chua co khai sinh', 'khong co giay khai sinh'], 'dang ky khai sinh'],
  [['moi de', 'vua de', 'moi sinh', 'vua sinh', 'sinh con', 'de con', 'em be moi', 'be moi sinh', 'tre so sinh', 'birth', 'born', 'baby', 'newborn'], 'khai sinh'],
  [['mot lan', 'cung luc', 'mot the', 'lien thong', 'ca ba'], 'lien thong'],
  [['giay chung tu', 'chung tu', 'vua mat', 'moi mat', 'mat roi', 'da mat', 'noi mat', 'ngoai mat', 'ba mat', 'ong mat', 'qua doi', 'tu tran', 'chet', 'tu vong', 'mat hom qua', 'death', 'died', 'passed away'], 'khai tu'],
  [['nguoi nuoc ngoai', 'nuoc ngoai', 'viet kieu', 'foreign', 'foreigner', 'french', 'american', 'korean', 'chinese', 'japanese'], 'nuoc ngoai'],
  [['lay vo', 'lay chong', 'cuoi vo', 'cuoi chong', 'cuoi', 'marry', 'married', 'marriage', 'wedding'], 'ket hon'],
  [['doc than', 'chua vo', 'chua chong', 'single status'], 'xac nhan tinh trang hon nhan'],
  [['dung ra nuoi', 'nguoi giam ho', 'guardian', 'guardianship'], 'giam ho'],
  [['sua ten', 'doi ten', 'sai ten', 'sua ngay sinh', 'sai ngay sinh', 'sua ho ten', 'viet sai', 'ghi sai'], 'thay doi cai chinh'],
  [['bo trong', 'ghi them', 'thieu thong tin', 'bi thieu'], 'bo sung thong tin'],
  [['xin lai ban sao', 'xin ban sao', 'lay lai', 'xin lai', 'copy', 'extract'], 'trich luc ban sao'],
  [['nhan nuoi ba', 'nhan nuoi ong', 'nhan nuoi cu', 'neo don', 'nuoi duong', 'cham soc nguoi gia'], 'cham soc nuoi duong cong dong'],
  [['nhan nuoi', 'xin con nuoi', 'nhan con nuoi', 'adopt', 'adoption'], 'nuoi con nuoi'],
  [['photo cong chung', 'cong chung', 'photo', 'sao y', 'certified copy', 'certify a copy'], 'chung thuc ban sao'],
  [['chu ky', 'ky giay', 'ky ten', 'giay uy quyen', 'signature', 'sign'], 'chung thuc chu ky'],
  [['mua ban xe', 'ban xe', 'mua xe', 'xe may', 'o to', 'dong san'], 'hop dong dong san'],
  [['chuyen nhuong dat', 'chuyen nhuong', 'mua ban dat', 'ban dat', 'mua dat', 'ban nha', 'mua nha', 'tang cho dat', 'nha dat'], 'hop dong quyen su dung dat nha o'],
  [['lam di chuc', 'will', 'testament'], 'di chuc'],
  [['khong muon nhan', 'tu choi nhan', 'nhuong het', 'khong nhan thua ke', 'tu choi thua ke'], 'tu choi nhan di san'],
  [['thua ke', 'chia tai san', 'khai nhan'], 'di san'],
  [['nhap ho khau', 'ho khau', 've nha chong', 'chuyen khau', 'nhap khau'], 'dang ky thuong tru'],
  [['thue nha', 'thue phong', 'o tro', 'nha tro', 'phong tro', 'renting', 'rent', 'temporary residence'], 'dang ky tam tru'],
  [['nguoi gia', 'nguoi cao tuoi', 'cu gia', 'luong nguoi gia', 'tien hang thang', 'elderly', 'allowance', 'monthly'], 'tro cap xa hoi hang thang nguoi cao tuoi'],
  [['tu ky', 'tan tat', 'bai nao', 'thieu nang', 'disabled', 'disability', 'autism'], 'khuyet tat'],
  [['uot', 'nat', 'rach', 'bi hong', 'bi mat giay', 'lam lai'], 'doi cap lai'],
  [['can ngheo', 'ho ngheo', 'ngheo', 'poor'], 'ho ngheo ho can ngheo'],
  [['thuong binh', 'liet si', 'benh binh', 'cuu chien binh', 'veteran'], 'nguoi co cong'],
  [['linh tien', 'lanh tien', 'nhan tien', 'rut tien tro cap'], 'huong tro cap'],
  [['nha bi dot', 'bi dot', 'chay nha', 'sua nha', 'xay nha', 'nha bi sap', 'nha dot', 'nha hong', 'dot'], 'nha o sua chua'],
  [['so do', 'so hong', 'lam so', 'red book', 'land certificate'], 'cap giay chung nhan quyen su dung dat lan dau'],
  [['len tho cu', 'chuyen dat', 'dat vuon len', 'dat nong nghiep len'], 'chuyen muc dich su dung dat'],
  [['tranh chap dat', 'lan chiem', 'lan dat', 'ranh gioi dat'], 'hoa giai tranh chap dat dai'],
  [['tin lanh', 'cong giao', 'sinh hoat dao', 'nha tho', 'tin huu', 'cau nguyen', 'protestant', 'church'], 'sinh hoat ton giao tap trung'],
  [['nha tre', 'mau giao', 'mam non', 'trong tre', 'giu tre', 'kindergarten', 'nursery', 'daycare', 'preschool'], 'nhom tre lop mau giao doc lap'],
  [['mo quan', 'ban hang', 'giay phep kinh doanh', 'mo shop', 'mo cua hang', 'business', 'shop'], 'dang ky ho kinh doanh'],
  [['the bao hiem', 'bao hiem y te', 'bhyt', 'health insurance'], 'bao hiem y te'],
  [['register', 'registration'], 'dang ky'],
  [['certify', 'certification', 'certified'], 'chung thuc'],
];

/** Question words and fillers that carry no meaning for the search (folded). */
export const STOP_PHRASES: readonly string[] = [
  'lam sao', 'the nao', 'nhu the nao', 'bao nhieu', 'bao lau', 'may ngay', 'mat may ngay', 'o dau', 'cai gi',
  'giay to', 'thu tuc', 'ho so', 'uy ban', 'nam nay', 'hom qua', 'bay gio', 'co duoc', 'duoc khong', 'co cach nao',
  'how much', 'how long', 'what licence', 'do i', 'need to',
];

export const STOP_WORDS: ReadonlySet<string> = new Set([
  // Vietnamese function words, pronouns, question words, particles (folded)
  'can', 'lam', 'sao', 'gi', 'nao', 'khong', 'ko', 'k', 'co', 'duoc', 'dc', 'thi', 'ma', 'la', 'va', 'voi', 'cho', 'cua',
  'toi', 'tui', 'em', 'anh', 'chi', 'minh', 'o', 'a', 'nhe', 'luon', 'roi', 'gio', 'muon', 've', 'hay', 'phai', 'nay',
  'do', 'kia', 'nhu', 'the', 'neu', 'phuong', 'xa', 'ubnd', 'het', 'tien', 'mat', 'ngay', 'nhieu', 'lau', 'may', 'hoi',
  'oi', 'vua', 'moi', 'da', 'se', 'cac', 'nhung', 'mot', 'hai', 'bi', 'len', 'xin', 'nop', 'tai', 'trong', 'tuoi', 'nam',
  'tuan', 'hom', 'qua', 'giup', 'vay', 'ah', 'u', 'oke', 'ak', 'ạ', 'chau', 'ong', 'bo', 'me', 'vo', 'chong', 'ca', 'nhom',
  // English question words and fillers
  'how', 'i', 'an', 'my', 'me', 'to', 'get', 'is', 'of', 'in', 'at', 'for', 'what', 'which', 'does', 'it', 'need', 'want',
  'much', 'long', 'take', 'from', 'government', 'office', 'ward', 'now', 'handles', 'last', 'week', 'year', 'old',
  'am', 'we', 'you', 'who', 'where', 'when', 'there', 'this', 'that', 'with', 'and', 'or', 'mother', 'grandfather',
  'cost', 'fee', 'price', 'home', 'small', 'private', 'open', 'licence', 'license', 'hanoi', 'woman', 'man',
  'vietnamese', 'certificate', 'be', 'are', 'was', 'up', 'does', 'by', 'on', 'have', 'has', 'some', 'any',
]);
