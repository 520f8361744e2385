/** Source ids (as in FACTS.md's table), named once for the fact files. */
export const HT = "ht-2023-12-19";
export const REPORT = "verge-2023-12-15-report";
export const SUSPENSION = "verge-2023-12-15-suspension";
export const CNN = "cnn-2023-12-19";
export const ZH = "bytedance-2023-12-16";
export const REGISTER = "register-2024-06-25";
export const TOU_2023 = "openai-tou-2023-03-14";
export const TOU_2024 = "openai-tou-2024-01-31";
export const BUSINESS = "openai-business-terms-2023-11-14";
export const USAGE = "openai-usage-policies-2023-03-23";
export const SA_2025 = "openai-services-agreement-2025-05-31";
export const MICROSOFT_SA = "microsoft-services-agreement-2023-09-30";
