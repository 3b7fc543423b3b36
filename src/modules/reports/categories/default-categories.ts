// The built-in list a province starts from (issue #11's examples): the province admin edits it, communes override it.
import type { CategoryAttribute } from "./categories.contract.ts";

/** What a category says of itself wherever it is shown: the categories part's rows, the defaults, Open311's services. */
export type CategoryFields = {
  code: string;
  nameVi: string;
  nameEn: string;
  descriptionVi: string;
  descriptionEn: string;
  keywords: string;
  responsibleUnit: string;
  timeLimitDays: number;
  publicByDefault: boolean;
};

export type DefaultCategory = CategoryFields & { sortOrder: number; attributes: CategoryAttribute[] };

const DCXD = "Công chức Địa chính - Xây dựng - Nông nghiệp và Môi trường";
const VPTK = "Văn phòng HĐND và UBND xã";

export const DEFAULT_CATEGORIES: readonly DefaultCategory[] = [
  {
    code: "road",
    nameVi: "Hư hỏng đường, cầu, cống",
    nameEn: "Damaged road, bridge or culvert",
    descriptionVi: "Ổ gà, sụt lún, cầu hoặc cống hỏng, biển báo mất",
    descriptionEn: "Potholes, subsidence, a broken bridge or culvert, a missing sign",
    keywords: "đường,cầu,cống,ổ gà,road,bridge,pothole",
    responsibleUnit: DCXD,
    timeLimitDays: 10,
    publicByDefault: true,
    sortOrder: 10,
    attributes: [
      {
        code: "severity",
        datatype: "singlevaluelist",
        required: false,
        description_vi: "Mức độ nguy hiểm",
        description_en: "How dangerous it is",
        order: 1,
        values: [
          { key: "low", name: "Thấp", name_en: "Low" },
          { key: "high", name: "Nguy hiểm cho người đi đường", name_en: "Dangerous to road users" },
        ],
      },
    ],
  },
  {
    code: "drainage",
    nameVi: "Tắc cống, ngập úng",
    nameEn: "Blocked drain, flooding",
    descriptionVi: "Cống rãnh tắc, nước đọng, ngập sau mưa",
    descriptionEn: "Blocked drains, standing water, flooding after rain",
    keywords: "cống,rãnh,ngập,drain,flood",
    responsibleUnit: DCXD,
    timeLimitDays: 5,
    publicByDefault: true,
    sortOrder: 20,
    attributes: [],
  },
  {
    code: "waste",
    nameVi: "Rác thải, vệ sinh môi trường",
    nameEn: "Rubbish, environment",
    descriptionVi: "Rác đổ bừa bãi, ô nhiễm, xác động vật",
    descriptionEn: "Dumped rubbish, pollution, dead animals",
    keywords: "rác,ô nhiễm,môi trường,rubbish,waste,pollution",
    responsibleUnit: DCXD,
    timeLimitDays: 5,
    publicByDefault: true,
    sortOrder: 30,
    attributes: [],
  },
  {
    code: "power",
    nameVi: "Đường dây điện, sự cố điện",
    nameEn: "Power line, electricity",
    descriptionVi: "Dây điện đứt hoặc võng thấp, cột điện nghiêng, mất điện",
    descriptionEn: "A power line down or sagging, a leaning pole, a power cut",
    keywords: "điện,dây điện,cột điện,power,electricity",
    responsibleUnit: VPTK,
    timeLimitDays: 3,
    publicByDefault: true,
    sortOrder: 40,
    attributes: [],
  },
  {
    code: "building",
    nameVi: "Xây dựng trái phép, đất đai",
    nameEn: "Illegal building, land",
    descriptionVi: "Xây dựng không phép, lấn chiếm đất công, hành lang giao thông",
    descriptionEn: "Building without a permit, encroachment on public land or road margins",
    keywords: "xây dựng,lấn chiếm,đất,building,land",
    responsibleUnit: DCXD,
    timeLimitDays: 15,
    publicByDefault: false,
    sortOrder: 50,
    attributes: [],
  },
  {
    code: "order",
    nameVi: "Trật tự công cộng, tiếng ồn",
    nameEn: "Public order, noise",
    descriptionVi: "Gây mất trật tự, tiếng ồn về đêm, tụ tập",
    descriptionEn: "Disorder, noise at night, gatherings",
    keywords: "trật tự,ồn,an ninh,order,noise",
    responsibleUnit: "Công an xã",
    timeLimitDays: 3,
    publicByDefault: false,
    sortOrder: 60,
    attributes: [],
  },
  {
    code: "lighting",
    nameVi: "Chiếu sáng công cộng",
    nameEn: "Street lighting",
    descriptionVi: "Đèn đường hỏng, không sáng hoặc sáng cả ngày",
    descriptionEn: "Street lights broken, off at night or on all day",
    keywords: "đèn,chiếu sáng,light",
    responsibleUnit: DCXD,
    timeLimitDays: 5,
    publicByDefault: true,
    sortOrder: 70,
    attributes: [],
  },
  {
    code: "water",
    nameVi: "Cấp nước sinh hoạt",
    nameEn: "Water supply",
    descriptionVi: "Mất nước, vỡ ống, nước bẩn",
    descriptionEn: "No water, a burst pipe, dirty water",
    keywords: "nước,ống nước,water",
    responsibleUnit: DCXD,
    timeLimitDays: 5,
    publicByDefault: true,
    sortOrder: 80,
    attributes: [],
  },
  {
    code: "other",
    nameVi: "Khác",
    nameEn: "Other",
    descriptionVi: "Vấn đề khác ở nơi công cộng",
    descriptionEn: "Another problem in a public place",
    keywords: "khác,other",
    responsibleUnit: VPTK,
    timeLimitDays: 10,
    publicByDefault: true,
    sortOrder: 900,
    attributes: [],
  },
];
