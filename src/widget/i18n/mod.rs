//! Every string of the widget's interface, in Simplified Chinese, Traditional Chinese and English
//! (the fair's own strings are in [`fair`]). Reasons, warnings, suggestions and money come from the
//! core in the same three languages.
//!
//! ```
//! use opportunity_matcher::widget::i18n::{shortlist_tab, ui};
//! use opportunity_matcher::Lang;
//! assert_eq!(ui(Lang::ZhHant).shortlist, "對比清單");
//! assert_eq!(shortlist_tab(Lang::En, 2), "Shortlist (2)");
//! ```

pub mod fair;

use crate::Lang;

/// The interface strings of one language.
pub struct Ui {
    pub title: &'static str,
    pub intro: &'static str,
    pub privacy: &'static str,
    pub language: &'static str,
    pub search: &'static str,
    pub industry: &'static str,
    pub industry_placeholder: &'static str,
    pub industry_hint: &'static str,
    pub budget: &'static str,
    pub budget_placeholder: &'static str,
    pub budget_hint: &'static str,
    pub region: &'static str,
    pub region_placeholder: &'static str,
    pub region_hint: &'static str,
    pub understood: &'static str,
    /// Before the places the investor left out (`成都以外`), under the region box.
    pub excluding: &'static str,
    /// Before the industries left out, after those understood (`不含：房地产`).
    pub excluding_industries: &'static str,
    /// After what was understood of the budget or the region when it was typed in the industry box.
    pub from_industry_box: &'static str,
    /// The same, typed in the region box (`成都 5000万`).
    pub from_region_box: &'static str,
    /// The same, typed in the budget box (`2亿 成都`).
    pub from_budget_box: &'static str,
    pub suggestions_for: &'static str,
    pub filters: &'static str,
    pub sector: &'static str,
    pub cooperation: &'static str,
    pub stage: &'static str,
    pub any: &'static str,
    pub clear: &'static str,
    pub results: &'static str,
    pub shortlist: &'static str,
    pub loading: &'static str,
    pub load_failed: &'static str,
    pub load_failed_hint: &'static str,
    pub load_broken_hint: &'static str,
    pub cause: &'static str,
    pub crashed: &'static str,
    pub crashed_hint: &'static str,
    pub reload: &'static str,
    pub no_query: &'static str,
    pub empty: &'static str,
    pub few: &'static str,
    pub clear_region: &'static str,
    pub clear_budget: &'static str,
    pub clear_filters: &'static str,
    pub show_more: &'static str,
    pub score: &'static str,
    pub details: &'static str,
    pub hide_details: &'static str,
    pub star: &'static str,
    pub why: &'static str,
    pub place: &'static str,
    pub park: &'static str,
    pub investment: &'static str,
    pub seeking: &'static str,
    pub project_sector: &'static str,
    pub tags: &'static str,
    pub land: &'static str,
    pub mu: &'static str,
    pub description: &'static str,
    pub benefits: &'static str,
    pub policies: &'static str,
    pub returns: &'static str,
    pub irr: &'static str,
    pub payback: &'static str,
    pub jobs: &'static str,
    pub annual_output: &'static str,
    pub contact: &'static str,
    pub contact_org: &'static str,
    pub contact_name: &'static str,
    pub phone: &'static str,
    pub email: &'static str,
    pub link: &'static str,
    pub updated: &'static str,
    pub stale: &'static str,
    pub not_published: &'static str,
    pub priority: &'static str,
    pub id: &'static str,
    pub name: &'static str,
    pub shortlist_empty: &'static str,
    pub compare: &'static str,
    pub export_csv: &'static str,
    pub clear_shortlist: &'static str,
    pub remove: &'static str,
    pub share: &'static str,
    pub share_hint: &'static str,
    pub not_in_list: &'static str,
    pub list_problems: &'static str,
    pub data_source: &'static str,
    pub field: &'static str,
    pub results_label: &'static str,
    pub csv_file: &'static str,
    pub skip_to_results: &'static str,
    pub skip_to_more: &'static str,
    pub hant_unavailable: &'static str,
}

const ZH_HANS: Ui = Ui {
    title: "机遇清单智能匹配",
    intro: "输入行业、预算和地区，项目按匹配度排序，每一项都写明理由。",
    privacy: "计算完全在您的浏览器中进行，您输入的内容不会发送到任何服务器。",
    language: "界面语言",
    search: "查找投资机遇",
    industry: "行业",
    industry_placeholder: "如 动力电池、食品饮料、AI",
    industry_hint: "可写多个，用顿号分隔；简体、繁体、英文均可。",
    budget: "预算",
    budget_placeholder: "如 30亿、5000万、1-5亿",
    budget_hint: "请写单位：万元、亿元，或 USD / HKD；可写区间，如 1-5亿。",
    region: "地区",
    region_placeholder: "如 成都、川、成渝、长三角",
    region_hint: "省、市、区县、开发区或经济区，可写多个。",
    understood: "已识别：",
    from_industry_box: "（写在行业栏中）",
    from_region_box: "（写在地区栏中）",
    from_budget_box: "（写在预算栏中）",
    excluding: "不含：",
    excluding_industries: "不含：",
    suggestions_for: "建议",
    filters: "更多筛选",
    sector: "所属产业",
    cooperation: "合作方式",
    stage: "项目阶段",
    any: "不限",
    clear: "清空条件",
    results: "匹配结果",
    shortlist: "对比清单",
    loading: "正在载入机遇清单……",
    load_failed: "机遇清单未能载入",
    load_failed_hint: "请检查网络连接后刷新页面；如果问题仍然存在，请联系本网站管理员。",
    load_broken_hint: "清单文件本身有错误（见上面的原因），请告知本网站管理员修正。",
    cause: "原因：",
    crashed: "匹配器出错了",
    crashed_hint: "请刷新页面重试。您的查询和对比清单保存在网址中，刷新后仍在。",
    reload: "刷新页面",
    no_query: "尚未输入条件：以下按发布方推荐顺序列出。输入行业、预算或地区后，排序会随输入即时更新。",
    empty: "没有项目符合当前条件。",
    few: "较相符的项目不多，可以试试：",
    clear_region: "清除地区",
    clear_budget: "清除预算",
    clear_filters: "清除筛选",
    show_more: "显示更多",
    score: "匹配度",
    details: "查看详情",
    hide_details: "收起详情",
    star: "加入对比清单",
    why: "匹配理由",
    place: "地点",
    park: "载体",
    investment: "总投资",
    seeking: "拟引资",
    project_sector: "所属行业",
    tags: "细分领域",
    land: "用地",
    mu: "亩",
    description: "项目简介",
    benefits: "效益分析",
    policies: "优惠政策",
    returns: "预期回报与带动",
    irr: "内部收益率",
    payback: "投资回收期",
    jobs: "带动就业",
    annual_output: "年产值",
    contact: "联系方式",
    contact_org: "联系单位",
    contact_name: "联系人",
    phone: "电话",
    email: "邮箱",
    link: "项目链接",
    updated: "更新日期",
    stale: "可能已过时",
    not_published: "未公布",
    priority: "推荐指数",
    id: "项目编号",
    name: "项目名称",
    shortlist_empty: "对比清单还是空的。点击结果旁的 ☆ 收藏项目，即可并排比较、导出 CSV 或分享链接。",
    compare: "并排比较",
    export_csv: "导出 CSV",
    clear_shortlist: "清空对比清单",
    remove: "移出对比清单",
    share: "分享链接",
    share_hint: "这个链接会打开同样的查询和对比清单：",
    not_in_list: "当前清单中没有这个项目",
    list_problems: "清单载入说明",
    data_source: "数据来源",
    field: "项目",
    results_label: "匹配结果列表",
    csv_file: "对比清单",
    skip_to_results: "跳到匹配结果",
    skip_to_more: "跳过以下结果，到“显示更多”",
    hant_unavailable: "繁体字对照表未能载入，清单内容按原文显示。",
};

const ZH_HANT: Ui = Ui {
    title: "機遇清單智慧匹配",
    intro: "輸入行業、預算和地區，項目按匹配度排序，每一項都寫明理由。",
    privacy: "計算完全在您的瀏覽器中進行，您輸入的內容不會傳送到任何伺服器。",
    language: "介面語言",
    search: "查找投資機遇",
    industry: "行業",
    industry_placeholder: "如 動力電池、食品飲料、AI",
    industry_hint: "可寫多個，用頓號分隔；簡體、繁體、英文均可。",
    budget: "預算",
    budget_placeholder: "如 30億、5000萬、1-5億",
    budget_hint: "請寫單位：萬元、億元，或 USD / HKD；可寫區間，如 1-5億。",
    region: "地區",
    region_placeholder: "如 成都、川、成渝、長三角",
    region_hint: "省、市、區縣、開發區或經濟區，可寫多個。",
    understood: "已識別：",
    from_industry_box: "（寫在行業欄中）",
    from_region_box: "（寫在地區欄中）",
    from_budget_box: "（寫在預算欄中）",
    excluding: "不含：",
    excluding_industries: "不含：",
    suggestions_for: "建議",
    filters: "更多篩選",
    sector: "所屬產業",
    cooperation: "合作方式",
    stage: "項目階段",
    any: "不限",
    clear: "清空條件",
    results: "匹配結果",
    shortlist: "對比清單",
    loading: "正在載入機遇清單……",
    load_failed: "機遇清單未能載入",
    load_failed_hint: "請檢查網路連線後重新整理頁面；如果問題仍然存在，請聯絡本網站管理員。",
    load_broken_hint: "清單檔案本身有錯誤（見上面的原因），請告知本網站管理員修正。",
    cause: "原因：",
    crashed: "匹配器出錯了",
    crashed_hint: "請重新整理頁面再試。您的查詢和對比清單保存在網址中，重新整理後仍在。",
    reload: "重新整理頁面",
    no_query: "尚未輸入條件：以下依發布方推薦順序列出。輸入行業、預算或地區後，排序會隨輸入即時更新。",
    empty: "沒有項目符合目前條件。",
    few: "較相符的項目不多，可以試試：",
    clear_region: "清除地區",
    clear_budget: "清除預算",
    clear_filters: "清除篩選",
    show_more: "顯示更多",
    score: "匹配度",
    details: "查看詳情",
    hide_details: "收起詳情",
    star: "加入對比清單",
    why: "匹配理由",
    place: "地點",
    park: "載體",
    investment: "總投資",
    seeking: "擬引資",
    project_sector: "所屬行業",
    tags: "細分領域",
    land: "用地",
    mu: "畝",
    description: "項目簡介",
    benefits: "效益分析",
    policies: "優惠政策",
    returns: "預期回報與帶動",
    irr: "內部收益率",
    payback: "投資回收期",
    jobs: "帶動就業",
    annual_output: "年產值",
    contact: "聯絡方式",
    contact_org: "聯絡單位",
    contact_name: "聯絡人",
    phone: "電話",
    email: "電子郵件",
    link: "項目連結",
    updated: "更新日期",
    stale: "可能已過時",
    not_published: "未公布",
    priority: "推薦指數",
    id: "項目編號",
    name: "項目名稱",
    shortlist_empty: "對比清單還是空的。點擊結果旁的 ☆ 收藏項目，即可並排比較、匯出 CSV 或分享連結。",
    compare: "並排比較",
    export_csv: "匯出 CSV",
    clear_shortlist: "清空對比清單",
    remove: "移出對比清單",
    share: "分享連結",
    share_hint: "這個連結會開啟同樣的查詢和對比清單：",
    not_in_list: "目前清單中沒有這個項目",
    list_problems: "清單載入說明",
    data_source: "資料來源",
    field: "項目",
    results_label: "匹配結果列表",
    csv_file: "對比清單",
    skip_to_results: "跳到匹配結果",
    skip_to_more: "跳過以下結果，到「顯示更多」",
    hant_unavailable: "繁體字對照表未能載入，清單內容依原文（簡體）顯示。",
};

const EN: Ui = Ui {
    title: "Opportunity matcher",
    intro: "Enter your industry, budget and region: projects are ranked by fit, with the reason for every rank.",
    privacy: "Everything is computed in your browser; nothing you type is sent to any server.",
    language: "Language",
    search: "Find investment opportunities",
    industry: "Industry",
    industry_placeholder: "e.g. power battery, food and beverage, AI",
    industry_hint: "Several are fine, separated by commas; English or Chinese.",
    budget: "Budget",
    budget_placeholder: "e.g. 3 billion yuan, USD 50 million, 1-5亿",
    budget_hint: "Give a unit: yuan, 万, 亿, million, billion, or USD / HKD; ranges such as 100-500 million are fine.",
    region: "Region",
    region_placeholder: "e.g. Chengdu, Sichuan, Chengdu-Chongqing",
    region_hint: "A province, city, county, development zone or economic zone; several are fine.",
    understood: "Understood: ",
    from_industry_box: " (typed in the industry box)",
    from_region_box: " (typed in the region box)",
    from_budget_box: " (typed in the budget box)",
    excluding: "not in: ",
    excluding_industries: "except: ",
    suggestions_for: "Suggestions",
    filters: "More filters",
    sector: "Sector",
    cooperation: "Cooperation",
    stage: "Stage",
    any: "Any",
    clear: "Clear",
    results: "Results",
    shortlist: "Shortlist",
    loading: "Loading the opportunity list…",
    load_failed: "The opportunity list could not be loaded",
    load_failed_hint: "Check your connection and reload the page; if it persists, contact this site's webmaster.",
    load_broken_hint: "The list file itself has an error (see the cause above): please tell this site's webmaster.",
    cause: "Cause: ",
    crashed: "The matcher stopped with an error",
    crashed_hint: "Reload the page to try again. Your query and shortlist are kept in the address and survive the reload.",
    reload: "Reload page",
    no_query: "No query yet: projects are listed in the publisher's order of priority. Enter an industry, budget or region and the ranking updates as you type.",
    empty: "No project fits these conditions.",
    few: "Few projects fit well. You could:",
    clear_region: "Clear the region",
    clear_budget: "Clear the budget",
    clear_filters: "Clear the filters",
    show_more: "Show more",
    score: "Match",
    details: "Details",
    hide_details: "Hide details",
    star: "Add to shortlist",
    why: "Why",
    place: "Place",
    park: "Park",
    investment: "Total investment",
    seeking: "Seeking",
    project_sector: "Sector",
    tags: "Tags",
    land: "Land",
    mu: "mu",
    description: "Description",
    benefits: "Benefits",
    policies: "Policies",
    returns: "Returns and impact",
    irr: "IRR",
    payback: "Payback",
    jobs: "Jobs",
    annual_output: "Annual output",
    contact: "Contact",
    contact_org: "Organisation",
    contact_name: "Person",
    phone: "Phone",
    email: "Email",
    link: "Project page",
    updated: "Updated",
    stale: "may be out of date",
    not_published: "not published",
    priority: "Publisher priority",
    id: "Project ID",
    name: "Project",
    shortlist_empty: "Your shortlist is empty. Star (☆) projects in the results to compare them side by side, export them as CSV or share a link.",
    compare: "Side by side",
    export_csv: "Export CSV",
    clear_shortlist: "Clear shortlist",
    remove: "Remove from shortlist",
    share: "Share link",
    share_hint: "This link opens the same query and shortlist:",
    not_in_list: "This project is not in the current list",
    list_problems: "About this list",
    data_source: "Data",
    field: "Field",
    results_label: "Ranked projects",
    csv_file: "shortlist",
    skip_to_results: "Skip to the results",
    skip_to_more: "Skip past these results to \u{201c}Show more\u{201d}",
    hant_unavailable: "The Traditional-character table could not be loaded: list text is shown as published.",
};

/// The interface strings for `lang`.
pub fn ui(lang: Lang) -> &'static Ui {
    match lang {
        Lang::ZhHans => &ZH_HANS,
        Lang::ZhHant => &ZH_HANT,
        Lang::En => &EN,
    }
}

/// The label of the language switch button for `lang` (always in its own script).
pub fn lang_button(lang: Lang) -> (&'static str, &'static str) {
    match lang {
        Lang::ZhHans => ("简", "简体中文"),
        Lang::ZhHant => ("繁", "繁體中文"),
        Lang::En => ("EN", "EN, English"),
    }
}

/// `共 186 个项目，显示最相符的 20 个`.
pub fn count_line(lang: Lang, total: usize, matched: usize, shown: usize, has_query: bool) -> String {
    let filtered = matched < total;
    match lang {
        Lang::ZhHans => {
            let head =
                if filtered { format!("共 {total} 个项目，{matched} 个符合筛选") } else { format!("共 {total} 个项目") };
            if has_query {
                format!("{head}，显示最相符的 {shown} 个。")
            } else {
                format!("{head}，显示前 {shown} 个。")
            }
        }
        Lang::ZhHant => {
            let head =
                if filtered { format!("共 {total} 個項目，{matched} 個符合篩選") } else { format!("共 {total} 個項目") };
            if has_query {
                format!("{head}，顯示最相符的 {shown} 個。")
            } else {
                format!("{head}，顯示前 {shown} 個。")
            }
        }
        Lang::En => {
            let head = if filtered { format!("{total} projects, {matched} pass the filters") } else { format!("{total} projects") };
            if has_query {
                format!("{head}; showing the best {shown}.")
            } else {
                format!("{head}; showing the first {shown}.")
            }
        }
    }
}

/// `第 3 名` / `No. 3`, for screen readers.
pub fn rank_label(lang: Lang, n: usize) -> String {
    lang.pick(format!("第 {n} 名"), format!("第 {n} 名"), format!("No. {n}"))
}

/// `对比清单（2）`.
pub fn shortlist_tab(lang: Lang, n: usize) -> String {
    let u = ui(lang);
    if n == 0 {
        u.shortlist.to_string()
    } else {
        match lang {
            Lang::En => format!("{} ({n})", u.shortlist),
            _ => format!("{}（{n}）", u.shortlist),
        }
    }
}

/// `匹配度 87%`: the score where nothing else says what the number is.
pub fn score_text(lang: Lang, score: f32) -> String {
    format!("{} {}", ui(lang).score, percent_text(score))
}

/// `87%`: the score next to a label that already says "match".
pub fn percent_text(score: f32) -> String {
    format!("{}%", (score.clamp(0.0, 1.0) * 100.0).round() as u32)
}

/// `2022-09-30（可能已过时）`: a date next to a label that already says "updated".
pub fn date_text(lang: Lang, date: &str, stale: bool) -> String {
    match (lang, stale) {
        (_, false) => date.to_string(),
        (Lang::En, true) => format!("{date} ({})", ui(lang).stale),
        (_, true) => format!("{date}（{}）", ui(lang).stale),
    }
}

/// `更新于 2022-09-30` with the staleness mark.
pub fn updated_text(lang: Lang, date: &str, stale: bool) -> String {
    let u = ui(lang);
    match (lang, stale) {
        (Lang::En, true) => format!("{} {date} ({})", u.updated, u.stale),
        (Lang::En, false) => format!("{} {date}", u.updated),
        (_, true) => format!("{} {date}（{}）", u.updated, u.stale),
        (_, false) => format!("{} {date}", u.updated),
    }
}

/// `1,200 人` / `1,200`.
pub fn jobs_text(lang: Lang, jobs: u64) -> String {
    let digits = jobs.to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    lang.pick(format!("{grouped} 人"), format!("{grouped} 人"), grouped.clone())
}

/// Land area: `300 亩` / `300 mu`.
pub fn land_text(lang: Lang, mu: f64) -> String {
    let v = (mu * 10.0).round() / 10.0;
    format!("{v} {}", ui(lang).mu)
}

/// `清单：投资四川机遇清单 · 四川省投资促进局 · 2022-09-30`.
pub fn source_line(lang: Lang, parts: &[&str]) -> String {
    let u = ui(lang);
    let sep = if lang == Lang::En { ": " } else { "：" };
    format!("{}{sep}{}", u.data_source, parts.join(" · "))
}

/// What the live region says once typing pauses (or at once after a button): how many projects
/// are shown of how many fit, and which is first — `Re-ranked: 20 of 211, first: ` + the name +
/// `.`. The name is kept apart so that a view can mark it as Chinese on an English page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Announcement {
    pub head: String,
    /// The first result's name.
    pub first: Option<String>,
    pub tail: String,
}

impl Announcement {
    /// The announcement for a ranking: `shown` results of `matched` (of `total` in the list),
    /// `first` the first result's name, the query's warnings after it.
    pub fn new(
        lang: Lang,
        total: usize,
        matched: usize,
        shown: usize,
        has_query: bool,
        first: Option<&str>,
        warnings: &[String],
    ) -> Announcement {
        let u = ui(lang);
        let mut tail = String::new();
        let head = match (first, has_query) {
            (None, _) => u.empty.to_string(),
            (Some(_), false) => {
                // Nothing typed yet: the list as it came (after a load, a cleared form).
                let line = count_line(lang, total, matched, shown, false);
                tail = line.trim_end_matches(['。', '.']).to_string();
                let tail = with_warnings(lang, format!("{tail}{}", lang.pick("。", "。", ".")), warnings);
                return Announcement { head: String::new(), first: None, tail };
            }
            // The list's size first, as the visible count line says it.
            (Some(_), true) => match (lang, matched < total) {
                (Lang::ZhHans, false) => format!("已重新排序：共 {total} 个项目，显示 {shown} 个，第一名："),
                (Lang::ZhHans, true) => format!("已重新排序：共 {total} 个项目，{matched} 个符合筛选，显示 {shown} 个，第一名："),
                (Lang::ZhHant, false) => format!("已重新排序：共 {total} 個項目，顯示 {shown} 個，第一名："),
                (Lang::ZhHant, true) => format!("已重新排序：共 {total} 個項目，{matched} 個符合篩選，顯示 {shown} 個，第一名："),
                (Lang::En, false) => format!("Re-ranked: {shown} of {total} projects, first: "),
                (Lang::En, true) => format!("Re-ranked: {shown} of the {matched} that pass the filters ({total} projects), first: "),
            },
        };
        if first.is_some() {
            tail.push_str(lang.pick("。", "。", "."));
        }
        if first.is_none() && !warnings.is_empty() && lang == Lang::En {
            tail.push(' ');
        }
        Announcement { head, first: first.map(str::to_string), tail: with_warnings(lang, tail, warnings) }
    }

    /// The whole text.
    pub fn text(&self) -> String {
        format!("{}{}{}", self.head, self.first.as_deref().unwrap_or(""), self.tail)
    }
}

fn with_warnings(lang: Lang, mut text: String, warnings: &[String]) -> String {
    for w in warnings {
        if !text.is_empty() && !text.ends_with(' ') && lang == Lang::En {
            text.push(' ');
        }
        text.push_str(w);
        if !w.ends_with(['。', '.', '！', '!', '？', '?']) {
            text.push_str(lang.pick("。", "。", "."));
        }
    }
    text
}

/// `text` cut into runs of Chinese and of anything else, in order (`true`: Chinese). A run of
/// Chinese takes the CJK punctuation and spaces between Han characters with it.
///
/// ```
/// use opportunity_matcher::widget::i18n::chinese_runs;
/// assert_eq!(chinese_runs("row 16: \"成都 芯谷\" kept"), [("row 16: \"", false), ("成都 芯谷", true), ("\" kept", false)]);
/// ```
pub fn chinese_runs(text: &str) -> Vec<(&str, bool)> {
    let han = |c: char| crate::fold::is_cjk(c) || ('\u{3000}'..='\u{303f}').contains(&c) || ('\u{ff00}'..='\u{ffef}').contains(&c);
    let mut runs = Vec::new();
    let mut start = 0;
    let mut chinese = false;
    for (i, c) in text.char_indices() {
        let is = han(c) || (chinese && c == ' ' && text[i + 1..].chars().next().is_some_and(han));
        if i > 0 && is != chinese {
            runs.push((&text[start..i], chinese));
            start = i;
        }
        chinese = is;
    }
    if start < text.len() {
        runs.push((&text[start..], chinese));
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_count_line_says_what_is_shown_in_each_language() {
        assert_eq!(count_line(Lang::ZhHans, 186, 186, 20, true), "共 186 个项目，显示最相符的 20 个。");
        assert_eq!(count_line(Lang::ZhHant, 186, 40, 20, false), "共 186 個項目，40 個符合篩選，顯示前 20 個。");
        assert_eq!(count_line(Lang::En, 186, 40, 20, true), "186 projects, 40 pass the filters; showing the best 20.");
    }

    #[test]
    fn numbers_and_dates_are_worded_per_language() {
        assert_eq!(shortlist_tab(Lang::ZhHans, 0), "对比清单");
        assert_eq!(shortlist_tab(Lang::ZhHant, 3), "對比清單（3）");
        assert_eq!(score_text(Lang::En, 0.874), "Match 87%");
        assert_eq!(score_text(Lang::ZhHans, 1.7), "匹配度 100%", "a score is shown within 0–100 %");
        assert_eq!(percent_text(0.874), "87%");
        assert_eq!(date_text(Lang::En, "2022-09-30", true), "2022-09-30 (may be out of date)");
        assert_eq!(date_text(Lang::ZhHant, "2022-09-30", false), "2022-09-30");
        assert_eq!(jobs_text(Lang::ZhHans, 1200), "1,200 人");
        assert_eq!(jobs_text(Lang::En, 1_234_567), "1,234,567");
        assert_eq!(jobs_text(Lang::En, 999), "999");
        assert_eq!(land_text(Lang::En, 300.04), "300 mu");
        assert_eq!(updated_text(Lang::En, "2022-09-30", true), "Updated 2022-09-30 (may be out of date)");
        assert_eq!(updated_text(Lang::ZhHant, "2022-09-30", false), "更新日期 2022-09-30");
        assert_eq!(rank_label(Lang::En, 3), "No. 3");
        assert_eq!(source_line(Lang::ZhHans, &["投资四川", "2022-09-30"]), "数据来源：投资四川 · 2022-09-30");
    }

    #[test]
    fn the_announcement_says_how_many_and_which_is_first_then_the_warnings() {
        let a = Announcement::new(Lang::En, 211, 211, 20, true, Some("成都动力电池产业园"), &[]);
        assert_eq!(
            (a.head.as_str(), a.first.as_deref(), a.tail.as_str()),
            ("Re-ranked: 20 of 211 projects, first: ", Some("成都动力电池产业园"), ".")
        );
        let a = Announcement::new(Lang::ZhHant, 211, 40, 20, true, Some("項目"), &["預算「abc」無法識別".into()]);
        assert_eq!(a.text(), "已重新排序：共 211 個項目，40 個符合篩選，顯示 20 個，第一名：項目。預算「abc」無法識別。");
        let a = Announcement::new(Lang::En, 211, 40, 20, true, Some("Battery park"), &[]);
        assert_eq!(a.text(), "Re-ranked: 20 of the 40 that pass the filters (211 projects), first: Battery park.");
        let a = Announcement::new(Lang::En, 211, 0, 0, true, None, &["\"xyz\" not understood".into()]);
        assert_eq!(a.text(), "No project fits these conditions. \"xyz\" not understood.");
        let a = Announcement::new(Lang::ZhHans, 211, 211, 20, false, Some("项目"), &[]);
        assert_eq!(a.text(), "共 211 个项目，显示前 20 个。", "nothing typed: the list as it came");
    }

    #[test]
    fn chinese_inside_english_is_cut_out_for_marking() {
        assert_eq!(
            chinese_runs("Give a unit: yuan, 万, 亿, million"),
            [("Give a unit: yuan, ", false), ("万", true), (", ", false), ("亿", true), (", million", false)]
        );
        assert_eq!(chinese_runs("成都高新区 5G 产业园"), [("成都高新区", true), (" 5G ", false), ("产业园", true)]);
        assert_eq!(chinese_runs("预算「abc」"), [("预算「", true), ("abc", false), ("」", true)]);
        assert_eq!(chinese_runs(""), []);
        assert_eq!(chinese_runs("English only"), [("English only", false)]);
    }

    #[test]
    fn every_language_has_every_string() {
        for lang in Lang::ALL {
            let u = ui(lang);
            for s in [u.title, u.privacy, u.industry, u.budget, u.region, u.loading, u.crashed, u.reload, u.export_csv, u.csv_file] {
                assert!(!s.trim().is_empty(), "{lang:?}");
            }
            let (short, long) = lang_button(lang);
            assert!(!short.is_empty() && long.len() > short.len());
        }
    }
}
