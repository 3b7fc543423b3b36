// A demo catalogue of real commune-level procedures, as published on the National Public Service Portal
// (dichvucong.gov.vn) by the Ministry of Justice (civil status, certification), the Ministry of Public
// Security (residence) and the Ministry of Labour / Health (social allowance), as best known in 2025.
//
// Legal texts followed: Luật Hộ tịch 60/2014/QH13, Nghị định 123/2015/NĐ-CP, Thông tư 04/2020/TT-BTP;
// Nghị định 63/2024/NĐ-CP (the birth and death "liên thông" bundles, with the 15:00 cut-off); Nghị định
// 23/2015/NĐ-CP on certification (same-day service, 15:00 cut-off, Điều 7) and Thông tư 226/2016/TT-BTC
// (certification fees); Luật Cư trú 68/2020/QH14, Nghị định 154/2024/NĐ-CP, Thông tư 53/2021/TT-BCA and
// Thông tư 75/2022/TT-BTC (residence fee); Nghị định 20/2021/NĐ-CP and 76/2024/NĐ-CP (social allowance).
//
// Fees (lệ phí hộ tịch) are set by each provincial People's Council and vary: the amounts here are typical
// values, to be checked against the province's resolution before going live. Codes marked "[to verify]"
// below are the best known value and should be checked against the national database before use.
// Since 1 July 2025 (two-level local government) some procedures moved from district to commune and their
// processing times may have changed in the provincial decisions that republished them.
import type { Deps } from "../deps.ts";
import { type ProcedureDefinitionInput, publishMissingProcedures } from "../modules/procedures/index.ts";
import type { Context } from "../platform/events/domain-events.ts";

type FormInput = NonNullable<ProcedureDefinitionInput["form"]>[number];
type DocInput = NonNullable<ProcedureDefinitionInput["documents"]>[number];
type StepInput = ProcedureDefinitionInput["steps"][number];

const HO_TICH = ["Luật Hộ tịch số 60/2014/QH13", "Nghị định số 123/2015/NĐ-CP", "Thông tư số 04/2020/TT-BTP", "Thông tư số 85/2019/TT-BTC (lệ phí)"];
const CHUNG_THUC = ["Nghị định số 23/2015/NĐ-CP", "Thông tư số 01/2020/TT-BTP", "Thông tư số 226/2016/TT-BTC (phí chứng thực)"];

const steps = (shares: [number, number, number, number] = [0.1, 0.5, 0.3, 0.1], reviewName = "Công chức tư pháp – hộ tịch kiểm tra, trình ký"): StepInput[] => [
  { key: "receive", name: "Tiếp nhận, kiểm tra hồ sơ", role: "one_stop_officer", share: shares[0] },
  { key: "review", name: reviewName, role: "specialist", share: shares[1] },
  { key: "sign", name: "Chủ tịch (Phó Chủ tịch) UBND xã ký", role: "leader", share: shares[2] },
  { key: "return", name: "Trả kết quả", role: "one_stop_officer", share: shares[3] },
];

const applicant = (extra: FormInput[] = []): FormInput[] => [
  { key: "applicantName", label: "Họ, chữ đệm, tên người yêu cầu", type: "text", prefill: "fullName" },
  { key: "applicantBirthDate", label: "Ngày sinh người yêu cầu", type: "date", prefill: "birthDate" },
  { key: "applicantIdNumber", label: "Số định danh cá nhân", type: "idNumber", prefill: "citizenIdNumber" },
  { key: "applicantAddress", label: "Nơi cư trú", type: "address", prefill: "address" },
  { key: "applicantPhone", label: "Số điện thoại", type: "phone", prefill: "phone", required: false },
  ...extra,
];

const SEX = [
  { value: "nam", label: "Nam" },
  { value: "nu", label: "Nữ" },
];
const YES_NO = [
  { value: "co", label: "Có" },
  { value: "khong", label: "Không" },
];

const idDoc = (who = "người yêu cầu"): DocInput => ({
  key: "identityDocument",
  name: `Thẻ căn cước (căn cước công dân) hoặc giấy tờ tùy thân có ảnh của ${who}`,
  form: "copy",
  fromVault: true,
  note: "Nộp trực tiếp: xuất trình bản chính. Không phải nộp nếu thông tin đã khai thác được từ Cơ sở dữ liệu quốc gia về dân cư.",
});
const authorisation: DocInput = {
  key: "authorisation",
  name: "Văn bản ủy quyền có chứng thực (khi nhờ người khác nộp hồ sơ)",
  form: "original",
  required: false,
  note: "Không cần chứng thực nếu người được ủy quyền là ông, bà, cha, mẹ, con, vợ, chồng, anh, chị, em ruột.",
};

export const DEMO_CATALOGUE: ProcedureDefinitionInput[] = [
  {
    code: "1.001193",
    name: "Đăng ký khai sinh",
    field: "civilStatus",
    onlineLevel: "full",
    processing: { unit: "sameDay", amount: 1, cutOff: "15:00" },
    fees: [
      {
        key: "registration",
        label: "Lệ phí đăng ký khai sinh",
        amount: 0,
        exemptions: "Miễn lệ phí khi đăng ký khai sinh đúng hạn (trong 60 ngày kể từ ngày sinh)",
      },
    ],
    documents: [
      { key: "declaration", name: "Tờ khai đăng ký khai sinh (theo mẫu)", note: "Khai trực tuyến thay cho tờ khai giấy." },
      { key: "birthNotice", name: "Giấy chứng sinh; nếu không có: văn bản của người làm chứng hoặc giấy cam đoan về việc sinh", form: "original" },
      {
        key: "marriageCertificate",
        name: "Giấy chứng nhận kết hôn của cha, mẹ (nếu cha, mẹ đã đăng ký kết hôn)",
        form: "copy",
        required: false,
        fromVault: true,
      },
      idDoc(),
      authorisation,
    ],
    form: applicant([
      {
        key: "relationship",
        label: "Quan hệ với người được khai sinh",
        type: "choice",
        options: [
          { value: "cha", label: "Cha" },
          { value: "me", label: "Mẹ" },
          { value: "ongba", label: "Ông, bà" },
          { value: "khac", label: "Người thân thích khác" },
        ],
      },
      { key: "child", label: "Người được khai sinh (họ, chữ đệm, tên)", type: "person" },
      { key: "childSex", label: "Giới tính", type: "choice", options: SEX },
      { key: "childBirthDate", label: "Ngày, tháng, năm sinh", type: "date" },
      { key: "childBirthPlace", label: "Nơi sinh", type: "address" },
      { key: "childEthnicity", label: "Dân tộc", type: "text" },
      { key: "mother", label: "Mẹ", type: "person" },
      { key: "father", label: "Cha", type: "person", required: false, help: "Để trống nếu chưa xác định được cha." },
      { key: "bundleResidence", label: "Đăng ký thường trú cho trẻ cùng lúc (liên thông)", type: "choice", options: YES_NO },
      { key: "bundleInsurance", label: "Cấp thẻ bảo hiểm y tế cho trẻ dưới 6 tuổi cùng lúc (liên thông)", type: "choice", options: YES_NO },
    ]),
    steps: steps(),
    resultName: "Giấy khai sinh (bản chính) và trích lục khai sinh",
    deliveryMethods: ["desk", "post", "online"],
    legalBasis: [...HO_TICH, "Nghị định số 63/2024/NĐ-CP (liên thông đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế)"],
    summary:
      "Khai sinh cho trẻ tại UBND xã nơi cư trú của cha hoặc mẹ. Có thể làm liên thông cùng đăng ký thường trú và cấp thẻ bảo hiểm y tế cho trẻ dưới 6 tuổi.",
  },
  {
    code: "1.000656",
    name: "Đăng ký khai tử",
    field: "civilStatus",
    onlineLevel: "full",
    processing: { unit: "sameDay", amount: 1, cutOff: "15:00" },
    fees: [
      {
        key: "registration",
        label: "Lệ phí đăng ký khai tử",
        amount: 0,
        exemptions: "Miễn lệ phí khi đăng ký khai tử đúng hạn (trong 15 ngày kể từ ngày chết)",
      },
    ],
    documents: [
      { key: "declaration", name: "Tờ khai đăng ký khai tử (theo mẫu)", note: "Khai trực tuyến thay cho tờ khai giấy." },
      { key: "deathNotice", name: "Giấy báo tử hoặc giấy tờ thay thế Giấy báo tử do cơ quan có thẩm quyền cấp", form: "originalOrCertifiedCopy" },
      idDoc(),
      authorisation,
    ],
    form: applicant([
      { key: "relationship", label: "Quan hệ với người đã chết", type: "text" },
      { key: "deceased", label: "Người đã chết (họ, chữ đệm, tên)", type: "person" },
      { key: "deceasedIdNumber", label: "Số định danh cá nhân của người đã chết", type: "idNumber", required: false },
      { key: "deathDate", label: "Ngày chết", type: "date" },
      { key: "deathPlace", label: "Nơi chết", type: "address" },
      { key: "deathCause", label: "Nguyên nhân chết", type: "text", required: false },
      { key: "bundleFuneral", label: "Đề nghị hưởng mai táng phí, trợ cấp tuất cùng lúc (liên thông)", type: "choice", options: YES_NO },
    ]),
    steps: steps(),
    resultName: "Trích lục khai tử (bản chính)",
    deliveryMethods: ["desk", "post", "online"],
    legalBasis: [...HO_TICH, "Nghị định số 63/2024/NĐ-CP (liên thông đăng ký khai tử, xóa đăng ký thường trú, hưởng chế độ tử tuất, mai táng phí)"],
    summary: "Người thân đăng ký việc chết tại UBND xã nơi cư trú cuối cùng của người chết, trong 15 ngày kể từ ngày chết.",
  },
  {
    code: "1.000894",
    name: "Đăng ký kết hôn",
    field: "civilStatus",
    onlineLevel: "partial",
    processing: { unit: "hours", amount: 8, cutOff: null },
    fees: [
      { key: "registration", label: "Lệ phí đăng ký kết hôn", amount: 0, exemptions: "Miễn lệ phí đăng ký kết hôn giữa công dân Việt Nam cư trú trong nước" },
    ],
    documents: [
      { key: "declaration", name: "Tờ khai đăng ký kết hôn (theo mẫu), hai bên có thể khai chung một tờ khai" },
      {
        key: "maritalStatus",
        name: "Giấy xác nhận tình trạng hôn nhân (khi đăng ký kết hôn ở xã không phải nơi thường trú và chưa khai thác được thông tin)",
        form: "original",
        required: false,
        fromVault: true,
      },
      { key: "divorceJudgment", name: "Bản án, quyết định ly hôn đã có hiệu lực (nếu đã từng kết hôn)", form: "certifiedCopy", required: false },
      idDoc("hai bên nam, nữ"),
    ],
    form: applicant([
      { key: "spouse", label: "Người kết hôn cùng (họ, chữ đệm, tên)", type: "person" },
      { key: "spouseBirthDate", label: "Ngày sinh của người kia", type: "date" },
      { key: "spouseIdNumber", label: "Số định danh cá nhân của người kia", type: "idNumber" },
      { key: "spouseAddress", label: "Nơi cư trú của người kia", type: "address" },
      {
        key: "firstMarriage",
        label: "Đây là lần kết hôn thứ mấy của bạn",
        type: "choice",
        options: [
          { value: "1", label: "Lần đầu" },
          { value: "2+", label: "Từ lần thứ hai" },
        ],
      },
    ]),
    steps: steps(),
    resultName: "Giấy chứng nhận kết hôn (bản chính, mỗi bên một bản)",
    deliveryMethods: ["desk"],
    legalBasis: HO_TICH,
    summary: "Hai bên cùng có mặt để ký Giấy chứng nhận kết hôn. Trả ngay trong ngày; nếu cần xác minh, không quá 05 ngày làm việc.",
  },
  {
    code: "1.004873",
    name: "Cấp Giấy xác nhận tình trạng hôn nhân",
    field: "civilStatus",
    onlineLevel: "full",
    processing: { unit: "days", amount: 3, cutOff: null },
    fees: [
      {
        key: "issue",
        label: "Lệ phí cấp Giấy xác nhận tình trạng hôn nhân",
        amount: 5000,
        exemptions: "Người thuộc gia đình có công với cách mạng, hộ nghèo, người khuyết tật",
      },
    ],
    documents: [
      { key: "declaration", name: "Tờ khai cấp Giấy xác nhận tình trạng hôn nhân (theo mẫu)" },
      {
        key: "divorceProof",
        name: "Giấy tờ chứng minh đã ly hôn hoặc vợ/chồng đã chết (nếu đã từng kết hôn)",
        form: "certifiedCopy",
        required: false,
        fromVault: true,
      },
      idDoc(),
      authorisation,
    ],
    form: applicant([
      {
        key: "maritalStatus",
        label: "Tình trạng hôn nhân hiện tại",
        type: "choice",
        options: [
          { value: "single", label: "Chưa đăng ký kết hôn với ai" },
          { value: "divorced", label: "Đã ly hôn" },
          { value: "widowed", label: "Vợ/chồng đã chết" },
          { value: "married", label: "Đang có vợ/chồng" },
        ],
      },
      { key: "purpose", label: "Mục đích sử dụng giấy xác nhận", type: "text", help: "Ví dụ: để đăng ký kết hôn với ông/bà…, để vay vốn ngân hàng…" },
    ]),
    steps: steps(),
    resultName: "Giấy xác nhận tình trạng hôn nhân",
    deliveryMethods: ["desk", "post", "online"],
    legalBasis: HO_TICH,
    summary: "Giấy có giá trị 6 tháng. Nếu dùng để kết hôn, phải ghi rõ kết hôn với ai.",
  },
  {
    code: "2.000635",
    name: "Cấp bản sao trích lục hộ tịch",
    field: "civilStatus",
    onlineLevel: "full",
    processing: { unit: "sameDay", amount: 1, cutOff: "15:00" },
    fees: [{ key: "copy", label: "Phí cấp bản sao trích lục hộ tịch (mỗi bản)", amount: 8000, exemptions: "Giảm khi nộp trực tuyến theo nghị quyết của tỉnh" }],
    documents: [{ key: "request", name: "Tờ khai cấp bản sao trích lục hộ tịch (theo mẫu)" }, idDoc(), authorisation],
    form: applicant([
      {
        key: "recordKind",
        label: "Loại trích lục",
        type: "choice",
        options: [
          { value: "birth", label: "Khai sinh" },
          { value: "marriage", label: "Kết hôn" },
          { value: "death", label: "Khai tử" },
          { value: "other", label: "Khác" },
        ],
      },
      { key: "subject", label: "Người được cấp trích lục", type: "person" },
      { key: "copies", label: "Số bản sao", type: "number" },
    ]),
    steps: steps([0.1, 0.5, 0.3, 0.1], "Công chức tư pháp – hộ tịch tra cứu sổ hộ tịch, trình ký"),
    resultName: "Bản sao trích lục hộ tịch",
    deliveryMethods: ["desk", "post", "online"],
    legalBasis: [...HO_TICH, "Thông tư số 281/2016/TT-BTC (phí cấp bản sao trích lục hộ tịch)"],
  },
  {
    code: "1.001022", // [to verify]
    name: "Đăng ký nhận cha, mẹ, con",
    field: "civilStatus",
    onlineLevel: "partial",
    processing: { unit: "days", amount: 3, cutOff: null },
    fees: [
      {
        key: "registration",
        label: "Lệ phí đăng ký nhận cha, mẹ, con",
        amount: 15000,
        exemptions: "Người thuộc gia đình có công với cách mạng, hộ nghèo, người khuyết tật",
      },
    ],
    documents: [
      { key: "declaration", name: "Tờ khai đăng ký nhận cha, mẹ, con (theo mẫu)" },
      {
        key: "evidence",
        name: "Chứng cứ chứng minh quan hệ cha, mẹ, con (văn bản giám định ADN, hoặc văn bản của cơ quan, tổ chức có thẩm quyền)",
        form: "originalOrCertifiedCopy",
      },
      { key: "birthCertificate", name: "Giấy khai sinh của người con", form: "copy", fromVault: true },
      idDoc("người nhận và người được nhận"),
    ],
    form: applicant([
      {
        key: "kind",
        label: "Việc đăng ký",
        type: "choice",
        options: [
          { value: "father", label: "Nhận cha" },
          { value: "mother", label: "Nhận mẹ" },
          { value: "child", label: "Nhận con" },
        ],
      },
      { key: "otherParty", label: "Người được nhận (họ, chữ đệm, tên)", type: "person" },
      { key: "otherPartyBirthDate", label: "Ngày sinh người được nhận", type: "date" },
    ]),
    steps: steps(),
    resultName: "Trích lục đăng ký nhận cha, mẹ, con",
    deliveryMethods: ["desk"],
    legalBasis: HO_TICH,
    summary: "Người nhận và người được nhận phải có mặt. Nếu cần xác minh, thời hạn kéo dài thêm không quá 05 ngày làm việc.",
  },
  {
    code: "1.004859", // [to verify]
    name: "Đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch",
    field: "civilStatus",
    onlineLevel: "full",
    processing: { unit: "days", amount: 3, cutOff: null },
    fees: [
      {
        key: "registration",
        label: "Lệ phí thay đổi, cải chính hộ tịch",
        amount: 15000,
        exemptions: "Bổ sung thông tin hộ tịch được miễn; người thuộc hộ nghèo, người khuyết tật",
      },
    ],
    documents: [
      { key: "declaration", name: "Tờ khai đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch (theo mẫu)" },
      { key: "civilRecord", name: "Giấy khai sinh hoặc giấy tờ hộ tịch cần thay đổi, cải chính", form: "original", fromVault: true },
      { key: "evidence", name: "Giấy tờ làm căn cứ cho việc thay đổi, cải chính, bổ sung", form: "certifiedCopy" },
      idDoc(),
      authorisation,
    ],
    form: applicant([
      { key: "subject", label: "Người có thông tin cần sửa", type: "person" },
      { key: "change", label: "Nội dung đề nghị thay đổi, cải chính, bổ sung", type: "longText" },
      { key: "reason", label: "Lý do", type: "longText" },
    ]),
    steps: steps(),
    resultName: "Trích lục thay đổi, cải chính, bổ sung thông tin hộ tịch",
    deliveryMethods: ["desk", "post", "online"],
    legalBasis: HO_TICH,
    summary: "Người từ đủ 09 tuổi trở lên phải đồng ý việc thay đổi. Nếu cần xác minh, thêm không quá 03 ngày làm việc.",
  },
  {
    code: "2.000815",
    name: "Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền của Việt Nam cấp hoặc chứng nhận",
    field: "certification",
    onlineLevel: "partial",
    processing: { unit: "sameDay", amount: 1, cutOff: "15:00" },
    fees: [
      {
        key: "perPage",
        label: "Phí chứng thực bản sao (mỗi trang, trang thứ nhất và thứ hai)",
        amount: 2000,
        exemptions: "Từ trang thứ ba: 1.000 đồng/trang; tối đa 200.000 đồng/bản",
      },
    ],
    documents: [
      {
        key: "originalDocument",
        name: "Bản chính giấy tờ, văn bản cần chứng thực (hoặc bản sao có chứng thực)",
        form: "originalOrCertifiedCopy",
        note: "Mang bản chính để đối chiếu.",
      },
      { key: "copies", name: "Bản sao cần chứng thực (nếu tự chụp sẵn)", form: "copy", required: false },
    ],
    form: applicant([
      { key: "documentName", label: "Tên giấy tờ cần chứng thực", type: "text" },
      { key: "pages", label: "Số trang", type: "number" },
      { key: "copies", label: "Số bản sao", type: "number" },
    ]),
    steps: steps([0.1, 0.4, 0.4, 0.1], "Công chức tư pháp đối chiếu bản chính, trình ký"),
    resultName: "Bản sao được chứng thực từ bản chính",
    deliveryMethods: ["desk"],
    legalBasis: CHUNG_THUC,
    summary: "Trong ngày làm việc; nhận sau 15 giờ thì trả trong ngày làm việc tiếp theo. Không chứng thực giấy tờ bị tẩy xóa, sửa chữa, hư hỏng.",
  },
  {
    code: "2.000884",
    name: "Chứng thực chữ ký trong các giấy tờ, văn bản (áp dụng cả cho chứng thực điểm chỉ và khi người yêu cầu không ký, không điểm chỉ được)",
    field: "certification",
    onlineLevel: "none",
    processing: { unit: "sameDay", amount: 1, cutOff: "15:00" },
    fees: [{ key: "signature", label: "Phí chứng thực chữ ký (mỗi trường hợp)", amount: 10000 }],
    documents: [{ key: "paper", name: "Giấy tờ, văn bản mà mình sẽ ký", form: "original", note: "Ký trước mặt người thực hiện chứng thực." }, idDoc()],
    form: [],
    steps: steps([0.1, 0.4, 0.4, 0.1], "Công chức tư pháp kiểm tra, chứng kiến việc ký"),
    resultName: "Giấy tờ, văn bản đã được chứng thực chữ ký",
    deliveryMethods: ["desk"],
    legalBasis: CHUNG_THUC,
  },
  {
    code: "2.001035", // [to verify]
    name: "Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản, quyền sử dụng đất và nhà ở",
    field: "certification",
    onlineLevel: "none",
    processing: { unit: "days", amount: 2, cutOff: null },
    fees: [{ key: "contract", label: "Phí chứng thực hợp đồng, giao dịch (mỗi hợp đồng)", amount: 50000 }],
    documents: [
      { key: "contract", name: "Dự thảo hợp đồng, giao dịch", form: "original" },
      {
        key: "ownership",
        name: "Giấy chứng nhận quyền sở hữu, quyền sử dụng tài sản (đối với tài sản phải đăng ký)",
        form: "copy",
        note: "Xuất trình bản chính để đối chiếu.",
      },
      idDoc("các bên tham gia"),
    ],
    form: [],
    steps: steps([0.1, 0.5, 0.3, 0.1], "Công chức tư pháp kiểm tra hồ sơ, chứng kiến các bên ký"),
    resultName: "Hợp đồng, giao dịch đã được chứng thực",
    deliveryMethods: ["desk"],
    legalBasis: [...CHUNG_THUC, "Luật Đất đai số 31/2024/QH15"],
    summary: "Các bên ký trước mặt người thực hiện chứng thực. Có thể kéo dài nếu hợp đồng phức tạp, theo thỏa thuận bằng văn bản.",
  },
  {
    code: "1.004194", // [to verify] commune-police procedure code
    name: "Đăng ký tạm trú",
    field: "residence",
    onlineLevel: "full",
    processing: { unit: "days", amount: 3, cutOff: null },
    fees: [
      {
        key: "registration",
        label: "Lệ phí đăng ký tạm trú",
        amount: 15000,
        // Thông tư 75/2022/TT-BTC: a lower rate when filed online.
        onlineAmount: 7000,
        exemptions: "Miễn cho trẻ em, người có công, hộ nghèo, người khuyết tật",
      },
    ],
    documents: [
      { key: "declaration", name: "Tờ khai thay đổi thông tin cư trú (mẫu CT01)", note: "Khai trực tuyến thay cho tờ khai giấy." },
      {
        key: "lawfulResidence",
        name: "Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp (hợp đồng thuê, mượn, ở nhờ…)",
        form: "copy",
        fromVault: true,
        note: "Không cần nếu thông tin đã có trong cơ sở dữ liệu.",
      },
      { key: "consent", name: "Ý kiến đồng ý của chủ hộ, chủ sở hữu chỗ ở (ghi vào tờ khai hoặc văn bản riêng)", form: "original", required: false },
    ],
    form: applicant([
      { key: "newAddress", label: "Địa chỉ nơi đăng ký tạm trú", type: "address" },
      { key: "period", label: "Thời hạn tạm trú (tháng, tối đa 24)", type: "number" },
      { key: "householdHead", label: "Chủ hộ / chủ nhà", type: "person", required: false },
    ]),
    // A commune-police procedure (Luật Cư trú Art. 27): the police receive, check and decide, not the People's Committee.
    steps: [
      { key: "receive", name: "Công an xã tiếp nhận, kiểm tra hồ sơ", role: "one_stop_officer", share: 0.1 },
      { key: "review", name: "Cán bộ Công an xã thẩm định, cập nhật Cơ sở dữ liệu về cư trú", role: "specialist", share: 0.5 },
      { key: "sign", name: "Trưởng Công an xã phê duyệt", role: "leader", share: 0.3 },
      { key: "return", name: "Công an xã trả kết quả", role: "one_stop_officer", share: 0.1 },
    ],
    handlingAgency: { kind: "police", name: "Công an xã", signerTitle: "Trưởng Công an xã" },
    resultName: "Thông báo kết quả đăng ký tạm trú (cập nhật vào Cơ sở dữ liệu về cư trú)",
    deliveryMethods: ["desk", "online"],
    legalBasis: [
      "Luật Cư trú số 68/2020/QH14",
      "Nghị định số 154/2024/NĐ-CP",
      "Thông tư số 53/2021/TT-BCA",
      "Thông tư số 75/2022/TT-BTC (lệ phí đăng ký cư trú)",
    ],
    summary: "Thủ tục của Công an xã. Đăng ký trong 30 ngày kể từ ngày đến ở.",
  },
  {
    code: "1.001776", // [to verify]
    name: "Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hằng tháng, hỗ trợ kinh phí chăm sóc, nuôi dưỡng hằng tháng",
    field: "socialProtection",
    onlineLevel: "partial",
    processing: { unit: "days", amount: 20, cutOff: null },
    fees: [],
    documents: [
      { key: "application", name: "Tờ khai đề nghị trợ cấp xã hội (mẫu theo Nghị định 20/2021/NĐ-CP)" },
      { key: "disabilityCertificate", name: "Giấy xác nhận khuyết tật (đối với người khuyết tật)", form: "copy", required: false, fromVault: true },
      { key: "birthCertificate", name: "Giấy khai sinh (đối với trẻ em)", form: "copy", required: false, fromVault: true },
      idDoc("người đề nghị"),
    ],
    form: applicant([
      { key: "beneficiary", label: "Người hưởng trợ cấp", type: "person" },
      { key: "beneficiaryBirthDate", label: "Ngày sinh người hưởng", type: "date" },
      {
        key: "category",
        label: "Diện đối tượng",
        type: "choice",
        options: [
          { value: "elderly", label: "Người cao tuổi" },
          { value: "disabled", label: "Người khuyết tật" },
          { value: "orphan", label: "Trẻ em không có nguồn nuôi dưỡng" },
          { value: "singleParent", label: "Người đơn thân nghèo nuôi con" },
          { value: "other", label: "Khác" },
        ],
      },
      { key: "paymentAccount", label: "Số tài khoản nhận trợ cấp (nếu có)", type: "text", required: false },
    ]),
    steps: [
      { key: "receive", name: "Tiếp nhận, kiểm tra hồ sơ", role: "one_stop_officer", share: 0.1 },
      { key: "review", name: "Công chức văn hóa – xã hội thẩm định, niêm yết công khai", role: "specialist", share: 0.6 },
      { key: "decide", name: "Chủ tịch UBND xã quyết định", role: "leader", share: 0.2 },
      { key: "return", name: "Trả kết quả", role: "one_stop_officer", share: 0.1 },
    ],
    resultName: "Quyết định hưởng (điều chỉnh, thôi hưởng) trợ cấp xã hội hằng tháng",
    deliveryMethods: ["desk", "post"],
    legalBasis: ["Luật Người cao tuổi số 39/2009/QH12", "Luật Người khuyết tật số 51/2010/QH12", "Nghị định số 20/2021/NĐ-CP", "Nghị định số 76/2024/NĐ-CP"],
    summary: "Cho người cao tuổi, người khuyết tật và các đối tượng bảo trợ xã hội khác. Hồ sơ được niêm yết công khai trước khi quyết định.",
  },
];

/** Publishes the demo procedures whose codes are missing; safe to run again (the CLI and the demo seed call it). */
export function seedDemoCatalogue(deps: Pick<Deps, "db" | "events">, ctx: Context): Promise<number> {
  return publishMissingProcedures(deps, ctx, DEMO_CATALOGUE);
}
