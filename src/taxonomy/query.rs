//! Reading the investor's industry text.

use crate::fold::{fold, is_cjk};

use super::vocab::{is_word_char, Target, Term};
use super::{ConceptId, NodeId, Relation, Taxonomy};

/// What an investor typed as industry, read against the taxonomy.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct IndustryQuery {
    /// The parts that carry meaning, in the order typed. A part may give several terms when
    /// it names several industries (`新能源汽车动力电池`), each with its own node.
    pub terms: Vec<IndustryTerm>,
    /// Parts that cannot be used at all (see [`Taxonomy::parse_query`] for the rule), as typed;
    /// the caller reports them back (`industry "???" not understood, ignored`).
    pub not_understood: Vec<String>,
}

impl IndustryQuery {
    /// True when the text was read wholly as industries the taxonomy knows: some term, every term
    /// a node reached as typed (no broader reading of part of it, no near miss), nothing left over.
    ///
    /// ```
    /// use opportunity_matcher::taxonomy::Taxonomy;
    /// let tax = Taxonomy::global();
    /// assert!(tax.parse_query("煤炭").all_known());
    /// assert!(tax.parse_query("dongli dianchi").all_known());
    /// assert!(!tax.parse_query("mRNA疫苗").all_known()); // only 疫苗 is known
    /// assert!(!tax.parse_query("麻将馆").all_known());
    /// ```
    pub fn all_known(&self) -> bool {
        !self.terms.is_empty()
            && self.not_understood.is_empty()
            && self.terms.iter().all(|t| t.node.is_some() && t.partial.is_none() && !t.near_miss)
    }
}

/// One part of the investor's industry text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndustryTerm {
    /// The part as typed (trimmed).
    pub typed: String,
    /// The node it resolves to; `None` when the taxonomy does not know it (the ranking still
    /// matches [`folded`](Self::folded) against project names by character bigrams).
    pub node: Option<NodeId>,
    /// True when the node was accepted as a near miss of a taxonomy term (a typo such as
    /// `semiconducter`), so the caller can say "read as …".
    pub near_miss: bool,
    /// The part after [`fold`]: the text used for bigram matching.
    pub folded: String,
    /// The umbrella concept the node was reached through (`新能源` → 光伏), if any.
    pub concept: Option<ConceptId>,
    /// How the part was read when not as typed: its pinyin (`jiqiren`), or the Chinese terms of
    /// the glossary for an English word the taxonomy lacks (`ranch` → `牧场`); then
    /// [`folded`](Self::folded) holds that Chinese term.
    pub read_as: Option<ReadAs>,
    /// When only part of the text is a known word (`宠物食品`: 食品), that word: the node is a
    /// broader reading, and the whole text is also matched against project text.
    pub partial: Option<String>,
}

/// How a part of the industry text was read when it was not a taxonomy term as typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadAs {
    /// Pinyin of a term.
    Pinyin,
    /// An English word read through the bilingual glossary as this Chinese term.
    Glossary(String),
    /// One-character contractions of several industries (`光储充`).
    Contraction,
}

impl IndustryQuery {
    /// True when there is nothing to match on.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The distinct nodes of all terms, in query order.
    pub fn nodes(&self) -> Vec<NodeId> {
        let mut out: Vec<NodeId> = Vec::new();
        for n in self.terms.iter().filter_map(|t| t.node) {
            if !out.contains(&n) {
                out.push(n);
            }
        }
        out
    }
}

/// Separators between parts of the industry text.
const SEPARATORS: &[char] = &['、', ',', '，', ';', '；', '/', '／', '|', '｜', '\n', '\r', '\t', '+', '＋'];

/// Conjunctions that join two industries, tried only when the whole part is not a known term
/// (so `food and beverage` stays one term).
const CJK_CONJUNCTIONS: &[&str] = &["以及", "还有", "和", "及", "与", "跟", "或", "&"];

/// English conjunctions between industries (`wind and solar`, `biotech or pharma`).
const LATIN_CONJUNCTIONS: &[&str] = &[" and ", " or ", " plus ", " & "];

/// Parts meaning "any industry": dropped without a warning.
const ANY: &[&str] = &[
    "不限",
    "不限行业",
    "不限产业",
    "不限领域",
    "行业不限",
    "任意",
    "任何",
    "任何行业",
    "全部",
    "所有",
    "所有行业",
    "任意行业",
    "各行业",
    "各行各业",
    "都可以",
    "都行",
    "均可",
    "随便",
    "无所谓",
    "any",
    "all",
    "anything",
    "any industry",
    "any sector",
    "all industries",
    "all sectors",
    "no preference",
    "open",
];

/// Whether folded text means "any industry" (`不限`, `都可以`, `any`): no industry asked, and
/// nothing to warn about.
pub(crate) fn means_any_industry(folded: &str) -> bool {
    ANY.contains(&folded.trim())
}

/// True when the folded text is one of the generic words that say nothing about the industry
/// (`深加工`, `建设`, `项目`): the sentence reader drops one beside an industry word.
pub(crate) fn is_generic_word(folded: &str) -> bool {
    GENERIC.contains(&folded.trim())
}

/// The pinyin of the generic words an investor types with an industry's (`lingbujian` 零部件,
/// `chanye` 产业, `xiangmu` 项目).
const GENERIC_PINYIN: [&str; 22] = [
    "chanye",
    "xiangmu",
    "lingbujian",
    "bujian",
    "peijian",
    "zhizao",
    "shengchan",
    "jiagong",
    "shebei",
    "zhuangbei",
    "cailiao",
    "chanpin",
    "xitong",
    "yuanqu",
    "zhongxin",
    "peitao",
    "jidi",
    "hangye",
    "lingyu",
    "jianshe",
    "yunying",
    "kaifa",
];

/// Generic words that say nothing about the industry.
const GENERIC: &[&str] = &[
    "产业链",
    "产业",
    "行业",
    "产业园",
    "项目",
    "领域",
    "方向",
    "相关",
    "其他",
    "其它",
    "等",
    "类",
    "industry",
    "industries",
    "sector",
    "sectors",
    "business",
    "field",
    "project",
    "projects",
    "related",
    "other",
    "others",
    "etc",
    "相关产业",
    "项目",
    "基地",
    "产业链",
    "企业",
    "公司",
    "投资",
    "方面",
    "之类",
    "什么的",
    "的",
    "制造",
    "生产",
    "加工",
    "研发",
    "零部件",
    "配件",
    "部件",
    "组件",
    "设备",
    "装备",
    "材料",
    "产品",
    "系统",
    "园区",
    "中心",
    "配套",
    "产业化",
    "一体化",
    "原料",
    "代工",
    "精深加工",
    "深加工",
    "开发",
    "建设",
    "运营",
    "平台",
    "集群",
    "领域的",
    "经济",
    "产业带",
    "processing",
    "manufacturing",
    "oem",
    "odm",
    "development",
    "equipment",
    "materials",
    "material",
    "parts",
    "components",
    "products",
    "product",
    "park",
    "parks",
    "base",
    "bases",
    "center",
    "centre",
    "hub",
    "hubs",
    "cluster",
    "clusters",
    "factory",
    "factories",
    "plant",
    "plants",
    "production",
    "producer",
    "producers",
    "manufacturer",
    "manufacturers",
    "maker",
    "makers",
    "supplier",
    "suppliers",
    "company",
    "companies",
    "investment",
    "investments",
    "opportunities",
    "opportunity",
];

/// At most this many parts are read (the rest is ignored, so hostile input cannot cost much).
const MAX_PARTS: usize = 24;
/// At most this many nodes are taken from one part found by classification.
const MAX_NODES_PER_PART: usize = 4;

impl Taxonomy {
    /// Reads the investor's industry text.
    ///
    /// The text is split on `、 , ， ; ； / + ＋` (and `|`, new lines). Each part is then read:
    ///
    /// 1. as one known word: an umbrella concept first (`新能源`, `数字经济`, `綠能`: one term per
    ///    member node, flagged with [`concept`](IndustryTerm::concept)), else a node
    ///    ([`lookup`](Taxonomy::lookup): `食品饮料`, `food and beverage`, `F&B`), else the pinyin of
    ///    either (`jiqiren`, `yu zhi cai`);
    /// 2. else, split further on ` and `, ` or `, ` plus `, `和`, `及`, `与`, `以及`, `跟`, `或`
    ///    (each side at least two characters, so `调和油` stays whole; not at all if a known term
    ///    inside the part contains the conjunction, so `food and beverage processing` stays whole),
    ///    and each piece read as 1, then without generic words (`白酒产业` → 白酒), then:
    /// 3. an English phrase the glossary has whole (`pet food` → 宠物食品);
    /// 4. as a compound of the words found inside it, the most specific reading winning: a word
    ///    followed by one it qualifies (part, chain link or chain neighbour) is dropped
    ///    (`锂电池隔膜` → 锂电隔膜, `新能源汽车动力电池` → 动力电池), unrelated words are several
    ///    industries; words left over that say something (`宠物` in `宠物食品`) make the reading
    ///    [`partial`](IndustryTerm::partial) and the whole text is matched in project text too;
    /// 5. as one-character contractions of two or three industries (`光储充`, `风光`, `医养`);
    /// 6. English the taxonomy lacks, through the bilingual glossary to Chinese terms (`ranch` →
    ///    牧场), each read as above ([`read_as`](IndustryTerm::read_as));
    /// 7. by a near miss over the taxonomy vocabulary only (strsim optimal-string-alignment
    ///    distance, i.e. edits and swaps of neighbours, on folded text, generic words such as
    ///    `industry`/`产业` removed first): English of five or more letters within one edit (two
    ///    from eight letters: `semiconducter`, `batery`; never a word the glossary knows), Chinese
    ///    of three or more characters within one edit; the term is flagged
    ///    [`near_miss`](IndustryTerm::near_miss);
    /// 8. else kept with no node, without its generic words (`钢琴制造` → 钢琴): the ranking
    ///    matches its text against the projects' own words, and the caller says so.
    ///
    /// **Not understood** (returned in [`IndustryQuery::not_understood`], never a term): a part
    /// with no letter or CJK character (`123`, `???`), a part made only of generic words
    /// (`产业`, `industry`, `其他`), a one-letter part, or an English part with a word of five
    /// or more letters and no vowel (`sdfgh`; shorter ones may be acronyms such as `CRM`). Parts meaning "any industry" (`不限`, `any`, `all`) are dropped
    /// silently; empty parts are skipped. At most 24 parts are read.
    ///
    /// ```
    /// use opportunity_matcher::taxonomy::Taxonomy;
    /// let tax = Taxonomy::global();
    /// let q = tax.parse_query("動力電池、F&B, semiconducter，新能源汽车零部件 / ???");
    /// let battery = tax.lookup("动力电池").unwrap();
    /// assert_eq!(q.terms[0].node, Some(battery));
    /// assert_eq!(q.terms[1].node, tax.lookup("食品饮料"));
    /// assert_eq!(q.terms[2].node, tax.lookup("集成电路"));
    /// assert!(q.terms[2].near_miss);
    /// assert_eq!(q.terms[3].node, tax.lookup("新能源汽车")); // found inside the part
    /// assert_eq!(q.not_understood, vec!["???".to_string()]);
    /// ```
    pub fn parse_query(&self, text: &str) -> IndustryQuery {
        let mut q = IndustryQuery::default();
        for part in text.split(SEPARATORS).map(str::trim).filter(|p| !p.is_empty()).take(MAX_PARTS) {
            let first = q.terms.len();
            self.read_part(part, &mut q);
            // One node once per part (`machinery and equipment` names 装备制造 twice).
            let mut seen: Vec<NodeId> = Vec::new();
            let mut i = first;
            while i < q.terms.len() {
                match q.terms[i].node {
                    Some(n) if seen.contains(&n) => {
                        q.terms.remove(i);
                    }
                    Some(n) => {
                        seen.push(n);
                        i += 1;
                    }
                    None => i += 1,
                }
            }
        }
        q
    }

    /// Steps 1–5 of [`parse_query`](Taxonomy::parse_query) for one part.
    fn read_part(&self, part: &str, q: &mut IndustryQuery) {
        let folded = fold(part);
        let folded = folded.trim();
        if self.read_whole(part, folded, folded, q) {
            return;
        }
        // Words a space parts, with Chinese among them, each known whole (`AI 医疗`, `医疗 养老`):
        // several industries, also those known only as a whole word (医疗).
        let words: Vec<&str> = part.split_whitespace().collect();
        if words.len() >= 2
            && words.iter().any(|w| w.chars().any(is_cjk))
            && words.iter().all(|w| {
                let f = fold(w);
                self.read_whole(w, f.trim(), f.trim(), &mut IndustryQuery::default())
            })
        {
            for w in words {
                self.read_piece(w, q);
            }
            return;
        }
        // A known term that contains a conjunction (`food and beverage processing`,
        // `汽车及零部件厂`) keeps the part whole.
        let chars: Vec<char> = folded.chars().collect();
        let term_has_conjunction = self.vocab.spans_folded(folded).iter().any(|&(start, len, _)| {
            let text: String = chars[start..start + len].iter().collect();
            LATIN_CONJUNCTIONS.iter().chain(CJK_CONJUNCTIONS).any(|c| text.contains(c))
        });
        if term_has_conjunction {
            self.read_piece(part, q);
            return;
        }
        for piece in split_conjunctions(part) {
            self.read_piece(piece, q);
        }
    }

    /// Steps 1 and 3–5 of [`parse_query`](Taxonomy::parse_query) for one piece.
    fn read_piece(&self, piece: &str, q: &mut IndustryQuery) {
        let folded = fold(piece);
        let folded = folded.trim();
        if folded.is_empty() || ANY.contains(&folded) {
            return;
        }
        if self.read_whole(piece, folded, folded, q) {
            return;
        }
        // A whole-word term under generic words glued to its end (`产业园区运营`: =产业园区 is read
        // only whole, and every word of it is also generic).
        if generic_stems(folded).iter().any(|stem| self.read_whole(piece, folded, stem, q)) {
            return;
        }
        let core = strip_generic(folded);
        if is_junk(&core) {
            q.not_understood.push(piece.to_string());
            return;
        }
        if core != folded && self.read_whole(piece, folded, &core, q) {
            return;
        }
        // An English phrase the glossary has whole (`pet food`) before its known words (`food`).
        if core.is_ascii() && self.glossary.has_phrase(&core) && self.read_english(piece, &core, q) {
            return;
        }
        // Compounds are read on the text as typed (正极材料 is a word before 材料 is a generic one).
        if self.read_compound(piece, folded, folded, q) {
            return;
        }
        if let Some(nodes) = self.contractions(&core) {
            for node in nodes {
                let mut t = term(piece, folded, Some(node), false);
                t.read_as = Some(ReadAs::Contraction);
                q.terms.push(t);
            }
            return;
        }
        if core.is_ascii() && self.read_english(piece, &core, q) {
            return;
        }
        if self.read_pinyin_words(piece, folded, q) {
            return;
        }
        match self.near_miss(folded).or_else(|| self.near_miss(&core)) {
            Some(node) => q.terms.push(term(piece, folded, Some(node), true)),
            // Unknown: its words (without generic ones such as 制造, 项目) are matched in the
            // projects' own text.
            None => q.terms.push(term(piece, &core, None, false)),
        }
    }

    /// The piece as one known word: an umbrella concept (first: 数字经济 is both, and the query
    /// means the concept), a node, or the pinyin of either.
    fn read_whole(&self, piece: &str, folded: &str, key: &str, q: &mut IndustryQuery) -> bool {
        if let Some(c) = self.vocab.concept_folded(key) {
            self.push_concept(piece, folded, c, None, q);
            return true;
        }
        if let Some(node) = self.vocab.lookup_folded(key) {
            q.terms.push(term(piece, folded, Some(node), false));
            return true;
        }
        match self.vocab.pinyin_folded(key) {
            Some(Target::Concept(c)) => self.push_concept(piece, folded, c, Some(ReadAs::Pinyin), q),
            Some(Target::Node(node)) => {
                let mut t = term(piece, folded, Some(node), false);
                t.read_as = Some(ReadAs::Pinyin);
                q.terms.push(t);
            }
            None => return false,
        }
        true
    }

    fn push_concept(&self, piece: &str, folded: &str, c: ConceptId, read_as: Option<ReadAs>, q: &mut IndustryQuery) {
        for &m in &self.concept(c).members {
            let mut t = term(piece, folded, Some(m), false);
            t.concept = Some(c);
            t.read_as = read_as.clone();
            q.terms.push(t);
        }
    }

    /// Known words inside the piece (nodes and concepts, longest first, no overlaps), read as a
    /// compound: a word followed by one it qualifies is dropped, so the most specific reading wins
    /// (`锂电池隔膜` is 锂电隔膜, `新能源汽车动力电池` is 动力电池, `白酒包装` is 包装材料), while words
    /// that do not qualify each other are several industries (`白酒芯片`).
    fn read_compound(&self, piece: &str, folded: &str, core: &str, q: &mut IndustryQuery) -> bool {
        let mut spans: Vec<(usize, usize, Target)> =
            self.vocab.spans_folded(core).into_iter().map(|(s, l, n)| (s, l, Target::Node(n))).collect();
        // Concept words cover text too (新能源 in 新能源材料 …) unless a longer node term does.
        let mut concept_spans = self.vocab.concept_spans(core);
        crate::sort::sort_by(&mut concept_spans, |a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        for (start, len, c) in concept_spans {
            let overlaps = |&(s, l, _): &(usize, usize, Target)| start < s + l && s < start + len;
            if spans.iter().filter(|x| overlaps(x)).all(|&(_, l, _)| l < len) {
                spans.retain(|x| !overlaps(x));
                spans.push((start, len, Target::Concept(c)));
            }
        }
        // A one-character word at the end is the head (猕猴桃酒: 酒), though never found inside text.
        let n = core.chars().count();
        if let Some(last) = core.chars().last().filter(|&c| is_cjk(c) && n >= 3) {
            if !spans.iter().any(|&(s, l, _)| s + l == n) {
                if let Some(node) = self.vocab.lookup_folded(&last.to_string()) {
                    spans.push((n - 1, 1, Target::Node(node)));
                }
            }
        }
        if spans.is_empty() {
            return false;
        }
        crate::sort::sort_by_key(&mut spans, |&(start, _, _)| start);
        let mut keep = vec![true; spans.len()];
        for i in 0..spans.len() {
            for j in i + 1..spans.len() {
                if keep[j] && self.qualifies(spans[i].2, spans[j].2) {
                    // The more specific word wins whichever comes first: 锂电池隔膜 is the
                    // separator, 冷链仓库 the cold chain (a general head after its own kind).
                    match (spans[i].2, spans[j].2) {
                        (Target::Node(x), Target::Node(y)) if self.ancestors(x).contains(&y) => keep[j] = false,
                        _ => keep[i] = false,
                    }
                    break;
                }
            }
        }
        let first = q.terms.len();
        let mut nodes_taken = 0;
        for (&(start, len, target), _) in spans.iter().zip(&keep).filter(|(_, k)| **k) {
            let before = q.terms.len();
            match target {
                Target::Concept(c) => self.push_concept(piece, folded, c, None, q),
                Target::Node(node) if nodes_taken < MAX_NODES_PER_PART => {
                    q.terms.push(term(piece, folded, Some(node), false));
                    nodes_taken += 1;
                }
                Target::Node(_) => {}
            }
            // Shown as typed (`半導體` to a Taiwan investor, not the folded 半导体) when the text
            // folds character for character.
            let typed = piece.trim();
            let word: String = if core == folded && typed.chars().count() == core.chars().count() {
                typed.chars().skip(start).take(len).collect()
            } else {
                core.chars().skip(start).take(len).collect()
            };
            for t in &mut q.terms[before..] {
                t.partial = Some(word.clone());
            }
        }
        // Words left over that say something (宠物 in 宠物食品): the known words are only a broader
        // reading, and the whole text is matched against the projects' own text too.
        let covered = |i: usize| spans.iter().any(|&(s, l, _)| (s..s + l).contains(&i));
        let chars: Vec<char> = core.chars().collect();
        let rest: String = chars.iter().enumerate().map(|(i, &c)| if covered(i) { ' ' } else { c }).collect();
        let meaningful = rest.split(|c: char| c == ' ' || "的与及和之".contains(c)).map(strip_generic).any(|w| {
            w.chars().filter(|&c| is_cjk(c)).count() >= 2
                || w.split(' ').any(|x| x.len() >= 3 && x.chars().all(|c| c.is_ascii_alphabetic()))
        });
        if meaningful {
            q.terms.push(term(piece, &strip_generic(core), None, false));
        } else {
            for t in &mut q.terms[first..] {
                t.partial = None;
            }
        }
        true
    }

    /// True when word `a`, written before `b` in one compound, only qualifies it: `b` is a part,
    /// a chain link or a chain neighbour of `a` (锂电池 + 隔膜, 白酒 + 包装), or a concept's member
    /// or something related to one (新能源 + 汽车).
    fn qualifies(&self, a: Target, b: Target) -> bool {
        let close = |x: NodeId, y: NodeId| {
            matches!(self.relation(x, y), Relation::Same | Relation::ChainLink | Relation::ParentChild | Relation::SameChain)
        };
        match (a, b) {
            (Target::Node(x), Target::Node(y)) => close(x, y),
            (Target::Concept(c), Target::Node(y)) => self.concept(c).members.iter().any(|&m| close(m, y)),
            _ => false,
        }
    }

    /// A piece of two or three characters made only of one-character contractions (`光储充` →
    /// 光伏, 储能, 充电桩; `风光` → 风电, 光伏); `None` otherwise.
    fn contractions(&self, core: &str) -> Option<Vec<NodeId>> {
        let chars: Vec<char> = core.chars().filter(|c| !c.is_whitespace()).collect();
        if !(2..=3).contains(&chars.len()) {
            return None;
        }
        let mut nodes = Vec::new();
        for c in chars {
            let node = self.contraction(c)?;
            if !nodes.contains(&node) {
                nodes.push(node);
            }
        }
        (nodes.len() >= 2).then_some(nodes)
    }

    /// English the taxonomy does not know as a whole: through the bilingual glossary to Chinese
    /// terms, each read against the taxonomy (a node or concept) or else kept for matching the
    /// projects' own text.
    fn read_english(&self, piece: &str, core: &str, q: &mut IndustryQuery) -> bool {
        let readings = self.glossary.read(core);
        if readings.is_empty() {
            return false;
        }
        for (_, chinese) in readings {
            for zh in chinese {
                let folded = fold(&zh);
                let first = q.terms.len();
                let known = self.read_whole(piece, &folded, &folded, q) || self.read_compound(piece, &folded, &folded, q);
                if !known {
                    q.terms.push(term(piece, &folded, None, false));
                }
                for t in &mut q.terms[first..] {
                    t.read_as = Some(ReadAs::Glossary(zh.clone()));
                }
            }
        }
        true
    }

    /// Pinyin typed word by word where the whole is no term the pinyin table holds (it holds
    /// synonyms of up to four characters: `qiche lingbujian` is 汽车 and the generic 零部件): the
    /// words that name an industry, when every other word is the pinyin of a generic word.
    fn read_pinyin_words(&self, piece: &str, folded: &str, q: &mut IndustryQuery) -> bool {
        let words: Vec<&str> = folded.split_whitespace().collect();
        if words.len() < 2 || !folded.is_ascii() {
            return false;
        }
        // Longest run of words first (`yiliao qixie chanye`: 医疗器械 and the generic 产业).
        let mut named: Vec<Target> = Vec::new();
        let mut i = 0;
        while i < words.len() {
            match (i + 1..=words.len()).rev().find_map(|j| self.vocab.pinyin_folded(&words[i..j].concat()).map(|t| (t, j))) {
                Some((t, j)) => {
                    named.push(t);
                    i = j;
                }
                None if GENERIC_PINYIN.contains(&words[i]) => i += 1,
                None => return false,
            }
        }
        if named.is_empty() {
            return false;
        }
        for target in named {
            match target {
                Target::Concept(c) => self.push_concept(piece, folded, c, Some(ReadAs::Pinyin), q),
                Target::Node(node) => {
                    let mut t = term(piece, folded, Some(node), false);
                    t.read_as = Some(ReadAs::Pinyin);
                    q.terms.push(t);
                }
            }
        }
        true
    }

    /// The node of the vocabulary term closest to `folded` within the allowed edit distance
    /// (see [`parse_query`](Taxonomy::parse_query)); ties go to the longer common prefix, then
    /// to data order.
    fn near_miss(&self, folded: &str) -> Option<NodeId> {
        let n = folded.chars().count();
        let ascii = folded.is_ascii();
        let max = if ascii {
            // Four-letter English words are too often other words one letter away (wind/wine,
            // coal/coat, farm/form): from five letters only, and never a word the glossary knows.
            if !self.glossary.read(folded).is_empty() {
                return None;
            }
            match n {
                0..=4 => return None,
                5..=7 => 1,
                _ => 2,
            }
        } else if folded.chars().any(is_cjk) && n >= 3 {
            1
        } else {
            return None;
        };
        let mut best: Option<(usize, std::cmp::Reverse<usize>, usize)> = None;
        for (i, t) in self.vocab.terms.iter().enumerate() {
            if t.ascii != ascii || t.chars.abs_diff(n) > max || !comparable(t) {
                continue;
            }
            let d = strsim::osa_distance(folded, &t.text);
            if d == 0 || d > max {
                continue;
            }
            let prefix = folded.chars().zip(t.text.chars()).take_while(|(a, b)| a == b).count();
            let key = (d, std::cmp::Reverse(prefix), i);
            if best.as_ref().is_none_or(|b| key < *b) {
                best = Some(key);
            }
        }
        best.map(|(_, _, i)| self.vocab.terms[i].node)
    }
}

/// Near misses are only measured against terms long enough for a typo to be told apart from
/// another word.
fn comparable(t: &Term) -> bool {
    if t.ascii {
        t.chars >= 4
    } else {
        t.chars >= 3
    }
}

fn term(typed: &str, folded: &str, node: Option<NodeId>, near_miss: bool) -> IndustryTerm {
    IndustryTerm {
        typed: typed.trim().to_string(),
        node,
        near_miss,
        folded: folded.to_string(),
        concept: None,
        read_as: None,
        partial: None,
    }
}

/// Splits a part on ` and ` and on the CJK conjunctions, keeping it whole unless every piece
/// has at least two characters.
fn split_conjunctions(part: &str) -> Vec<&str> {
    let mut pieces: Vec<&str> = vec![part];
    for conj in LATIN_CONJUNCTIONS {
        let mut out = Vec::new();
        for piece in pieces {
            // ASCII lowering keeps byte offsets, so split the original at the same places.
            let lower = piece.to_ascii_lowercase();
            let mut start = 0;
            for (at, _) in lower.match_indices(conj) {
                out.push(&piece[start..at]);
                start = at + conj.len();
            }
            out.push(&piece[start..]);
        }
        pieces = out;
    }
    let mut result = Vec::new();
    for piece in pieces {
        let mut split = vec![piece];
        for conj in CJK_CONJUNCTIONS {
            let next: Vec<&str> = split.iter().flat_map(|s| s.split(conj)).collect();
            if next.len() > split.len() && next.iter().all(|s| s.trim().chars().count() >= 2) {
                split = next;
            }
        }
        result.extend(split.into_iter().map(str::trim).filter(|s| !s.is_empty()));
    }
    result
}

/// Removes generic words (`产业`, `industry` …) from folded text.
fn strip_generic(folded: &str) -> String {
    let mut words: Vec<String> = Vec::new();
    for word in folded.split(' ') {
        if GENERIC.contains(&word) {
            continue;
        }
        let mut w = word.to_string();
        // CJK generic words may be glued to the end (白酒产业 → 白酒).
        loop {
            let before = w.len();
            for g in GENERIC.iter().filter(|g| !g.is_ascii()) {
                if let Some(stem) = w.strip_suffix(g) {
                    w = stem.to_string();
                }
            }
            if w.len() == before {
                break;
            }
        }
        if !w.is_empty() {
            words.push(w);
        }
    }
    words.join(" ")
}

/// The piece without one, two … of the CJK generic words glued to its end, longest first,
/// each still holding more than a generic word (`产业园区运营` → `产业园区`; `产业` is not given).
fn generic_stems(folded: &str) -> Vec<String> {
    let mut stems = Vec::new();
    if folded.contains(' ') {
        return stems;
    }
    let mut w = folded;
    while let Some(stem) = GENERIC.iter().filter(|g| !g.is_ascii()).find_map(|g| w.strip_suffix(g)) {
        if stem.is_empty() || GENERIC.contains(&stem) {
            break;
        }
        stems.push(stem.to_string());
        w = stem;
    }
    stems
}

/// The "not understood" rule of [`Taxonomy::parse_query`], on folded text with generic words
/// removed.
fn is_junk(core: &str) -> bool {
    let letters: Vec<char> = core.chars().filter(|&c| c.is_alphabetic()).collect();
    if letters.is_empty() {
        return true; // no letter or CJK at all, or generic words only
    }
    if letters.iter().any(|&c| is_cjk(c)) {
        return false;
    }
    if letters.len() == 1 {
        return true;
    }
    // Keyboard mashing: an English word of five or more letters without a vowel (`sdfgh`).
    // Shorter vowel-less words are often acronyms (`CRM`, `PPP`) and are kept.
    core.is_ascii()
        && core
            .split(|c: char| !is_word_char(c))
            .any(|w| w.len() >= 5 && w.chars().all(|c| c.is_ascii_alphabetic() && !"aeiouy".contains(c)))
}
