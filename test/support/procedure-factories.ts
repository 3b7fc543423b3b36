// Factories for procedures and what a dossier carries: tests own their data, so the demo catalogue can
// change freely. Procedures are published through the procedures module's public use case.
import type { Deps } from "../../src/deps.ts";
import { type ProcedureDefinition, type ProcedureDefinitionInput, type ProcedureRecord, publishProcedure } from "../../src/modules/procedures/index.ts";
import { systemAdmin } from "./factories.ts";
import { labelledPdf } from "../../src/platform/files/labelled-pdf.ts";

type FormInput = NonNullable<ProcedureDefinitionInput["form"]>[number];
type DocInput = NonNullable<ProcedureDefinitionInput["documents"]>[number];
type StepInput = ProcedureDefinitionInput["steps"][number];

/** An applicant with valid Vietnamese details. */
export function anApplicant(over: Partial<Applicant> = {}): Applicant {
  return {
    fullName: "Đỗ Văn Nam",
    birthDate: "1990-05-12",
    citizenIdNumber: "010090001234",
    address: "Thôn Phú Hà, xã Gia Phú, tỉnh Lào Cai",
    phone: "0912345678",
    email: "",
    ...over,
  };
}
export type Applicant = { fullName: string; birthDate: string; citizenIdNumber: string; address: string; phone: string; email: string };

/** A one-page PDF that passes the upload checks and says it is a test file. */
export const aPdf = (title = "test"): Uint8Array => labelledPdf(`XaSo test - ${title}`);

/** The applicant's own details, copied from the profile (the form shows them once). */
export const applicantFields = (): FormInput[] => [
  { key: "applicantName", label: "Họ, chữ đệm, tên người yêu cầu", type: "text", prefill: "fullName" },
  { key: "applicantBirthDate", label: "Ngày sinh người yêu cầu", type: "date", prefill: "birthDate" },
  { key: "applicantIdNumber", label: "Số định danh cá nhân", type: "idNumber", prefill: "citizenIdNumber" },
  { key: "applicantAddress", label: "Nơi cư trú", type: "address", prefill: "address" },
  { key: "applicantPhone", label: "Số điện thoại", type: "phone", prefill: "phone", required: false },
];

export const aDocument = (key: string, name = `Giấy tờ ${key}`, over: Partial<DocInput> = {}): DocInput => ({ key, name, ...over });

export const fourSteps = (): StepInput[] => [
  { key: "receive", name: "Tiếp nhận, kiểm tra hồ sơ", role: "one_stop_officer", share: 0.1 },
  { key: "review", name: "Công chức chuyên môn kiểm tra, trình ký", role: "specialist", share: 0.5 },
  { key: "sign", name: "Lãnh đạo UBND xã ký", role: "leader", share: 0.3 },
  { key: "return", name: "Trả kết quả", role: "one_stop_officer", share: 0.1 },
];

export type ProcedureOptions = Partial<Omit<ProcedureDefinitionInput, "processing">> & {
  /** One fee item of this amount (VND); 0 for a free procedure. Ignored when `fees` is given. */
  fee?: number;
  processing?: Partial<ProcedureDefinitionInput["processing"]>;
};

let codeSeq = 0;
/**
 * A complete, valid procedure definition: three working days, full online service, one fee, two required
 * documents (a declaration and an identity document) and an optional authorisation, a form with the
 * applicant's details, a choice and a text answer. Every part can be replaced.
 */
export function aProcedureInput(opts: ProcedureOptions = {}): ProcedureDefinitionInput {
  const { fee = 5000, processing, ...over } = opts;
  const code = over.code ?? `8.${String(++codeSeq).padStart(6, "0")}`;
  return {
    code,
    name: `Thủ tục thử nghiệm ${code}`,
    field: "civilStatus",
    onlineLevel: "full",
    fees: [{ key: "issue", label: "Lệ phí cấp giấy", amount: fee }],
    documents: [
      aDocument("declaration", "Tờ khai theo mẫu"),
      aDocument("identityDocument", "Thẻ căn cước của người yêu cầu", { form: "copy", fromVault: true }),
      aDocument("authorisation", "Văn bản ủy quyền (khi nhờ người khác nộp)", { required: false }),
    ],
    form: [
      ...applicantFields(),
      {
        key: "maritalStatus",
        label: "Tình trạng hôn nhân hiện tại",
        type: "choice",
        options: [
          { value: "single", label: "Chưa đăng ký kết hôn với ai" },
          { value: "divorced", label: "Đã ly hôn" },
        ],
      },
      { key: "purpose", label: "Mục đích sử dụng", type: "text" },
    ],
    steps: fourSteps(),
    resultName: "Giấy xác nhận",
    deliveryMethods: ["desk", "post", "online"],
    legalBasis: ["Luật thử nghiệm số 1/2020/QH14"],
    ...over,
    processing: { unit: "days", amount: 3, cutOff: null, ...processing },
  };
}

/** Publishes a procedure (see aProcedureInput) as a system administrator and returns its current record. */
export async function aProcedureDefinition(deps: Deps, opts: ProcedureOptions = {}): Promise<ProcedureRecord> {
  return publishInput(deps, aProcedureInput(opts));
}

/** Publishes a definition as it is (a new version when it changed). */
export async function publishInput(deps: Deps, input: ProcedureDefinitionInput): Promise<ProcedureRecord> {
  const principal = await systemAdmin(deps);
  return publishProcedure(deps, { actor: { userId: principal.userId, label: "test" }, requestId: null, principal }, input);
}

/** Plausible answers for every field of a procedure's form, taken from the applicant where the field says so. */
export function formValuesFor(def: ProcedureDefinition, applicant: Applicant = anApplicant()): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of def.form) {
    if (f.type === "file") continue;
    if (f.prefill) out[f.key] = applicant[f.prefill];
    else if (f.type === "person") out[f.key] = { fullName: "Đỗ Minh An", birthDate: "2026-10-20", citizenIdNumber: "" };
    else if (f.type === "date") out[f.key] = "2026-10-20";
    else if (f.type === "choice") out[f.key] = f.options?.[0]?.value ?? "";
    else if (f.type === "idNumber") out[f.key] = applicant.citizenIdNumber;
    else if (f.type === "phone") out[f.key] = applicant.phone;
    else if (f.type === "number") out[f.key] = "1";
    else if (f.type === "address") out[f.key] = applicant.address;
    else out[f.key] = `Trả lời cho ${f.key}`;
  }
  return out;
}

/** One scan per required document (and required file field). */
export function documentsFor(def: ProcedureDefinition) {
  const keys = [
    ...def.documents.filter((d) => d.required).map((d) => ({ key: d.key, name: d.name })),
    ...def.form.filter((f) => f.type === "file" && f.required).map((f) => ({ key: f.key, name: f.label })),
  ];
  return keys.map((k) => ({ requirementKey: k.key, upload: { name: `${k.key}.pdf`, bytes: aPdf(k.name) } }));
}

const desk = ["desk"] as const;
/**
 * A small catalogue across four fields, for the catalogue's own tests (search, order, paging, import and export).
 * Codes start with 8.3 so they never meet the codes other factories make.
 */
export function aCatalogue() {
  const sameDay = { unit: "hours", amount: 8, cutOff: "15:00" } as const;
  return {
    birth: aProcedureInput({
      code: "8.300001",
      name: "Đăng ký khai sinh",
      fee: 0,
      processing: sameDay,
      documents: [aDocument("birthNotice", "Giấy chứng sinh", { fromVault: true }), aDocument("declaration", "Tờ khai đăng ký khai sinh")],
      legalBasis: ["Luật Hộ tịch số 60/2014/QH13"],
    }),
    death: aProcedureInput({
      code: "8.300002",
      name: "Đăng ký khai tử",
      fees: [{ key: "registration", label: "Lệ phí đăng ký khai tử", amount: 0 }],
      processing: sameDay,
      documents: [
        aDocument("declaration", "Tờ khai đăng ký khai tử"),
        aDocument("deathNotice", "Giấy báo tử", { form: "originalOrCertifiedCopy" }),
        aDocument("identityDocument", "Thẻ căn cước của người yêu cầu", { form: "copy" }),
        aDocument("authorisation", "Văn bản ủy quyền", { required: false }),
      ],
    }),
    marriage: aProcedureInput({
      code: "8.300003",
      name: "Đăng ký kết hôn",
      onlineLevel: "partial",
      fees: [{ key: "registration", label: "Lệ phí đăng ký kết hôn", amount: 0 }],
      processing: { unit: "hours", amount: 8 },
    }),
    maritalStatus: aProcedureInput({ code: "8.300004", name: "Cấp giấy xác nhận tình trạng hôn nhân", fee: 5000 }),
    recordCopy: aProcedureInput({
      code: "8.300005",
      name: "Cấp bản sao trích lục hộ tịch",
      fees: [{ key: "copy", label: "Phí cấp bản sao trích lục", amount: 8000 }],
    }),
    signature: aProcedureInput({
      code: "8.300006",
      name: "Chứng thực chữ ký",
      field: "certification",
      onlineLevel: "none",
      fees: [{ key: "signature", label: "Phí chứng thực chữ ký", amount: 10000 }],
      processing: sameDay,
      form: [],
      deliveryMethods: [...desk],
    }),
    copyCertification: aProcedureInput({
      code: "8.300007",
      name: "Chứng thực bản sao từ bản chính",
      field: "certification",
      onlineLevel: "partial",
      fee: 2000,
      processing: sameDay,
      deliveryMethods: [...desk],
    }),
    contract: aProcedureInput({
      code: "8.300008",
      name: "Chứng thực hợp đồng, giao dịch về động sản",
      field: "certification",
      onlineLevel: "none",
      fee: 50000,
      processing: { unit: "days", amount: 2 },
      form: [],
      deliveryMethods: [...desk],
    }),
    residence: aProcedureInput({
      code: "8.300009",
      name: "Đăng ký tạm trú",
      field: "residence",
      fees: [{ key: "registration", label: "Lệ phí đăng ký tạm trú", amount: 7000 }],
    }),
    allowance: aProcedureInput({ code: "8.300010", name: "Trợ cấp xã hội hằng tháng", field: "socialProtection", fee: 0, processing: { amount: 20 } }),
  };
}

/** Publishes each definition (see publishInput), in order. */
export async function publishAll(deps: Deps, inputs: Iterable<ProcedureDefinitionInput>): Promise<void> {
  for (const input of inputs) await publishInput(deps, input);
}

/** Taken at the counter only, no form, fee 10,000 đ: the papers to sign and an identity document. */
export const SIGNATURE_CERTIFICATION = {
  name: "Chứng thực chữ ký",
  field: "certification",
  onlineLevel: "none",
  processing: { unit: "hours", amount: 8, cutOff: "15:00" },
  fee: 10000,
  documents: [aDocument("paper", "Giấy tờ sẽ ký"), aDocument("identityDocument", "Thẻ căn cước")],
  form: [],
  deliveryMethods: ["desk"],
} as const satisfies Parameters<typeof aProcedureDefinition>[1];
