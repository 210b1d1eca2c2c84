//! The fair's interface strings in Simplified Chinese, Traditional Chinese and English (the
//! widget's own strings are in [`super`]; money and place names come from the core).

use crate::Lang;

/// The fair's strings in one language.
pub struct FairUi {
    pub attract_title: &'static str,
    pub attract_tagline: &'static str,
    pub start: &'static str,
    pub projects: &'static str,
    pub total_investment: &'static str,
    pub provinces: &'static str,
    pub by_sector: &'static str,
    pub by_province: &'static str,
    pub others: &'static str,
    pub no_list: &'static str,
    pub still_there: &'static str,
    pub keep_going: &'static str,
    pub start_over: &'static str,
    pub pick: &'static str,
    pub pick_industry: &'static str,
    pub pick_budget: &'static str,
    pub pick_region: &'static str,
    pub any_industry: &'static str,
    pub any_budget: &'static str,
    pub any_region: &'static str,
    pub all_provinces: &'static str,
    /// Back from a sector's industries to the wider choice.
    pub wider_industry: &'static str,
    pub handoff: &'static str,
    pub handoff_hint: &'static str,
    pub handoff_empty: &'static str,
    pub handoff_offline: &'static str,
    pub or_open: &'static str,
    pub qr_label: &'static str,
    pub print_pages: &'static str,
    pub print_summary: &'static str,
    pub staff: &'static str,
    pub load_list: &'static str,
    pub load_hint: &'static str,
    pub drop_here: &'static str,
    pub report_title: &'static str,
    pub reading_title: &'static str,
    pub report_failed: &'static str,
    pub report_kept: &'static str,
    pub rejected_rows: &'static str,
    pub warnings: &'static str,
    pub row: &'static str,
    pub field: &'static str,
    pub value: &'static str,
    pub reason: &'static str,
    pub close: &'static str,
    pub fullscreen: &'static str,
    pub print_heading: &'static str,
    pub print_top: &'static str,
    pub print_query: &'static str,
    pub print_scan: &'static str,
    pub print_date: &'static str,
    pub countdown_label: &'static str,
}

const ZH_HANS: FairUi = FairUi {
    attract_title: "投资机遇清单",
    attract_tagline: "告诉我们您的行业、预算和目标地区，马上为您找到合适的项目。",
    start: "点击开始匹配",
    projects: "个项目",
    total_investment: "总投资",
    provinces: "个省（区、市）",
    by_sector: "各产业项目数",
    by_province: "各省（区、市）项目数",
    others: "其他",
    no_list: "清单载入后将显示项目概况。",
    still_there: "还在使用吗？",
    keep_going: "继续使用",
    start_over: "重新开始",
    pick: "快速选择",
    pick_industry: "行业",
    pick_budget: "预算",
    pick_region: "地区",
    any_industry: "不限行业",
    any_budget: "不限预算",
    any_region: "不限地区",
    all_provinces: "返回省份列表",
    wider_industry: "返回上一级行业",
    handoff: "用手机带走结果",
    handoff_hint: "用手机扫描二维码，打开同样的查询和对比清单。",
    handoff_empty: "选择行业、预算或地区，或收藏项目后，这里会出现二维码。",
    handoff_offline: "未设置公开网址（share-base），无法生成二维码。",
    or_open: "或在浏览器中输入：",
    qr_label: "二维码：本次查询和对比清单的链接",
    print_pages: "打印：每个项目一页",
    print_summary: "打印：简要汇总",
    staff: "工作人员",
    load_list: "载入清单文件",
    load_hint: "把 Excel（.xlsx/.xls）、WPS/.ods、CSV 或 JSON 清单拖到屏幕上，或点此选择文件。",
    drop_here: "松开即可载入这份清单",
    report_title: "清单检查结果",
    reading_title: "表格是这样读取的",
    report_failed: "这份文件无法作为清单读取",
    report_kept: "原有清单继续使用。",
    rejected_rows: "未能载入的行",
    warnings: "提示",
    row: "行号",
    field: "字段",
    value: "内容",
    reason: "原因",
    close: "关闭",
    fullscreen: "全屏",
    print_heading: "投资项目对比清单",
    print_top: "匹配结果（前 10 个）",
    print_query: "查询条件",
    print_scan: "扫码在手机上打开",
    print_date: "打印日期",
    countdown_label: "无人操作时自动回到首页",
};

const ZH_HANT: FairUi = FairUi {
    attract_title: "投資機遇清單",
    attract_tagline: "告訴我們您的行業、預算和目標地區，馬上為您找到合適的項目。",
    start: "點擊開始配對",
    projects: "個項目",
    total_investment: "總投資",
    provinces: "個省（區、市）",
    by_sector: "各產業項目數",
    by_province: "各省（區、市）項目數",
    others: "其他",
    no_list: "清單載入後將顯示項目概況。",
    still_there: "還在使用嗎？",
    keep_going: "繼續使用",
    start_over: "重新開始",
    pick: "快速選擇",
    pick_industry: "行業",
    pick_budget: "預算",
    pick_region: "地區",
    any_industry: "不限行業",
    any_budget: "不限預算",
    any_region: "不限地區",
    all_provinces: "返回省份列表",
    wider_industry: "返回上一級行業",
    handoff: "用手機帶走結果",
    handoff_hint: "用手機掃描二維碼，打開同樣的查詢和對比清單。",
    handoff_empty: "選擇行業、預算或地區，或收藏項目後，這裡會出現二維碼。",
    handoff_offline: "未設定公開網址（share-base），無法產生二維碼。",
    or_open: "或在瀏覽器中輸入：",
    qr_label: "二維碼：本次查詢和對比清單的連結",
    print_pages: "列印：每個項目一頁",
    print_summary: "列印：簡要彙總",
    staff: "工作人員",
    load_list: "載入清單檔案",
    load_hint: "把 Excel（.xlsx/.xls）、WPS/.ods、CSV 或 JSON 清單拖到螢幕上，或點此選擇檔案。",
    drop_here: "鬆開即可載入這份清單",
    report_title: "清單檢查結果",
    reading_title: "表格是這樣讀取的",
    report_failed: "這份檔案無法作為清單讀取",
    report_kept: "原有清單繼續使用。",
    rejected_rows: "未能載入的行",
    warnings: "提示",
    row: "行號",
    field: "欄位",
    value: "內容",
    reason: "原因",
    close: "關閉",
    fullscreen: "全螢幕",
    print_heading: "投資項目對比清單",
    print_top: "配對結果（前 10 個）",
    print_query: "查詢條件",
    print_scan: "掃碼在手機上打開",
    print_date: "列印日期",
    countdown_label: "無人操作時自動回到首頁",
};

const EN: FairUi = FairUi {
    attract_title: "Investment opportunities",
    attract_tagline: "Tell us your industry, budget and region, and see the projects that fit — with the reason for every one.",
    start: "Touch to start",
    projects: "projects",
    total_investment: "total investment",
    provinces: "provinces and cities",
    by_sector: "Projects by sector",
    by_province: "Projects by province",
    others: "Others",
    no_list: "The overview appears once the list has loaded.",
    still_there: "Still there?",
    keep_going: "Continue",
    start_over: "Start over",
    pick: "Quick choice",
    pick_industry: "Industry",
    pick_budget: "Budget",
    pick_region: "Region",
    any_industry: "Any industry",
    any_budget: "Any budget",
    any_region: "Any region",
    all_provinces: "Back to provinces",
    wider_industry: "Broader industry",
    handoff: "Take it with you",
    handoff_hint: "Scan the code with your phone to open this search and your shortlist.",
    handoff_empty: "Choose an industry, budget or region, or star a project, and a QR code appears here.",
    handoff_offline: "No public address (share-base) is set, so no QR code can be made.",
    or_open: "Or open:",
    qr_label: "QR code: link to this search and shortlist",
    print_pages: "Print: one page per project",
    print_summary: "Print: compact summary",
    staff: "Staff",
    load_list: "Load a list file",
    load_hint: "Drop an Excel (.xlsx/.xls), WPS/.ods, CSV or JSON list on the screen, or tap here to choose a file.",
    drop_here: "Drop to load this list",
    report_title: "List check",
    reading_title: "How your table was read",
    report_failed: "This file could not be read as a list",
    report_kept: "The previous list stays in use.",
    rejected_rows: "Rows not loaded",
    warnings: "Notes",
    row: "Row",
    field: "Field",
    value: "Value",
    reason: "Reason",
    close: "Close",
    fullscreen: "Full screen",
    print_heading: "Investment shortlist",
    print_top: "Best matches (top 10)",
    print_query: "Search",
    print_scan: "Scan to open on your phone",
    print_date: "Printed",
    countdown_label: "Returns to the start screen when left idle",
};

/// The fair's strings for `lang`.
pub fn fair_ui(lang: Lang) -> &'static FairUi {
    match lang {
        Lang::ZhHans => &ZH_HANS,
        Lang::ZhHant => &ZH_HANT,
        Lang::En => &EN,
    }
}

/// `1:05` for the countdown chip.
pub fn clock(seconds: u32) -> String {
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

/// `还有 12 秒将清除本次查询，回到首页。`
pub fn resetting_in(lang: Lang, seconds: u32) -> String {
    match lang {
        Lang::ZhHans => format!("{seconds} 秒后将清除本次查询和收藏，回到首页。"),
        Lang::ZhHant => format!("{seconds} 秒後將清除本次查詢和收藏，回到首頁。"),
        Lang::En => format!("In {seconds} s this search and shortlist are cleared and the start screen returns."),
    }
}

/// `已载入 186 个项目（sample-gbk.csv）`.
pub fn loaded_line(lang: Lang, n: usize, file: &str) -> String {
    match lang {
        Lang::ZhHans => format!("已载入 {n} 个项目（{file}）"),
        Lang::ZhHant => format!("已載入 {n} 個項目（{file}）"),
        Lang::En => format!("Loaded {n} projects ({file})"),
    }
}

/// `12 个 · 350亿元` under a chart bar.
pub fn bar_value(lang: Lang, n: usize, money: &str) -> String {
    match lang {
        Lang::En => format!("{n} · {money}"),
        _ => format!("{n} 个 · {money}").replace("个", lang.pick("个", "個", "个")),
    }
}

/// `收藏 3 个项目` / `3 starred`.
pub fn starred(lang: Lang, n: usize) -> String {
    match lang {
        Lang::ZhHans => format!("已收藏 {n} 个项目"),
        Lang::ZhHant => format!("已收藏 {n} 個項目"),
        Lang::En => format!("{n} starred"),
    }
}

/// `未能载入的行（6）` / `Rows not loaded (6)`.
pub fn counted(lang: Lang, label: &str, n: usize) -> String {
    match lang {
        Lang::En => format!("{label} ({n})"),
        _ => format!("{label}（{n}）"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_countdown_reads_as_a_clock_and_the_warning_counts_seconds() {
        assert_eq!(clock(90), "1:30");
        assert_eq!(clock(5), "0:05");
        assert!(resetting_in(Lang::ZhHans, 12).starts_with("12 秒后"));
        assert!(resetting_in(Lang::ZhHant, 12).starts_with("12 秒後"));
        assert!(resetting_in(Lang::En, 12).starts_with("In 12 s"));
    }

    #[test]
    fn counted_things_use_each_scripts_measure_word() {
        assert_eq!(bar_value(Lang::ZhHans, 12, "350亿元"), "12 个 · 350亿元");
        assert_eq!(bar_value(Lang::ZhHant, 12, "350億元"), "12 個 · 350億元");
        assert_eq!(bar_value(Lang::En, 12, "35 billion yuan"), "12 · 35 billion yuan");
        assert_eq!(starred(Lang::ZhHant, 2), "已收藏 2 個項目");
        assert_eq!(loaded_line(Lang::En, 186, "sample-gbk.csv"), "Loaded 186 projects (sample-gbk.csv)");
        assert_eq!(counted(Lang::ZhHans, "未能载入的行", 6), "未能载入的行（6）");
        assert_eq!(counted(Lang::En, "Rows not loaded", 6), "Rows not loaded (6)");
    }
}
