//! Reasons: one concrete sentence per score part, worded from the same facts that made the score,
//! in the query's language. Only the top results get reasons, so this is off the hot path.

use super::index::{strong_text, weak_text};
use super::query::Understood;
use super::score::{BudgetWhy, Fit, IndustryWhy, RegionWhy};
use crate::fold::{fold, found_words, gram_set};
use crate::gazetteer::Gazetteer;
use crate::list::Project;
use crate::money::{format_amount, format_for, Fx};
use crate::taxonomy::Taxonomy;
use crate::Lang;

fn q(lang: Lang, s: &str) -> String {
    lang.pick(format!("“{s}”"), format!("「{s}」"), format!("\"{s}\""))
}

/// `行业：` / `行業：` / `Industry: `.
fn head(lang: Lang, part: &str) -> &'static str {
    match part {
        "industry" => lang.pick("行业：", "行業：", "Industry: "),
        "budget" => lang.pick("预算：", "預算：", "Budget: "),
        "region" => lang.pick("地区：", "地區：", "Region: "),
        "keywords" => lang.pick("关键词：", "關鍵詞：", "Keywords: "),
        _ => "",
    }
}

pub(crate) fn industry(u: &Understood, p: &Project, why: IndustryWhy) -> String {
    let lang = u.lang;
    let t = Taxonomy::global();
    let typed = |term: usize| u.industry.get(term).map(|x| x.typed.as_str()).unwrap_or("");
    let body = match why {
        IndustryWhy::Taxonomy { term, node, fit } => {
            let label = t.label(node, lang);
            let asked = u.industry.get(term);
            // What the investor asked for, as typed, with the concept or reading it went through.
            let typed = match asked {
                Some(a) if a.concept.is_some() => q(lang, &a.typed),
                Some(a) if a.partial.is_some() => {
                    let part = q(lang, a.partial.as_deref().unwrap_or(""));
                    match lang {
                        Lang::En => format!("{part} in {}", q(lang, &a.typed)),
                        _ => format!("{}中的{part}", q(lang, &a.typed)),
                    }
                }
                Some(a) if a.read_as.is_some() => {
                    let read = a.read_as.clone().unwrap_or_default();
                    match lang {
                        Lang::En => format!("{} (read as {read})", q(lang, &a.typed)),
                        _ => format!("{}（{read}）", q(lang, &a.typed)),
                    }
                }
                _ => q(lang, typed(term)),
            };
            let member = asked.and_then(|a| a.concept.as_ref().and(a.label.clone()));
            match (fit, member) {
                (Fit::Same | Fit::Inside, Some(_)) => match lang {
                    Lang::En => format!("{label}, part of {typed}"),
                    Lang::ZhHans => format!("{label}，属于{typed}"),
                    Lang::ZhHant => format!("{label}，屬於{typed}"),
                },
                (Fit::ChainLink, Some(m)) => match lang {
                    Lang::En => format!("{label} and {m} ({typed}) are links of one industrial chain (supplier fit)"),
                    Lang::ZhHans => format!("{label}与{typed}中的{m}为产业链上下游，可补链配套"),
                    Lang::ZhHant => format!("{label}與{typed}中的{m}為產業鏈上下游，可補鏈配套"),
                },
                (Fit::SameChain, Some(m)) => match lang {
                    Lang::En => format!("{label} is on the same industrial chain as {m} ({typed})"),
                    Lang::ZhHans => format!("{label}与{typed}中的{m}同属一条产业链"),
                    Lang::ZhHant => format!("{label}與{typed}中的{m}同屬一條產業鏈"),
                },
                (Fit::Same, None) => match lang {
                    Lang::En => format!("{label}, as you asked ({typed})"),
                    Lang::ZhHans => format!("{label}，与您的{typed}一致"),
                    Lang::ZhHant => format!("{label}，與您的{typed}一致"),
                },
                (Fit::Inside, None) => match lang {
                    Lang::En => format!("{label}, part of {typed}"),
                    Lang::ZhHans => format!("{label}，属于{typed}"),
                    Lang::ZhHant => format!("{label}，屬於{typed}"),
                },
                (Fit::ChainLink, None) => match lang {
                    Lang::En => format!("{label} and {typed} are links of one industrial chain (supplier fit)"),
                    Lang::ZhHans => format!("{label}与{typed}为产业链上下游，可补链配套"),
                    Lang::ZhHant => format!("{label}與{typed}為產業鏈上下游，可補鏈配套"),
                },
                (Fit::SameChain, None) => match lang {
                    Lang::En => format!("{label} is on the same industrial chain as {typed}"),
                    Lang::ZhHans => format!("{label}与{typed}同属一条产业链"),
                    Lang::ZhHant => format!("{label}與{typed}同屬一條產業鏈"),
                },
                (Fit::Broader | Fit::Ancestor, _) => match lang {
                    Lang::En => format!("{label}, the wider industry of {typed}"),
                    Lang::ZhHans => format!("{label}，是{typed}的上级行业"),
                    Lang::ZhHant => format!("{label}，是{typed}的上級行業"),
                },
                (Fit::Sibling | Fit::SameSector, _) => {
                    let sector = t.label(t.sector_of(node), lang);
                    match lang {
                        Lang::En => format!("{label}, in the same sector ({sector}) as {typed}"),
                        Lang::ZhHans => format!("{label}，与{typed}同属{sector}领域"),
                        Lang::ZhHant => format!("{label}，與{typed}同屬{sector}領域"),
                    }
                }
                (Fit::None, _) => lang.pick("关联不大", "關聯不大", "little relation").to_string(),
            }
        }
        IndustryWhy::NameText { term } => text_found(u, term, &strong_text(p), true),
        IndustryWhy::DescriptionText { term } => text_found(u, term, &weak_text(p), false),
        IndustryWhy::None => {
            let mut typed: Vec<String> = Vec::new();
            for x in &u.industry {
                let t = q(lang, &x.typed);
                if !typed.contains(&t) {
                    typed.push(t);
                }
            }
            match lang {
                Lang::En => format!("little relation to {}", typed.join(", ")),
                Lang::ZhHans => format!("与{}关联不大", typed.join("、")),
                Lang::ZhHant => format!("與{}關聯不大", typed.join("、")),
            }
        }
    };
    format!("{}{body}", head(lang, "industry"))
}

/// `项目名称或标签含“海洋”（“海洋牧场”的一部分）`: the words of text term `term` that the project's
/// text (`doc`, folded; the same text its postings were cut from) contains, and where.
fn text_found(u: &Understood, term: usize, doc: &str, in_name: bool) -> String {
    let lang = u.lang;
    let Some(tt) = u.text_terms.get(term) else { return String::new() };
    let found = found_words(&tt.folded, &gram_set(doc));
    let words: Vec<String> = found.iter().map(|w| q(lang, w)).collect();
    let whole = found.len() == 1 && found[0] == tt.folded;
    let where_ = match (lang, in_name) {
        (Lang::En, true) => "the name or tags mention",
        (Lang::En, false) => "the description mentions",
        (Lang::ZhHans, true) => "项目名称或标签含",
        (Lang::ZhHans, false) => "项目简介提到",
        (Lang::ZhHant, true) => "項目名稱或標籤含",
        (Lang::ZhHant, false) => "項目簡介提到",
    };
    let sep = if lang == Lang::En { ", " } else { "、" };
    // The typed word when the text searched is another (an English word read through the glossary).
    let typed_differs = fold(&tt.typed) != tt.folded;
    let asked = if typed_differs {
        match lang {
            Lang::En => format!("{} read as {}", q(lang, &tt.typed), q(lang, &tt.folded)),
            _ => format!("{}{}{}", q(lang, &tt.typed), lang.pick("译作", "譯作", ""), q(lang, &tt.folded)),
        }
    } else {
        q(lang, &tt.folded)
    };
    match (lang, whole, typed_differs) {
        (Lang::En, true, false) => format!("{where_} {}", words.join(sep)),
        (Lang::En, true, true) => format!("{where_} {} ({asked})", words.join(sep)),
        (Lang::En, false, _) => format!("{where_} {}, part of {asked}", words.join(sep)),
        (_, true, false) => format!("{where_}{}", words.join(sep)),
        (_, true, true) => format!("{where_}{}（{asked}）", words.join(sep)),
        (Lang::ZhHans, false, _) => format!("{where_}{}（{asked}的一部分）", words.join(sep)),
        (Lang::ZhHant, false, _) => format!("{where_}{}（{asked}的一部分）", words.join(sep)),
    }
}

pub(crate) fn budget(u: &Understood, p: &Project, why: BudgetWhy, fit: f32, fx: &Fx) -> String {
    let lang = u.lang;
    let Some(b) = &u.budget else { return String::new() };
    let shown = b.currency;
    let budget_text = b.text.clone();
    let sought_word = if p.seeking.is_some() {
        lang.pick("拟引资", "擬引資", "seeks ")
    } else {
        lang.pick("总投资", "總投資", "total investment ")
    };
    let amount = p.sought().map(|a| match a.bound {
        crate::money::Bound::Exact => format_for(a.min, shown, fx, lang),
        _ => format_amount(a, lang),
    });
    let body = match (why, amount) {
        (BudgetWhy::Unknown, _) | (_, None) => {
            lang.pick("项目未公布金额，按中性计", "項目未公佈金額，按中性計", "the amount is not published; counted as neutral").to_string()
        }
        (BudgetWhy::Fits, Some(a)) => match lang {
            Lang::En => format!("{sought_word}{a}, within your budget of {budget_text}"),
            Lang::ZhHans => format!("{sought_word}{a}，在您的预算{budget_text}以内"),
            Lang::ZhHant => format!("{sought_word}{a}，在您的預算{budget_text}以內"),
        },
        (BudgetWhy::FarBelow, Some(a)) if fit >= 0.8 => match lang {
            Lang::En => format!("{sought_word}{a}, below your budget of {budget_text}"),
            Lang::ZhHans => format!("{sought_word}{a}，低于您的预算{budget_text}"),
            Lang::ZhHant => format!("{sought_word}{a}，低於您的預算{budget_text}"),
        },
        (BudgetWhy::Above, Some(a)) if fit >= 0.5 => match lang {
            Lang::En => format!("{sought_word}{a}, somewhat above your budget of {budget_text}"),
            Lang::ZhHans => format!("{sought_word}{a}，略超出您的预算{budget_text}"),
            Lang::ZhHant => format!("{sought_word}{a}，略超出您的預算{budget_text}"),
        },
        (BudgetWhy::FarBelow, Some(a)) => match lang {
            Lang::En => format!("{sought_word}{a}, well below your budget of {budget_text}"),
            Lang::ZhHans => format!("{sought_word}{a}，远低于您的预算{budget_text}"),
            Lang::ZhHant => format!("{sought_word}{a}，遠低於您的預算{budget_text}"),
        },
        (BudgetWhy::Above, Some(a)) => match lang {
            Lang::En => format!("{sought_word}{a}, well above your budget of {budget_text}"),
            Lang::ZhHans => format!("{sought_word}{a}，远超您的预算{budget_text}"),
            Lang::ZhHant => format!("{sought_word}{a}，遠超您的預算{budget_text}"),
        },
    };
    format!("{}{body}", head(lang, "budget"))
}

pub(crate) fn region(u: &Understood, p: &Project, why: RegionWhy) -> String {
    let lang = u.lang;
    let g = Gazetteer::global();
    let name = |id| g.display_name(id, lang);
    let zone = |z: usize| {
        let zone = &g.econ_zones()[z];
        lang.pick(zone.name.clone(), zone.name_hant.clone(), zone.name_en.clone())
    };
    let path = g.display_path(p.region, lang);
    let body = match why {
        RegionWhy::Inside(id) if g.region(id).code != 0 && id == p.region => match lang {
            Lang::En => format!("in {}", name(id)),
            _ => format!("{}{}", lang.pick("位于", "位於", ""), path),
        },
        RegionWhy::Inside(id) => match lang {
            Lang::En => format!("in {} ({path})", name(id)),
            Lang::ZhHans => format!("同在{}（{path}）", name(id)),
            Lang::ZhHant => format!("同在{}（{path}）", name(id)),
        },
        RegionWhy::InsideZone(z) => match lang {
            Lang::En => format!("in the {} ({path})", zone(z)),
            Lang::ZhHans => format!("属于{}（{path}）", zone(z)),
            Lang::ZhHant => format!("屬於{}（{path}）", zone(z)),
        },
        RegionWhy::SameCity(id) => match lang {
            Lang::En => format!("elsewhere in {} ({path})", name(id)),
            Lang::ZhHans => format!("同在{}的其他区县（{path}）", name(id)),
            Lang::ZhHant => format!("同在{}的其他區縣（{path}）", name(id)),
        },
        RegionWhy::SameProvince(id) => match lang {
            Lang::En => format!("same province, {} ({path})", name(id)),
            _ => format!("同在{}（{path}）", name(id)),
        },
        RegionWhy::SameEconZone(z) => match lang {
            Lang::En => format!("{path}, in the same {} as the place you chose", zone(z)),
            Lang::ZhHans => format!("{path}，与所选地区同属{}", zone(z)),
            Lang::ZhHant => format!("{path}，與所選地區同屬{}", zone(z)),
        },
        RegionWhy::Elsewhere => match lang {
            Lang::En => format!("{path}, outside the places you chose"),
            Lang::ZhHans => format!("{path}，不在所选地区"),
            Lang::ZhHant => format!("{path}，不在所選地區"),
        },
    };
    format!("{}{body}", head(lang, "region"))
}

pub(crate) fn keywords(u: &Understood, share: f32) -> String {
    let lang = u.lang;
    let kw = u.keywords.clone().unwrap_or_default();
    let pct = (share * 100.0).round();
    let body = match lang {
        Lang::En => format!("{pct}% of {} found in the project text", q(lang, &kw)),
        Lang::ZhHans => format!("项目文字含{}的{pct}%", q(lang, &kw)),
        Lang::ZhHant => format!("項目文字含{}的{pct}%", q(lang, &kw)),
    };
    format!("{}{body}", head(lang, "keywords"))
}

pub(crate) fn priority(lang: Lang, priority: u8, share: f32) -> String {
    let pct = (share * 100.0).round();
    match lang {
        Lang::En => format!("Publisher's priority {priority}/100 counts for {pct}% of the score"),
        Lang::ZhHans => format!("发布方推荐指数{priority}，占排序得分的{pct}%"),
        Lang::ZhHant => format!("發布方推薦指數{priority}，占排序得分的{pct}%"),
    }
}

pub(crate) fn stale(lang: Lang, updated: &str) -> String {
    match lang {
        Lang::En => format!("Last updated {updated}: may be out of date, check with the contact"),
        Lang::ZhHans => format!("更新于{updated}，信息可能已过时，请与联系人核实"),
        Lang::ZhHant => format!("更新於{updated}，資訊可能已過時，請與聯絡人核實"),
    }
}
