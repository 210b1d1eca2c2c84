//! A whole sentence typed into the industry box: `想在成都投个五千万做新能源`, `I want to invest $5m
//! in EV batteries near Chengdu`, `成都 新能源 5000万`. An investor on a phone types what they want
//! in the first box they see; the budget and the place in it are read as the budget and the region
//! (when those boxes are blank), the words around them that only carry the sentence (`想`, `投个`,
//! `I want to`) are dropped, and what is left is read as the industry.
//!
//! Only clear phrases are taken, never a guess from inside an industry word: a budget is a figure
//! with a money unit (`五千万`, `$5m`, `2-3个亿`) in a sentence that speaks of investing (`投`,
//! `预算`, `invest`, `budget` …) or in a part of its own; a place follows a word that says where
//! (`在`, `落户`, `in`, `near` …) or is a part of its own (`成都 新能源`), and is wholly a place
//! (`青岛啤酒` is no place).

use crate::fold::fold;
use crate::gazetteer::Gazetteer;
use crate::money::{parse_money, Fx};

/// The industry box's text split into what it says about each part.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct SentenceParts {
    /// The text left for the industry.
    pub industry: String,
    /// The budget phrase as typed, if one was taken.
    pub budget: Option<String>,
    /// The place phrase as typed, if one was taken.
    pub region: Option<String>,
    /// True when the text holds only the words of a sentence (`我要投资`, `有什么好项目推荐吗`):
    /// no industry, budget or place is asked for.
    pub nothing_asked: bool,
}

/// Words that say where in Chinese, before a place (`在成都`, `落户天府新区`; Cantonese `喺`).
const CJK_WHERE: [&str; 18] = [
    "落户",
    "落地",
    "位于",
    "选址",
    "地点以",
    "地点在",
    "地点选",
    "地点",
    "区域以",
    "地区以",
    "最好在",
    "最好是",
    "在",
    "于",
    "到",
    "去",
    "赴",
    "喺",
];
/// Words after a place that say it is preferred (`地点以海南为佳`, `成都优先`): they go with it.
const PREFERRED_AFTER: [&str; 7] = ["为佳", "为宜", "为主", "优先", "最好", "更好", "最佳"];
/// Words before a place left out (`除了北京`) that the sentence reader takes: the region box's own
/// (`super::exclusion`) without the loose ones (`不要`, `不在`, `除`), which a sentence uses for
/// other things. The words after one (`新竹以外`) are the region box's.
const EXCLUDE_BEFORE: [&str; 6] = ["除了", "除开", "不包括", "不含", "排除", "不考虑"];
/// Words that say where in English, before a place.
const LATIN_WHERE: [&str; 7] = ["in", "near", "around", "at", "within", "across", "to"];
/// Words of a sentence about investing or looking for a project (one is needed before a figure
/// inside a sentence is taken as the budget: `年产值5亿` in a company's line of business is no budget).
const INVEST_WORDS: [&str; 27] = [
    "投",
    "价格",
    "求购",
    "收购",
    "购买",
    "参股",
    "入股",
    "适合",
    "搵",
    "预算",
    "资金",
    "闲钱",
    "本钱",
    "手头",
    "手上",
    "出资",
    "拿出",
    "找",
    "budget",
    "invest",
    "investing",
    "investment",
    "capital",
    "spend",
    "fund",
    "funds",
    "ticket",
];
/// Words that only carry a sentence, dropped from the industry once a part of it was taken
/// (longest first for the Chinese ones, which are stripped from the ends of a piece).
const CJK_CARRIERS: [&str; 73] = [
    "人民币",
    "我们公司",
    "本公司",
    "我公司",
    "本集团",
    "我司",
    "有闲钱",
    "闲钱",
    "扩厂",
    "扩产",
    "建厂",
    "设厂",
    "办厂",
    "开厂",
    "赴大陆",
    "到大陆",
    "来大陆",
    "在大陆",
    "手头有",
    "手上有",
    "本人",
    "有没有",
    "有意向",
    "我们是",
    "我们",
    "我想",
    "想要",
    "打算",
    "准备",
    "计划",
    "希望",
    "考虑",
    "投资",
    "投入",
    "一个",
    "一些",
    "一点",
    "方面",
    "项目",
    "左右",
    "大概",
    "大约",
    "预算",
    "资金",
    "寻找",
    "寻求",
    "找个",
    "看看",
    "意向",
    "有意",
    "主要",
    "我是",
    "帮我",
    "帮忙",
    "麻烦",
    "给我",
    "推荐",
    "一下",
    "几个",
    "想",
    "要",
    "在",
    "投",
    "个",
    "做",
    "搞",
    "的",
    "于",
    "找",
    "是",
    "点",
    "些",
    "请",
];
const LATIN_CARRIERS: [&str; 151] = [
    "joint",
    "venture",
    "ventures",
    "partnership",
    "jv",
    "maker",
    "makers",
    "planning",
    "plans",
    "at",
    // Countries an investor comes from or looks at besides China (the list holds China's places).
    "singapore",
    "singaporean",
    "malaysia",
    "malaysian",
    "japan",
    "korea",
    "germany",
    "usa",
    "us",
    "uk",
    "france",
    "italy",
    "australia",
    "australian",
    "canada",
    "canadian",
    "thailand",
    "thai",
    "indonesia",
    "vietnam",
    "dutch",
    "swiss",
    "italian",
    "spanish",
    "businessman",
    "businessmen",
    "businesswoman",
    "entrepreneur",
    "entrepreneurs",
    "investor",
    "investors",
    "makes",
    "make",
    "making",
    "expand",
    "expanding",
    "relocate",
    "relocating",
    "site",
    "sites",
    "stake",
    "acquire",
    "need",
    "partner",
    "partners",
    "build",
    "factory",
    "plant",
    "set",
    "up",
    "preferred",
    "preferably",
    "ideally",
    "fund",
    "funds",
    "seeking",
    "seek",
    "ticket",
    "size",
    "any",
    "some",
    "opportunity",
    "opportunities",
    "deal",
    "deals",
    "sector",
    "industry",
    "please",
    "show",
    "me",
    "find",
    "recommend",
    "good",
    "what",
    "there",
    "you",
    "can",
    "we'd",
    "i'd",
    "i'm",
    "we're",
    "am",
    "are",
    "is",
    "interested",
    "rmb",
    "cny",
    "yuan",
    "i",
    "we",
    "my",
    "our",
    "want",
    "wants",
    "would",
    "like",
    "to",
    "invest",
    "investing",
    "a",
    "an",
    "the",
    "with",
    "budget",
    "of",
    "about",
    "around",
    "looking",
    "for",
    "project",
    "projects",
    "have",
    "in",
    "into",
    "something",
    "family",
    "office",
    "facilities",
    "facility",
    "foreign",
    "overseas",
    "supplier",
    "suppliers",
    "company",
    "firm",
    "german",
    "american",
    "japanese",
    "korean",
    "french",
    "british",
    "european",
    "singaporean",
    "taiwanese",
    "explore",
    "exploring",
    "options",
    "option",
    "possibilities",
    "targets",
    "target",
];
/// Characters that, in what is left of a piece around an industry word, only carry the sentence
/// (`公司想`, `了解一下`, `项目推荐`, `地方建厂`): a run of them beside a known industry word is
/// dropped. A run with any other character (`宠物` in `宠物食品`) is kept: it may qualify the industry.
const SENTENCE_CHARS: &str = "我你您他她们咱本公司企业集团单位机构拟想要打算准计划希望考虑投资入一个些点方面项目左右大概约预算资金寻找求看\
     意向有主是帮忙麻烦给推荐下几做搞的于请吗呢吧啊了没什么好优先最比如例类之等相关领域行业方向这那块里哪儿地方钱建厂办\
     从事涉及关注感兴趣了解知道咨询主营经营规模适合者或场额不对呀哦嗯谢问能可以否还和或及与也都就在到去来把被让将为并且但而已经正打造进行开展合作元块发展\
     一二三四五六七八九十百千万亿两多少亿吧呗啦哈嘛嘅喺哋搵欲搬";
/// Words that, beside an industry word, only carry the sentence, though their characters can
/// mean something elsewhere (folded): who invests (`台商`, `外资`), form labels (`金额：`, `区域：`),
/// "any" (`不限`), a home town (`老家`).
const SENTENCE_WORDS: [&str; 83] = [
    "总投资",
    "投资总额",
    "价格",
    "规模",
    "朋友",
    "亲戚",
    "客户",
    "求购",
    "参股",
    "入股",
    "已建成",
    "建成",
    "在建",
    "搬迁",
    "开店",
    "开分店",
    "开厂",
    "手上",
    "手头",
    "手里",
    "扩产",
    "扩能",
    "增资",
    "美资",
    "日资",
    "韩资",
    "欧资",
    "侨资",
    "设厂",
    "设立",
    "准备",
    "台商",
    "港商",
    "外商",
    "客商",
    "侨商",
    "外资",
    "台资",
    "港资",
    "外企",
    "个人",
    "老家",
    "家乡",
    "县城",
    "当地",
    "本地",
    "金额",
    "额度",
    "投资额",
    "区域",
    "地区",
    "行业",
    "领域",
    "方向",
    "类型",
    "要求",
    "不限",
    "均可",
    "都行",
    "都可以",
    "小",
    "本人",
    "一家",
    "上市公司",
    "闲置资金",
    "闲置",
    "靠谱",
    "优质",
    "合适",
    "布局",
    "投资标的",
    "标的",
    "投资机会",
    "合作机会",
    "机会",
    "单笔",
    "有无",
    "家族办公室",
    "新建",
    "扩建",
    "生产基地",
    "基地",
    "工厂",
];
/// A piece that begins with these says who the investor is: a place in it is where they come from.
const ORIGIN_WORDS: [&str; 16] = [
    "我们是",
    "我是",
    "我司是",
    "本公司是",
    "我公司是",
    "我们公司是",
    "本人是",
    "we are",
    "we're",
    "i am",
    "i'm",
    "我们来自",
    // 系 (係) is the written 是: `本公司系…`, and Cantonese `我司係…`.
    "我司系",
    "本公司系",
    "我公司系",
    "我们系",
];
/// Who invests, after the place they come from (`香港基金`, `新加坡财团`): a piece of only these two
/// says who the investor is, not what or where they look for.
const INVESTOR_NOUNS: [&str; 13] =
    ["上市公司", "基金", "资本", "财团", "集团", "企业", "公司", "投资人", "投资者", "客商", "商会", "家族办公室", "投资机构"];
/// Where an investor from abroad comes from, before an investor noun (`新加坡企业`, `德国财团`),
/// folded: the gazetteer holds China's places only.
const FOREIGN_ORIGINS: [&str; 30] = [
    "新加坡",
    "美国",
    "日本",
    "韩国",
    "德国",
    "法国",
    "英国",
    "意大利",
    "西班牙",
    "荷兰",
    "瑞士",
    "瑞典",
    "比利时",
    "丹麦",
    "挪威",
    "芬兰",
    "奥地利",
    "以色列",
    "加拿大",
    "澳大利亚",
    "新西兰",
    "马来西亚",
    "泰国",
    "印尼",
    "越南",
    "阿联酋",
    "沙特",
    "欧洲",
    "海外",
    "境外",
];
/// Words that only carry a sentence at the end of a piece.
const CJK_TRAILING: [&str; 19] = [
    "投资标的",
    "案子",
    "投资机会",
    "合作机会",
    "标的",
    "机会",
    "这一块",
    "这块",
    "方面",
    "项目",
    "左右",
    "相关",
    "领域",
    "行业",
    "方向",
    "的",
    "吧",
    "了",
    "等",
];
/// Currency words after an amount (folded), longest first.
const CURRENCY_AFTER: [&str; 6] = ["元人民币", "人民币", "块钱", "元", "块", "rmb"];
/// Measure words after a figure that count something other than money (`10万吨`, `5万亩`).
const MEASURES: &str = "吨噸亩畝平方米台套辆輛件人头頭株只千瓦兆瓦户戶床座栋棟间間吨标箱";
/// Who invests, in English, after the place they come from (`Hong Kong investor`, `a Sichuan
/// company`): the place is where they are from, not where they look.
const LATIN_INVESTOR_NOUNS: [&str; 16] = [
    "investor",
    "investors",
    "fund",
    "funds",
    "company",
    "firm",
    "group",
    "businessman",
    "businessmen",
    "enterprise",
    "developer",
    "developers",
    "corporation",
    "consortium",
    "manufacturer",
    "supplier",
];
/// English words of about before a budget (folded).
const LATIN_ABOUT: [&str; 7] = ["around", "about", "approximately", "approx", "roughly", "circa", "some"];
/// Unit words of an English budget (one is needed: `2025` or `5G` is no budget).
/// (`wan`, `yi`, `qianwan`: 万, 亿 and 千万 typed in pinyin, `chengdu guangfu 5yi`.)
const LATIN_MONEY: [&str; 24] = [
    "million", "millions", "billion", "m", "mn", "bn", "k", "thousand", "usd", "rmb", "cny", "yuan", "dollars", "hkd", "eur", "euros",
    "万", "亿", "wan", "yi", "qianwan", "baiwan", "wanyuan", "yiyuan",
];

/// The parts of the industry box's text, when it holds a budget (and `want_budget`) or a place
/// (and `want_region`) besides the industry, or words that only carry a sentence around an
/// industry the taxonomy knows (`我想投资养老产业`); `None` when it is an industry alone.
///
/// ```text
/// "想在成都投个五千万做新能源" → industry "新能源", budget "五千万", region "成都"
/// "EV batteries, Chengdu, $5m"  → industry "EV batteries", budget "$5m", region "Chengdu"
/// "青岛啤酒"                     → None
/// ```
pub(crate) fn split_sentence(text: &str, fx: &Fx, want_budget: bool, want_region: bool) -> Option<SentenceParts> {
    // (With the budget and region boxes both filled, only the words around a known industry go.)
    if text.chars().count() > 200 {
        return None;
    }
    // A word the taxonomy knows whole (`Sichuan seasoning`, `港口`) is an industry, never a sentence.
    if is_industry_word(text) || crate::taxonomy::means_any_industry(&fold(text)) {
        return None;
    }
    let chars: Vec<char> = text.chars().collect();
    let mut taken = vec![false; chars.len()];
    let mut parts = SentenceParts::default();
    let folded = fold(text);
    let invests = INVEST_WORDS.iter().any(|w| folded.contains(w));
    if want_budget {
        if let Some((start, end)) = budget_span(&chars, fx, invests) {
            parts.budget = Some(chars[start..end].iter().collect::<String>().trim().to_string());
            taken[start..end].iter_mut().for_each(|t| *t = true);
        }
    }
    if want_region {
        if let Some((start, end, marker)) = region_span(&chars, &taken) {
            // (The word saying it is preferred, `为佳`, is taken with the place but is no place.)
            let text = chars[start..end].iter().collect::<String>();
            let text = PREFERRED_AFTER.iter().find_map(|w| strip_folded(&text, w, true)).unwrap_or(&text);
            parts.region = Some(text.trim().to_string());
            taken[marker..end].iter_mut().for_each(|t| *t = true);
        }
    }
    // What is left, in pieces split where a part was taken, without the words carrying the sentence.
    let mut pieces: Vec<String> = Vec::new();
    let mut current = String::new();
    for (c, t) in chars.iter().zip(&taken) {
        if *t {
            pieces.push(std::mem::take(&mut current));
        } else {
            current.push(*c);
        }
    }
    pieces.push(current);
    let mut kept: Vec<String> = Vec::new();
    let mut places: Vec<String> = Vec::new();
    let (mut changed, mut all_known) = (false, true);
    for piece in pieces.iter().flat_map(|p| p.split([',', '，', '、', ';', '；', '。', '?', '？', '!', '！'])) {
        let piece = piece.trim();
        let bare = without_carriers(piece);
        // `我们是台湾的电子公司`, `We are a Hong Kong fund`: where the investor is from, not where
        // they look.
        let folded = fold(piece);
        // `香港基金`, `台湾客商`, `我们是新加坡企业`: a piece that is only who the investor is, with
        // where they are from (a place the gazetteer knows, or a country abroad).
        // (`新加坡的基金`: a 的 between them.)
        let from_place = |text: &str| {
            INVESTOR_NOUNS.iter().any(|n| {
                text.strip_suffix(n)
                    .map(|place| place.strip_suffix('的').unwrap_or(place))
                    .is_some_and(|place| !place.is_empty() && (FOREIGN_ORIGINS.contains(&place) || is_place(place)))
            })
        };
        // `钱不是问题`, `budget flexible`: no budget set, which is no industry either.
        if crate::money::is_any_amount(piece) || crate::money::is_any_amount(&bare) {
            changed = true;
            continue;
        }
        let after_origin = ORIGIN_WORDS.iter().find_map(|w| folded.strip_prefix(w)).unwrap_or(&folded);
        if from_place(&folded) || from_place(&fold(&bare)) || from_place(after_origin) {
            changed = true;
            continue;
        }
        let origin = ORIGIN_WORDS.iter().any(|w| folded.starts_with(w));
        let tidy = tidy_piece(&bare, want_region, origin);
        changed |= bare != piece || tidy.industry != bare;
        places.extend(tidy.places);
        if !tidy.industry.is_empty() {
            all_known &= tidy.known;
            kept.push(tidy.industry);
        }
    }
    if parts.budget.is_none() && parts.region.is_none() && places.is_empty() {
        // No budget or place, but words that only carry the sentence around an industry the
        // taxonomy knows (`我想投资养老产业`, `寻找医疗器械项目`, `新材料项目推荐`, `looking for
        // solar projects`): the industry alone, so that it is not read as a part of an unknown
        // phrase. Only when every piece left holds a known word: `想做点别的` stays whole.
        if kept.is_empty() {
            // Nothing but the words of a sentence (`有什么好项目推荐吗`, `我要投资`): no industry asked.
            return Some(SentenceParts { nothing_asked: true, ..parts });
        }
        return (changed && all_known).then(|| SentenceParts { industry: kept.join("，"), ..parts });
    }
    if !places.is_empty() {
        parts.region = Some(parts.region.into_iter().chain(places).collect::<Vec<_>>().join("、"));
    }
    parts.industry = kept.join("，");
    Some(parts)
}

/// What [`tidy_piece`] keeps of a piece.
struct Tidy {
    /// The text left for the industry (empty when nothing is).
    industry: String,
    /// Places found whole in the piece (`长三角地区半导体`, `biotech Chengdu`), for the region.
    places: Vec<String>,
    /// Whether the text left is only words the taxonomy knows.
    known: bool,
}

/// A piece without its carriers, tidied around the industry words the taxonomy knows in it: a run
/// of sentence characters beside them goes (`公司想` … `新能源`), a run that is wholly a place
/// goes to the region when `want_region` (`长三角地区` of `长三角地区半导体`; only beside a known
/// word, and only a place with a suffix or a zone, never a bare name glued on: `青岛啤酒` is beer).
fn tidy_piece(piece: &str, want_region: bool, origin: bool) -> Tidy {
    let whole = |industry: &str, known: bool| Tidy { industry: industry.to_string(), places: Vec::new(), known };
    if piece.is_empty() || is_industry_word(piece) {
        return whole(piece, true);
    }
    if want_region && !origin && is_place(piece) {
        return Tidy { industry: String::new(), places: vec![piece.to_string()], known: true };
    }
    if piece.is_ascii() {
        return tidy_latin(piece, want_region, origin);
    }
    let folded = fold(piece);
    let chars: Vec<char> = piece.chars().collect();
    if folded.chars().count() != chars.len() {
        return whole(piece, false);
    }
    let spans = crate::taxonomy::Taxonomy::global().known_word_spans(&folded);
    let mut out = Tidy { industry: String::new(), places: Vec::new(), known: true };
    // A run between known words (or the whole piece when none is inside it): cut at the
    // sentence's words into tokens; when each token is a word the taxonomy knows whole (电子,
    // 医疗: known only as whole words) or a place, they are kept or taken and the rest dropped;
    // otherwise the run is kept as typed (`宠物` of `宠物食品` may qualify the industry).
    let push_run = |from: usize, to: usize, out: &mut Tidy| {
        let spaced: String = chars[from..to].iter().collect();
        if spaced.trim().is_empty() {
            // Between two known words (`观光` `酒店`), or spaces: as typed.
            out.industry.push_str(&spaced);
            return;
        }
        let text_of = |(s, e): (usize, usize)| chars[s..e].iter().collect::<String>();
        // The sentence's own words (`台商`, `金额`, `不限`) are read as its characters are.
        let mut filler: Vec<bool> = (from..to).map(|i| is_sentence_char(chars[i]) || !chars[i].is_alphanumeric()).collect();
        let folded_run: Vec<char> = folded.chars().skip(from).take(to - from).collect();
        for w in SENTENCE_WORDS {
            let w: Vec<char> = w.chars().collect();
            for i in 0..folded_run.len().saturating_sub(w.len() - 1) {
                if folded_run[i..i + w.len()] == w[..] {
                    filler[i..i + w.len()].iter_mut().for_each(|f| *f = true);
                }
            }
        }
        let mut tokens: Vec<(usize, usize)> = Vec::new();
        // The run without the sentence's words at its ends, when it is one place or industry word
        // (`长三角地区`: 地 is also a character of 地方).
        let core_from = (from..to).find(|&i| !filler[i - from]).unwrap_or(to);
        let core_to = (from..to).rev().find(|&i| !filler[i - from]).map_or(core_from, |i| i + 1);
        // The longest such word that reaches over sentence characters at the core's ends (`大湾区`:
        // 大 is also a character of 大概; `长三角地区`), at most `REACH` of them on each side: each
        // try resolves text in the gazetteer, and a sentence's runs of them are long.
        const REACH: usize = 6;
        let word = (core_from < core_to)
            .then(|| {
                (core_from.saturating_sub(REACH).max(from)..=core_from).find_map(|s| {
                    (core_to..=(core_to + REACH).min(to))
                        .rev()
                        .find(|&e| {
                            let t = text_of((s, e));
                            t.trim() == t && (is_industry_word(&t) || crate::taxonomy::is_generic_word(&fold(&t)) || is_place(&t))
                        })
                        .map(|e| (s, e))
                })
            })
            .flatten();
        if let Some(w) = word {
            tokens.push(w);
        } else {
            let mut i = from;
            while i < to {
                if filler[i - from] {
                    i += 1;
                    continue;
                }
                let s = i;
                while i < to && !filler[i - from] {
                    i += 1;
                }
                tokens.push((s, i));
            }
        }
        // A place glued to the known word after it is the start of a name (`青岛啤酒`) unless
        // written plainly (`长三角地区半导体`).
        // After a word of investing or of where (`投资昆山电子零组件厂`), it is where.
        let after_where = |s: usize| {
            let before: String = folded.chars().take(s).collect();
            ["投资", "投", "在", "到", "去", "赴", "于", "落户", "落地"].iter().any(|w| before.ends_with(w))
        };
        let glued = |(s, e): (usize, usize)| e == to && to < chars.len() && !names_a_place_plainly(&text_of((s, e))) && !after_where(s);
        // A place is taken for the region, or dropped as where the investor is from; with the region
        // box filled it is neither, and the run stays as typed (the filled box is not second-guessed).
        // A generic word (`深加工`, `建设`) beside an industry word says nothing more and goes.
        let generic = |t: (usize, usize)| crate::taxonomy::is_generic_word(&fold(&text_of(t)));
        let readable = tokens
            .iter()
            .all(|&t| is_industry_word(&text_of(t)) || generic(t) || ((want_region || origin) && is_place(&text_of(t)) && !glued(t)));
        if !readable {
            // As typed, with its spaces (`AI 医疗` stays two words).
            out.industry.push_str(&spaced);
            out.known = false;
            return;
        }
        // A known word glued to the others (`设备` of `半导体封装测试设备`): the phrase stays whole.
        if let [t] = tokens[..] {
            if text_of(t) == spaced.trim() && is_industry_word(&text_of(t)) {
                out.industry.push_str(&spaced);
                return;
            }
        }
        // A generic word right after an industry word qualifies it and stays glued to it
        // (`新能源汽车零部件`, `稀土深加工`); elsewhere (`建设一个屠宰场`) it goes.
        let glued_after = |t: (usize, usize)| t.0 == from && from > 0 && !out.industry.is_empty();
        if let Some(&t) = tokens.first().filter(|&&t| generic(t) && glued_after(t)) {
            out.industry.push_str(&text_of(t));
        }
        out.industry.push('，');
        for &t in tokens.iter().filter(|&&t| !generic(t) || is_industry_word(&text_of(t))) {
            if is_industry_word(&text_of(t)) {
                out.industry.push_str(&text_of(t));
                out.industry.push('，');
            } else if want_region && !origin {
                out.places.push(text_of(t));
            }
        }
    };
    let mut at = 0;
    for &(start, len) in &spans {
        push_run(at, start, &mut out);
        out.industry.extend(&chars[start..start + len]);
        at = start + len;
    }
    push_run(at, chars.len(), &mut out);
    // (A piece of only a sentence's words leaves no industry: nothing asked of it.)
    out.industry = out.industry.split('，').map(str::trim).filter(|p| !p.is_empty()).collect::<Vec<_>>().join("，");
    out
}

/// A place written so that it cannot be the first part of a name: with its suffix (`成都市`,
/// `长三角地区`), or a zone (`长三角`, `大湾区`). `青岛` of `青岛啤酒` or `长安` of `长安汽车` is not.
fn names_a_place_plainly(run: &str) -> bool {
    let q = Gazetteer::global().resolve_query(run);
    !q.zones.is_empty() || ["省", "市", "区", "县", "州", "盟", "旗", "地区", "一带", "周边", "附近"].iter().any(|s| fold(run).ends_with(s))
}

/// An English piece ending in a place (`biotech Chengdu`): the place goes to the region when the
/// rest holds a known industry word. A place first is how English names a product (`Sichuan
/// seasoning`, `Ningxia wine`), so it stays.
fn tidy_latin(piece: &str, want_region: bool, origin: bool) -> Tidy {
    let words: Vec<&str> = piece.split_whitespace().collect();
    // (Pinyin, `guangfu`, is known when the taxonomy reads it whole.)
    let read_whole = |t: &str| crate::taxonomy::Taxonomy::global().parse_query(t).all_known();
    let holds_known = |t: &str| !crate::taxonomy::Taxonomy::global().known_word_spans(&fold(t)).is_empty() || read_whole(t);
    // `dongli dianchi` (动力电池 in pinyin) is an industry whole, not 东丽 of Tianjin and 电池.
    if words.len() >= 2 && words.iter().all(|w| w.chars().all(|c| c.is_ascii_alphabetic())) && read_whole(piece) {
        return Tidy { industry: piece.to_string(), places: Vec::new(), known: true };
    }
    // `We are a Hong Kong fund seeking healthcare`: the place first says where the investor is from.
    if origin {
        for n in (1..words.len().min(4)).rev() {
            let (place, rest) = (words[..n].join(" "), words[n..].join(" "));
            if is_place(&place) && holds_known(&rest) {
                return Tidy { known: is_industry_word(&rest), industry: rest, places: Vec::new() };
            }
        }
    }
    // `not Shenzhen`, `except Wuhan`: a place left out, with its word for the region box.
    if want_region {
        let lower = piece.to_ascii_lowercase();
        for w in ["not in ", "but not ", "other than ", "excluding ", "except ", "outside ", "not "] {
            if let Some(place) = lower.strip_prefix(w).map(|_| piece[w.len()..].trim()).filter(|p| is_place(p) || names_cities(p)) {
                return Tidy { industry: String::new(), places: vec![format!("except {place}")], known: true };
            }
        }
    }
    if want_region && words.len() >= 2 {
        for n in (1..=(words.len() - 1).min(3)).rev() {
            let (place, rest) = (words[words.len() - n..].join(" "), words[..words.len() - n].join(" "));
            // (A name of several cities, `Suzhou`, is a place too after an industry: the region box
            // reads each and asks for the province.)
            if (is_place(&place) || names_cities(&place)) && holds_known(&rest) {
                return Tidy { known: is_industry_word(&rest), industry: rest, places: vec![place] };
            }
        }
    }
    // `chengdu xinnengyuan`, `Sichuan solar`: a place first, then what the taxonomy knows (the
    // shortest place first: `chengdu dongli dianchi` is Chengdu's power batteries, not Tianjin's
    // 东丽 too).
    if want_region && !origin && words.len() >= 2 {
        for n in 1..=(words.len() - 1).min(3) {
            let (place, rest) = (words[..n].join(" "), words[n..].join(" "));
            if is_place(&place) && holds_known(&rest) {
                return Tidy { known: is_industry_word(&rest), industry: rest, places: vec![place] };
            }
        }
    }
    Tidy { industry: piece.to_string(), places: Vec::new(), known: is_industry_word(piece) }
}

/// A character of [`SENTENCE_CHARS`], compared as folded (Traditional `們` is `们`).
fn is_sentence_char(c: char) -> bool {
    SENTENCE_CHARS.contains(c) || SENTENCE_CHARS.contains(crate::fold::fold_char(c))
}

/// The piece without the words that carry a sentence: English words anywhere, Chinese ones at
/// either end (`做新能源` → `新能源`).
fn without_carriers(piece: &str) -> String {
    if piece.is_ascii() {
        let words: Vec<&str> = piece.split_whitespace().collect();
        let bare = |w: &str| w.to_ascii_lowercase().trim_matches(|c: char| !c.is_alphanumeric()).to_string();
        // `Hong Kong investor`, `a Sichuan company`: who the investor is, with where they are from.
        let mut dropped = vec![false; words.len()];
        for (k, w) in words.iter().enumerate() {
            if LATIN_INVESTOR_NOUNS.contains(&bare(w).as_str()) {
                if let Some(j) = (k.saturating_sub(3)..k).find(|&j| is_place(&words[j..k].join(" "))) {
                    dropped[j..=k].iter_mut().for_each(|d| *d = true);
                }
            }
        }
        let kept: Vec<&str> =
            words.iter().zip(&dropped).filter(|(w, d)| !**d && !LATIN_CARRIERS.contains(&bare(w).as_str())).map(|(w, _)| *w).collect();
        // A conjunction left at either end joined a word that went (`makes auto parts and wants`).
        let joins = |w: &&str| ["and", "or", "with"].contains(&bare(w).as_str()) || **w == *"&";
        let from = kept.iter().position(|w| !joins(w)).unwrap_or(kept.len());
        let to = kept.iter().rposition(|w| !joins(w)).map_or(from, |i| i + 1);
        return kept[from..to.max(from)].join(" ");
    }
    // Words a space parts (`AI项目 预算`) lose their carriers one by one.
    if piece.split_whitespace().nth(1).is_some() {
        return piece.split_whitespace().map(without_carriers).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ");
    }
    let mut p = piece.trim().to_string();
    loop {
        let before = p.len();
        // A word the taxonomy knows is kept whole (`股权投资` is no `股权` + `投资`).
        if is_industry_word(&p) {
            return p;
        }
        // Longest first, from the top of the list after each word taken (`投资` before `投`).
        if let Some(rest) = CJK_CARRIERS.iter().find_map(|w| strip_folded(&p, w, false)) {
            p = rest.trim_start().to_string();
            continue;
        }
        // At the end only particles and filler nouns (`做新能源的`, `医疗器械项目`): `风险投资`
        // ends in 投资 and means it.
        if let Some(rest) = CJK_TRAILING.iter().find_map(|w| strip_folded(&p, w, true)) {
            p = rest.trim_end().to_string();
        }
        if p.len() == before {
            return p;
        }
    }
}

/// `text` without the word `w` (Simplified, as the carrier lists write it) at its start, or at its
/// end when `at_end`, compared character by character as folded: `投資` and `項目` are `投资` and
/// `项目` to a Taiwan investor's sentence.
fn strip_folded<'t>(text: &'t str, w: &str, at_end: bool) -> Option<&'t str> {
    let folded_is = |c: char, wc: char| crate::fold::fold_char(c) == wc;
    if at_end {
        let mut chars = text.char_indices().rev();
        let mut cut = text.len();
        for wc in w.chars().rev() {
            let (i, c) = chars.next()?;
            if !folded_is(c, wc) {
                return None;
            }
            cut = i;
        }
        Some(&text[..cut])
    } else {
        let mut chars = text.char_indices();
        for wc in w.chars() {
            let (_, c) = chars.next()?;
            if !folded_is(c, wc) {
                return None;
            }
        }
        Some(chars.next().map_or("", |(i, _)| &text[i..]))
    }
}

/// What a box other than the industry box holds that belongs in another, blank box: a budget
/// typed with the region (`成都 5000万`), a place or an industry typed with the budget (`2亿 成都`),
/// an industry typed with the region (`新能源 成都`).
#[derive(Debug, Default, PartialEq)]
pub(crate) struct Moved {
    /// The box's text without what moved.
    pub rest: String,
    pub budget: Option<String>,
    pub region: Option<String>,
    pub industry: Option<String>,
}

/// [`Moved`] parts of the region box's text (`region == true`) or the budget box's; `None` when
/// nothing moves. A part moves only into a blank box (`want_*`), and only a whole clause or word
/// that is clearly of the other kind: a budget phrase with a unit, a place the gazetteer knows, a
/// word the taxonomy knows whole.
///
/// ```text
/// region "成都 5000万"  → rest "成都", budget "5000万"
/// region "新能源 成都"  → rest "成都", industry "新能源"
/// budget "2亿 成都"     → rest "2亿",  region "成都"
/// ```
pub(crate) fn misplaced_parts(
    text: &str,
    fx: &Fx,
    region: bool,
    want_budget: bool,
    want_region: bool,
    want_industry: bool,
) -> Option<Moved> {
    if text.chars().count() > 200 {
        return None;
    }
    // Only what the box cannot read itself: a budget that reads whole, a region text whose every
    // word is a place, stays.
    let reads_whole = if region {
        let (wanted, _) = super::exclusion::split_exclusions(text);
        Gazetteer::global().resolve_query(&wanted).not_understood.is_empty()
    } else {
        parse_money(text, fx).is_ok()
    };
    if reads_whole {
        return None;
    }
    let mut moved = Moved::default();
    let mut rest = text.to_string();
    if region && want_budget {
        if let Some(phrase) = budget_phrase(text, fx).filter(|p| !p.trim().is_empty()) {
            rest = rest.replacen(&phrase, " ", 1);
            moved.budget = Some(phrase.trim().to_string());
        }
    }
    // The other words, each a whole clause or word.
    // (English words part at commas only: `Hainan Free Trade Port` is one name.)
    let pieces: Vec<String> = rest
        .split(|c: char| (c.is_whitespace() && !text.is_ascii()) || ",，、;；".contains(c))
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect();
    for piece in pieces {
        // The budget's own label (`四川，预算一个亿`) goes with it.
        if moved.budget.is_some()
            && ["预算", "預算", "金额", "金額", "资金", "資金", "投资额", "投資額", "budget"].contains(&piece.to_lowercase().as_str())
        {
            rest = rest.replacen(&piece, " ", 1);
            continue;
        }
        let to = if want_industry && is_industry_word(&piece) && !is_place(&piece) {
            &mut moved.industry
        } else if !region && want_region && is_place(&piece) {
            &mut moved.region
        } else {
            continue;
        };
        *to = Some(match to.take() {
            Some(before) => format!("{before}、{piece}"),
            None => piece.clone(),
        });
        rest = rest.replacen(&piece, " ", 1);
    }
    if moved.budget.is_none() && moved.region.is_none() && moved.industry.is_none() {
        return None;
    }
    // The rest as typed, without the separators the parts that moved leave at its ends.
    moved.rest = rest
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_matches(|c: char| ",，、;；".contains(c) || c.is_whitespace())
        .to_string();
    Some(moved)
}

/// The amount phrase in a budget text with other words around it (`我的预算是五千万` → `五千万`),
/// as the sentence reader finds one.
pub(super) fn budget_phrase(text: &str, fx: &Fx) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    budget_span(&chars, fx, true).map(|(s, e)| chars[s..e].iter().collect())
}

fn is_money_char(c: char) -> bool {
    c.is_ascii_digit() || "零一二三四五六七八九十百千万亿两半几多来数數萬億兩仟佰拾壹贰叁肆伍陆柒捌玖.．,-~～到至元块塊个個".contains(c)
}

/// Whether the character at `at` belongs to an amount: a money character, the `W` of `2000W` (万,
/// right after a figure and before no other letter: `100Wh` is no amount), or the `位数` of `八位数`.
fn is_money_char_at(chars: &[char], at: usize) -> bool {
    let c = chars[at];
    let after_figure = at > 0 && (chars[at - 1].is_ascii_digit() || chinese_numeral(chars[at - 1]));
    // `两个小目标` (小目标 is 1亿, in chat), `百把万` (把 after a unit: about one of it).
    let in_word = |w: &str| {
        let w: Vec<char> = w.chars().collect();
        (0..w.len()).any(|k| at >= k && chars.get(at - k..at - k + w.len()).is_some_and(|s| s == w.as_slice()))
    };
    is_money_char(c)
        || in_word("小目标")
        || c == '把' && at > 0 && "十百千万".contains(chars[at - 1])
        || matches!(c, 'W' | 'w') && at > 0 && chars[at - 1].is_ascii_digit() && !chars.get(at + 1).is_some_and(|n| n.is_ascii_alphabetic())
        || c == '位' && after_figure && chars.get(at + 1).is_some_and(|n| matches!(n, '数' | '數'))
}

fn chinese_numeral(c: char) -> bool {
    "一二三四五六七八九十两兩壹贰叁肆伍陆柒捌玖".contains(c)
}

/// The longest clear budget phrase: a run of figures with `万` / `亿` (or a Latin money word), with
/// the words of bound or currency around it that read with it (`五千万以内`, `不超过2亿`,
/// `300万美元`, `up to USD 20 million`).
fn budget_span(chars: &[char], fx: &Fx, invests: bool) -> Option<(usize, usize)> {
    let n = chars.len();
    let text_of = |s: usize, e: usize| chars[s..e].iter().collect::<String>();
    let read = |s: usize, e: usize| match parse_money(&text_of(s, e), fx) {
        Ok(Some(a)) if a.max > 0 => Some(a),
        _ => None,
    };
    let reads = |s: usize, e: usize| read(s, e).is_some();
    // The shortest phrase that reads the same (`个五千万` is `五千万`), so the words around it stay.
    let narrowed = |s: usize, e: usize| {
        let amount = read(s, e);
        let s = (s..e).rev().find(|&t| read(t, e) == amount).unwrap_or(s);
        let e = (s + 1..=e).find(|&t| read(s, t) == amount).unwrap_or(e);
        // 新台币 is one currency word (`台币10亿` reads the same, but 新 is not left behind).
        let s = if s > 0 && chars[s - 1] == '新' && chars[s] == '台' { s - 1 } else { s };
        // A numeral before is the figure's (`一千万` reads as `千万` too, but 一 is not left behind).
        let mut s = s;
        while s > 0 && "零一二三四五六七八九两壹贰叁肆伍陆柒捌玖0123456789.".contains(chars[s - 1]) && read(s - 1, e) == amount
        {
            s -= 1;
        }
        (s, e)
    };
    // A part of its own (`成都 新能源 5000万`) needs no word about investing.
    let own_part = |s: usize, e: usize| {
        let sep = |c: char| c.is_whitespace() || ",，、;；".contains(c);
        (s == 0 || sep(chars[s - 1])) && (e == n || sep(chars[e]))
    };
    // The amount read from the run of money characters `i..j`, with the words around it.
    let read_run = |i: usize, j: usize| -> Option<(usize, usize)> {
        // Widest reading first: up to six characters of bound or currency words on each side.
        for s in i.saturating_sub(6)..=i {
            for e in (j..=(j + 6).min(n)).rev() {
                // `有一个亿，想搞…`: a figure after 有 is what the investor has.
                let has = s > 0 && chars[s - 1] == '有';
                if (invests || has || own_part(s, e)) && reads(s, e) {
                    let (s, e) = narrowed(s, e);
                    // `年产10万吨`, `5万平方米`: a quantity of something else, not money.
                    // (人 of 人民币 is the currency's, not a count of people.)
                    let currency_after = chars.get(e..e + 2).is_some_and(|w| w == ['人', '民']);
                    if chars.get(e).is_some_and(|c| MEASURES.contains(*c)) && !currency_after {
                        break;
                    }
                    // The currency written after it reads the same, but belongs to the budget
                    // (`五亿元人民币`: 元人民币 is no industry).
                    let e = e + folded_word_at(chars, e, &CURRENCY_AFTER).unwrap_or(0);
                    // `5亿上下`: a word of about reads the same, but belongs to the budget.
                    return Some((s, e + folded_word_at(chars, e, &["左右", "上下"]).unwrap_or(0)));
                }
            }
        }
        None
    };
    let mut later: Option<(usize, usize)> = None;
    let mut i = 0;
    while i < n {
        if !is_money_char(chars[i]) || "个個到至-~～.．,".contains(chars[i]) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < n && (is_money_char_at(chars, j) || chars[j] == ' ' && j + 1 < n && is_money_char_at(chars, j + 1)) {
            j += 1;
        }
        let run = text_of(i, j);
        let has_unit = run.contains(['万', '亿', '萬', '億', 'W', 'w'])
            || run.contains("小目标")
            || (run.chars().any(|c| c.is_ascii_digit()) && run.contains(['元', '块', '塊']))
            || run.contains('位');
        // `数千万`; a bare 百 or 千 is one of it (`千万`, `百来万`), unless 千万 is "by all means"
        // (`千万别`).
        let by_all_means =
            (run.starts_with("千万") || run.starts_with("千萬")) && chars.get(i + 2).is_none_or(|c| "别別不要记記得注".contains(*c));
        let has_figure = !by_all_means
            && (run.starts_with(['百', '千'])
                || run.chars().any(|c| c.is_ascii_digit() || "一二三四五六七八九十两几半数兩數壹贰叁肆伍陆柒捌玖".contains(c)));
        // `2000W` is 万 to an investor but watts beside `光伏`: read only when no other amount is.
        let watts_maybe = !run.contains(['万', '亿', '萬', '億', '元', '块', '塊']) && run.contains(['W', 'w']);
        if watts_maybe && has_figure {
            if later.is_none() {
                later = Some((i, j));
            }
            i = j.max(i + 1);
            continue;
        }
        if has_unit && has_figure {
            if let Some(span) = read_run(i, j) {
                return Some(span);
            }
        }
        i = j.max(i + 1);
    }
    if let Some(span) = later.and_then(|(i, j)| read_run(i, j)) {
        return Some(span);
    }
    // English: a few words around a figure that read as an amount and name money.
    let words: Vec<(usize, usize)> = word_spans(chars);
    for (k, &(ws, we)) in words.iter().enumerate() {
        let w = text_of(ws, we);
        if !w.chars().any(|c| c.is_ascii_digit()) {
            continue;
        }
        for a in k.saturating_sub(3)..=k {
            for b in (k..(k + 3).min(words.len())).rev() {
                let (s, e) = (words[a].0, words[b].1);
                let phrase = fold(&text_of(s, e));
                let names_money = phrase.contains(['$', '¥', '€', '£'])
                    || phrase.split(|c: char| !c.is_alphanumeric()).any(|t| {
                        LATIN_MONEY.contains(&t)
                            || LATIN_MONEY
                                .iter()
                                .any(|m| t.ends_with(m) && t[..t.len() - m.len()].chars().all(|c| c.is_ascii_digit() || c == '.'))
                    });
                if names_money && (invests || own_part(s, e)) && reads(s, e) {
                    // Narrowed word by word (`to invest $5m` is `$5m`).
                    let amount = read(s, e);
                    let a = (a..=b).rev().find(|&x| read(words[x].0, e) == amount).unwrap_or(a);
                    let b = (a..=b).find(|&x| read(words[a].0, words[x].1) == amount).unwrap_or(b);
                    // `around 200 million`: a word of about reads the same, but belongs to the budget.
                    let about = |x: usize| {
                        let w = fold(&text_of(words[x].0, words[x].1));
                        LATIN_ABOUT.contains(&w.trim_end_matches('.'))
                    };
                    let a = if a > 0 && about(a - 1) { a - 1 } else { a };
                    return Some((words[a].0, words[b].1));
                }
            }
        }
    }
    None
}

/// The length in characters of the first of `words` (written folded) that `chars` hold at `at`,
/// compared folded (`人民幣` is `人民币`).
fn folded_word_at(chars: &[char], at: usize, words: &[&str]) -> Option<usize> {
    words
        .iter()
        .map(|w| w.chars().count())
        .zip(words)
        .find_map(|(l, w)| chars.get(at..at + l).is_some_and(|c| c.iter().map(|c| crate::fold::fold_char(*c)).eq(w.chars())).then_some(l))
}

/// Whitespace-separated words as character spans, punctuation at their ends left out.
fn word_spans(chars: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_whitespace() || ",，;；".contains(chars[i]) {
            i += 1;
            continue;
        }
        let s = i;
        while i < chars.len() && !chars[i].is_whitespace() && !",，;；".contains(chars[i]) {
            i += 1;
        }
        // (A question or a sentence ends on its last word: `the Greater Bay Area?`.)
        let mut e = i;
        while e > s + 1 && "?？!！.。".contains(chars[e - 1]) {
            e -= 1;
        }
        out.push((s, e));
    }
    out
}

/// True when the taxonomy knows the whole text as an industry or an umbrella word.
fn is_industry_word(text: &str) -> bool {
    let t = crate::taxonomy::Taxonomy::global();
    t.lookup(text).is_some() || t.lookup_concept(text).is_some()
}

/// True when the whole text is places or zones the gazetteer knows, and nothing else.
fn is_place(text: &str) -> bool {
    let text = text.trim();
    if text.is_empty() || text.chars().count() > 24 {
        return false;
    }
    // `港口` is an industry before it is 港口区: a word the taxonomy knows stays the industry's.
    if is_industry_word(text) {
        return false;
    }
    let q = Gazetteer::global().resolve_query(text);
    // A near miss (`solar` for a place spelt alike) or a name of several places is no clear place.
    // A name of several places in one province (新竹: the city and the county) is a place; the
    // region box says which it read.
    let same_province = |cands: &[crate::gazetteer::RegionId]| {
        let g = Gazetteer::global();
        cands.windows(2).all(|w| g.province_of(w[0]) == g.province_of(w[1]))
    };
    let clear = q.notes.iter().all(|n| match n {
        crate::gazetteer::PlaceNote::Ambiguous { candidates, .. } => same_province(candidates),
        crate::gazetteer::PlaceNote::PartOfPlace { .. }
        | crate::gazetteer::PlaceNote::ZoneNotListed { .. }
        | crate::gazetteer::PlaceNote::ResolvedByParent { .. } => true,
        _ => false,
    });
    (!q.regions.is_empty() || !q.zones.is_empty()) && q.not_understood.is_empty() && clear
}

/// True when the whole text is a name several places bear and nothing else (`Suzhou`: 苏州, 宿州 and
/// a district of Jiuquan).
fn names_cities(text: &str) -> bool {
    let q = Gazetteer::global().resolve_query(text.trim());
    !q.regions.is_empty()
        && q.not_understood.is_empty()
        && !q.notes.is_empty()
        && q.notes.iter().all(|n| matches!(n, crate::gazetteer::PlaceNote::Ambiguous { .. }))
}

/// The place phrase: `(start, end, start of the word before it that says where)`.
fn region_span(chars: &[char], taken: &[bool]) -> Option<(usize, usize, usize)> {
    let n = chars.len();
    let text_of = |s: usize, e: usize| chars[s..e].iter().collect::<String>();
    let free = |s: usize, e: usize| !taken[s..e].iter().any(|t| *t);
    // After a Chinese word that says where: the longest run of up to eight characters that is a place.
    for (i, _) in chars.iter().enumerate() {
        for w in CJK_WHERE {
            let wl = w.chars().count();
            if i + wl >= n || !chars[i..i + wl].iter().map(|c| crate::fold::fold_char(*c)).eq(w.chars()) || !free(i, i + wl) {
                continue;
            }
            let start = i + wl;
            for end in (start + 1..=(start + 8).min(n)).rev() {
                if free(start, end) && chars[start..end].iter().all(|c| crate::fold::is_cjk(*c)) && is_place(&text_of(start, end)) {
                    // `拟于台中以外的地区`: the place is left out, with its word for the region box.
                    // A word right after the place, not taken yet.
                    let word_after = |words: &[&str]| folded_word_at(chars, end, words).filter(|&l| free(end, end + l));
                    let after = word_after(&super::exclusion::AFTER);
                    let preferred = word_after(&PREFERRED_AFTER);
                    return Some((start, end + after.or(preferred).unwrap_or(0), i));
                }
            }
        }
    }
    // A place left out (`新竹以外的半导体`, `除了北京`): the phrase with its word, so that the
    // region box reads it as left out, never as wanted.
    for (k, _) in chars.iter().enumerate() {
        let at = |w: &str| chars[k..].iter().map(|c| crate::fold::fold_char(*c)).take(w.chars().count()).eq(w.chars());
        if let Some(w) = super::exclusion::AFTER.iter().find(|w| at(w)) {
            let end = k + w.chars().count();
            for start in k.saturating_sub(8)..k {
                if free(start, end) && chars[start..k].iter().all(|c| crate::fold::is_cjk(*c)) && is_place(&text_of(start, k)) {
                    return Some((start, end, start));
                }
            }
        }
        if let Some(w) = EXCLUDE_BEFORE.iter().find(|w| at(w)) {
            let from = k + w.chars().count();
            for end in (from + 1..=(from + 8).min(n)).rev() {
                if free(k, end) && chars[from..end].iter().all(|c| crate::fold::is_cjk(*c)) && is_place(&text_of(from, end)) {
                    return Some((k, end, k));
                }
            }
        }
    }
    // A place before 的 (`成都的AI项目`, `想找四川的光伏项目`): the longest run of up to eight
    // characters before it that is wholly a place.
    for (k, c) in chars.iter().enumerate() {
        // (嘅 is the 的 of Cantonese.)
        if !matches!(c, '的' | '嘅') || !free(k, k + 1) {
            continue;
        }
        for start in k.saturating_sub(8)..k {
            if free(start, k) && chars[start..k].iter().all(|c| crate::fold::is_cjk(*c)) && is_place(&text_of(start, k)) {
                return Some((start, k, start));
            }
        }
    }
    // A part of its own, or words after an English word that says where.
    let words = word_spans(chars);
    for (k, &(ws, we)) in words.iter().enumerate() {
        let w = text_of(ws, we).to_ascii_lowercase();
        let after_where = LATIN_WHERE.contains(&w.as_str());
        let first = if after_where { k + 1 } else { k };
        for last in (first..(first + 5).min(words.len())).rev() {
            let (s, e) = (words[first].0, words[last].1);
            if !free(s, e) {
                continue;
            }
            // Without a word that says where, only a whole part (between separators) counts.
            // Spaces part Chinese words (`成都 新能源`), not English ones (`Sichuan seasoning`).
            let latin = chars[s..e].iter().all(|c| c.is_ascii());
            let sep = |c: char| (c.is_whitespace() && !latin) || ",，、;；".contains(c);
            let edge = |i: usize, step_back: bool| {
                let mut i = i;
                loop {
                    let c = if step_back { i.checked_sub(1).map(|j| chars[j]) } else { chars.get(i).copied() };
                    match c {
                        None => return true,
                        Some(c) if latin && c.is_whitespace() => i = if step_back { i - 1 } else { i + 1 },
                        Some(c) => return sep(c),
                    }
                }
            };
            let whole_part = edge(s, true) && edge(e, false);
            if (after_where || whole_part) && is_place(&text_of(s, e)) {
                return Some((s, e, if after_where { ws } else { s }));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Option<(String, Option<String>, Option<String>)> {
        split_sentence(text, &Fx::default(), true, true).map(|p| (p.industry, p.budget, p.region))
    }

    #[test]
    fn a_sentence_gives_its_budget_place_and_industry() {
        let s = |i: &str, b: Option<&str>, r: Option<&str>| Some((i.to_string(), b.map(str::to_string), r.map(str::to_string)));
        assert_eq!(split("想在成都投个五千万做新能源"), s("新能源", Some("五千万"), Some("成都")));
        assert_eq!(split("预算2-3个亿，落户天府新区，做动力电池"), s("动力电池", Some("2-3个亿"), Some("天府新区")));
        assert_eq!(split("成都 新能源 5000万"), s("新能源", Some("5000万"), Some("成都")));
        assert_eq!(split("I want to invest $5m in EV batteries near Chengdu"), s("EV batteries", Some("$5m"), Some("Chengdu")));
        assert_eq!(split("EV batteries, Chengdu, USD 20 million"), s("EV batteries", Some("USD 20 million"), Some("Chengdu")));
        assert_eq!(split("打算在长三角投资不超过1亿的医疗器械项目"), s("医疗器械", Some("不超过1亿"), Some("长三角")));
        assert_eq!(split("想在深圳做风险投资"), s("风险投资", None, Some("深圳")));
    }

    #[test]
    fn words_around_a_known_industry_are_dropped_even_without_a_budget_or_place() {
        let industry = |i: &str| Some((i.to_string(), None, None));
        assert_eq!(split("我想投资养老产业"), industry("养老产业"));
        assert_eq!(split("寻找医疗器械项目"), industry("医疗器械"));
        assert_eq!(split("看看有没有锂电的项目"), industry("锂电"));
        assert_eq!(split("我们是做汽车零部件的"), industry("汽车零部件"));
        assert_eq!(split("looking for solar projects"), industry("solar"));
        // A Taiwan investor's sentence, in Traditional characters: the same words carry it.
        assert_eq!(split("我想投資養老產業"), industry("養老產業"));
        assert_eq!(split("看看有沒有鋰電的項目"), industry("鋰電"));
        let p = split("預算2-3個億，落戶天府新區，做動力電池").unwrap();
        assert_eq!((p.0.as_str(), p.2.as_deref()), ("動力電池", Some("天府新區")));
        // What is left must be an industry the taxonomy knows: otherwise the text stays whole.
        assert_eq!(split("想做点别的"), None);
        // Also when the budget and region boxes are filled, as on a page where all three are.
        let p = split_sentence("我想投资养老产业", &Fx::default(), false, false).unwrap();
        assert_eq!((p.industry.as_str(), p.budget, p.region), ("养老产业", None, None));
    }

    #[test]
    fn the_words_of_an_investors_sentence_around_an_industry_go() {
        let s = |i: &str, b: Option<&str>, r: Option<&str>| Some((i.to_string(), b.map(str::to_string), r.map(str::to_string)));
        assert_eq!(split("我们公司想在成都投资一个新能源项目，预算大概5个亿"), s("新能源项目", Some("5个亿"), Some("成都")));
        assert_eq!(split("本公司拟投资3000万元发展现代农业，意向四川"), s("现代农业", Some("3000万元"), Some("四川")));
        assert_eq!(split("我司主营光伏组件，计划在西部投资建厂，规模10亿左右"), s("光伏组件", Some("10亿左右"), Some("西部")));
        // A place glued before an industry word is the region when written plainly (a zone, a
        // suffix); a bare name glued on is a name's start (青岛啤酒, above).
        assert_eq!(split("寻找长三角地区半导体项目 10亿以内"), s("半导体", Some("10亿以内"), Some("长三角地区")));
        // What the investor has (有一个亿), a currency word kept whole (新台幣), two places.
        assert_eq!(split("有一个亿，想搞新能源汽车零部件，最好在西南"), s("新能源汽车零部件", Some("一个亿"), Some("西南")));
        assert_eq!(split("我們想在廈門投資觀光酒店，預算約新台幣10億"), s("觀光酒店", Some("新台幣10億"), Some("廈門")));
        assert_eq!(split("想投资重庆或者成都的电子信息项目 3个亿"), s("电子信息", Some("3个亿"), Some("重庆或者成都")));
        // Form labels, and who the investor is (the place they come from is not where they look).
        assert_eq!(split("行业：文旅 地区：云南 金额：2亿").map(|p| (p.0, p.1)), Some(("文旅".to_string(), Some("2亿".to_string()))));
        assert_eq!(split("我們是台灣的電子公司，想在昆山投資設廠，約5000萬美金"), s("電子", Some("5000萬美金"), Some("昆山")));
        // A place left out stays with its word, for the region box to leave it out.
        assert_eq!(split("台商想投資新竹以外的半導體"), s("半導體", None, Some("新竹以外")));
        assert_eq!(split("biotech Chengdu 1bn"), s("biotech", Some("1bn"), Some("Chengdu")));
        assert_eq!(split("Need partner for hotel project in Sanya, budget 30m"), s("hotel", Some("30m"), Some("Sanya")));
        assert_eq!(
            split("We are a Hong Kong fund seeking healthcare projects in the GBA, ticket size 20-50m USD"),
            s("healthcare", Some("20-50m USD"), Some("the GBA"))
        );
        // No budget or place, and only known words left once the sentence's words go.
        assert_eq!(split("新材料项目推荐"), s("新材料", None, None));
        // A phrase of known words glued together is no sentence: it stays whole.
        assert_eq!(split("半导体封装测试设备"), None);
        assert_eq!(split("新能源汽车动力电池回收"), None);
        assert_eq!(split("请问有哪些适合外资的医药项目？"), s("医药", None, None));
        // Only the words of a sentence: nothing is asked.
        for text in ["有什么好项目推荐吗", "我要投资", "有没有适合个人投资的小项目"] {
            let p = split_sentence(text, &Fx::default(), true, true).unwrap();
            assert!(p.nothing_asked && p.industry.is_empty(), "{text}: {p:?}");
        }
        // "Any industry" is no sentence.
        assert_eq!(split("都可以"), None);
    }

    #[test]
    fn sentences_with_investors_own_words_give_their_parts() {
        let s = |i: &str, b: Option<&str>, r: Option<&str>| Some((i.to_string(), b.map(str::to_string), r.map(str::to_string)));
        // Who the investor is (本人, 上市公司), what the money is (闲置资金, 单笔), what a project is
        // called (靠谱的, 投资标的, 合作机会): none of them an industry.
        assert_eq!(
            split("本人有闲置资金2000万左右，想找个靠谱的农业项目，最好在云南或者贵州"),
            s("农业", Some("2000万左右"), Some("云南或者贵州"))
        );
        // 新建 after 华中地区 is building, not 新建区 of Nanchang (outside Central China).
        assert_eq!(
            split("我们是一家上市公司，主营汽车零部件，计划在华中地区新建生产基地，投资额约8亿元"),
            s("汽车零部件", Some("8亿元"), Some("华中地区"))
        );
        assert_eq!(split("公司准备在西部布局数据中心，预计投资20亿以上"), s("数据中心", Some("20亿以上"), Some("西部")));
        // A zone glued between a sentence's word and the industry (大 of 大湾区 is also 大概's).
        assert_eq!(split("关注大湾区新能源"), s("新能源", None, Some("大湾区")));
        // Cantonese: 有無 (有没有), 嘅 (的).
        assert_eq!(split("有無大灣區嘅冷鏈物流項目，預算兩億港幣"), s("冷鏈物流", Some("兩億港幣"), Some("大灣區")));
        assert_eq!(split("我們想在成都找生技醫療的投資標的，金額大概新台幣五億"), s("生技醫療", Some("新台幣五億"), Some("成都")));
        assert_eq!(split("想了解下浙江东部有没有港口物流方面的合作机会"), s("港口物流", None, Some("浙江东部")));
        // Who the investor is, with where from: no industry and no place.
        assert_eq!(split("香港基金，关注大湾区新能源，单笔5000万美元左右"), s("新能源", Some("5000万美元左右"), Some("大湾区")));
        // English: a family office, a supplier's nationality, partners sought.
        assert_eq!(
            split("Our family office wants to invest in eldercare facilities near Shanghai, 100-200 million RMB"),
            s("eldercare", Some("100-200 million"), Some("Shanghai"))
        );
        assert_eq!(
            split("We're a German auto supplier looking at central China, ticket 50m EUR"),
            s("auto", Some("50m EUR"), Some("central China"))
        );
    }

    #[test]
    fn a_place_before_de_is_the_region() {
        let s = |i: &str, b: Option<&str>, r: Option<&str>| Some((i.to_string(), b.map(str::to_string), r.map(str::to_string)));
        assert_eq!(split("四川的光伏项目"), s("光伏", None, Some("四川")));
        assert_eq!(split("想找成都的AI项目 预算两个亿"), s("AI", Some("两个亿"), Some("成都")));
        // Asking for help, and a figure after 找 (looking for a project of that size).
        assert_eq!(split("帮我找一下西安的半导体项目，预算一个亿左右"), s("半导体", Some("一个亿左右"), Some("西安")));
        assert_eq!(split("想在长三角找个两三千万的新材料项目"), s("新材料", Some("两三千万"), Some("长三角")));
        // A name that only begins like a place is no place (`青岛啤酒的项目` is beer).
        assert_eq!(split("青岛啤酒的项目").and_then(|p| p.2), None);
    }

    #[test]
    fn an_industry_alone_or_a_figure_that_is_no_budget_stays_the_industry() {
        for text in [
            "青岛啤酒",
            "新能源汽车零部件",
            "5G基站",
            "3D printing",
            "年产值5亿的汽车零部件",
            "千亿级产业集群",
            "一带一路",
            "长安汽车",
            "港口",
            "港口 物流",
            "Sichuan seasoning factory",
            "投资年产10万吨锂电池材料",
            "投建5万平方米标准厂房",
        ] {
            // No budget or place is taken from them (words that only carry a sentence may go:
            // `Sichuan seasoning factory` is read as `Sichuan seasoning`).
            let p = split(text);
            assert!(p.as_ref().is_none_or(|p| p.1.is_none() && p.2.is_none()), "{text}: {p:?}");
        }
        // No word of the taxonomy (labels and synonyms, three scripts) is ever split.
        let t = crate::taxonomy::Taxonomy::global();
        for id in t.ids() {
            let node = t.node(id);
            for word in [&node.name, &node.name_hant, &node.name_en].into_iter().chain(&node.synonyms) {
                assert_eq!(split(word.trim_start_matches('=')), None, "{word}");
            }
        }
        // A filled budget or region box is not second-guessed.
        assert_eq!(split_sentence("在成都投五千万做新能源", &Fx::default(), false, false), None);
        let p = split_sentence("在成都投五千万做新能源", &Fx::default(), false, true).unwrap();
        assert_eq!((p.budget, p.region.as_deref()), (None, Some("成都")));
    }
}
