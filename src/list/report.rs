//! What loading a list tells the official who keeps it: rejected rows and warnings, each naming
//! the row, the field, the offending value and a reason in plain words, in three languages.

use super::fields::Field;
use crate::gazetteer::{Gazetteer, PlaceNote};
use crate::money::{format_yuan, MoneyError, MoneyUnit};
use crate::Lang;
use serde::Serialize;

/// Why a row could not be used. The row is left out; every other row still loads.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RejectReason {
    /// The project name is blank.
    MissingName,
    /// The place is blank.
    MissingRegion,
    /// No province, city or county of that name is known.
    UnknownRegion,
    /// The name fits several places (`朝阳区`: Beijing and Changchun) and nothing settles it.
    AmbiguousRegion {
        /// The candidate places, as full paths.
        candidates: Vec<String>,
    },
    /// An amount field holds text that is not an amount.
    UnreadableAmount {
        /// Why it could not be read.
        error: MoneyError,
    },
    /// Another row already uses this id.
    DuplicateId {
        /// The row that first used it.
        first_row: usize,
    },
}

/// A problem that does not stop the row (or the list) from loading.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum WarningKind {
    /// A column header that names no known field; its column is ignored.
    UnknownHeader,
    /// Two columns map to the same field; the first is used.
    DuplicateHeader,
    /// A url that is not http(s) was dropped.
    UrlDropped,
    /// A place was settled by its parent, kept the rest as the park, or was a near miss.
    PlaceNote {
        /// What the gazetteer noted (worded per language by [`Warning::message`]).
        #[serde(skip)]
        note: PlaceNote,
    },
    /// A number field (land, priority, returns, jobs, date) could not be read and was left out.
    ValueDropped,
    /// Priority outside 0–100 was clamped into range.
    PriorityClamped,
    /// The amount sought is larger than the total investment.
    SeekingAboveInvestment,
    /// An amount read only without a note in brackets (`60000（一期20000）`): the figure before the
    /// brackets was read, the note is not counted.
    AmountAsideIgnored {
        /// What the brackets held.
        aside: String,
    },
    /// The amount sought was read from a note beside the total investment (`5亿元（其中引资3亿元）`)
    /// in a row with no amount sought of its own.
    SeekingFromNote {
        /// The note it was read from.
        aside: String,
    },
    /// The row has more cells than the header; the extra cells are ignored.
    ExtraCells,
    /// A list-level setting (`fx`, `currency`) could not be used.
    ListSetting,
    /// No sector was given; the industry match uses the name and tags only.
    MissingSector,
    /// An amount column of one year or of what is done (`年度计划投资`): not read as the total.
    NotTotalAmount,
    /// The sector column held a stage (`新建`, `续建`: a `项目类型` column read as the sector):
    /// not an industry; it became the project's stage when no stage column gave one.
    StageNotSector {
        /// The stage was taken from it (no stage column gave one).
        moved: bool,
    },
    /// An amount column's bare figures had no unit anywhere (header, unit row, note): the unit was
    /// decided from their size (or from the amounts of the column written with a unit).
    UnitAssumed {
        /// The unit assumed.
        unit: MoneyUnit,
        /// A typical bare figure of the column.
        typical: f64,
        /// Decided from the amounts written with a unit rather than from size alone.
        calibrated: bool,
    },
    /// The amounts of a column, in the unit they were read in, are implausible for projects (a
    /// typical one under 100,000 yuan or over a trillion): the unit is probably wrong.
    AmountsImplausible {
        /// The median amount, in yuan.
        typical_yuan: f64,
    },
    /// One bare figure of an amount column is a thousand times (or more) smaller or larger than the
    /// column's typical figure (`3.5` among `85000`, `120000`): probably written in another unit.
    /// It is kept as read, and said.
    AmountOutlier {
        /// The amount as read, in yuan.
        read_yuan: f64,
        /// The column's typical amount, in yuan.
        typical_yuan: f64,
    },
    /// A place that is not clear alone (`东部新区`, `朝阳区`) was read within the city or province
    /// most of the list's places are in.
    PlaceFromList {
        /// The place chosen, as a full path.
        #[serde(skip)]
        chosen: crate::gazetteer::RegionId,
    },
    /// The place cell was blank (or filled from the row above, as a merged block, with another
    /// place); the project's name begins with a place inside the city or province most of the list
    /// is in (`高坪区丝绸文创产业园项目`), which was used.
    PlaceFromName {
        /// The place read from the name.
        #[serde(skip)]
        chosen: crate::gazetteer::RegionId,
    },
    /// The row has no place, and the list has none elsewhere but its title (`雅安市荥经县2026年度
    /// 招商引资项目清单`, a county's own list): the project was placed in the area the title names.
    PlaceFromTitle {
        /// The place the title names.
        #[serde(skip)]
        chosen: crate::gazetteer::RegionId,
    },
    /// The row has no place, and its sheet names one (a workbook of a sheet per city or county:
    /// `德阳市`, or a title `2026年德阳市招商项目` above the sheet's header): placed there.
    PlaceFromSheet {
        /// The place the sheet names.
        #[serde(skip)]
        chosen: crate::gazetteer::RegionId,
    },
    /// The place is a town, township, street, village or park the gazetteer does not list
    /// (`南山镇`, `高新区` in a city whose high-tech zone it does not know),
    /// in a list whose places are mostly in one city or county: the project was placed there,
    /// the text kept as its park.
    UnlistedPlaceInListArea {
        /// Where it was placed.
        #[serde(skip)]
        placed: crate::gazetteer::RegionId,
    },
    /// A place read with a park left over, outside the city or province most of the list is in:
    /// perhaps a name the gazetteer does not know that begins like one it does.
    PlaceOutsideList {
        /// What it was read as.
        #[serde(skip)]
        read_as: crate::gazetteer::RegionId,
        /// Where most of the list is.
        #[serde(skip)]
        list_area: crate::gazetteer::RegionId,
    },
    /// A place that alone reads as a district far from the rest of the list, with a part left
    /// over, in a text naming neither that district's city nor its province, was placed in the
    /// list's area: the part left over is a place there (`绥阳市涪城区` in a Sichuan list →
    /// 涪城区), or the text is a zone named by the short form of that far district (`南湖新区` in
    /// 岳阳's list, not 嘉兴's 南湖区), kept as a park of the list's area.
    PlaceKeptInList {
        /// What the text reads as alone.
        #[serde(skip)]
        read_as: crate::gazetteer::RegionId,
        /// Where it was placed.
        #[serde(skip)]
        placed: crate::gazetteer::RegionId,
    },
}

/// A rejected row: its row number, the field, the offending value and the reason.
///
/// Row numbers are those a spreadsheet shows: the header is row 1, so the first project of a CSV is
/// row 2. In a JSON list the first project is row 1.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Rejection {
    /// Row number, as described above.
    pub row: usize,
    /// The sheet, when a workbook gave projects from several.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    /// The project id, if the row gave one.
    pub id: Option<String>,
    /// The field at fault.
    pub field: Field,
    /// The offending value, as written (cut to 200 characters).
    pub value: String,
    /// Why the row was rejected.
    pub reason: RejectReason,
}

/// A warning: the row (if any), the field, the value and what was done about it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Warning {
    /// Row number, or `None` for the header or the list as a whole.
    pub row: Option<usize>,
    /// The sheet, when a workbook gave projects from several.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    /// The field concerned, if any.
    pub field: Option<Field>,
    /// The value concerned (a header, a url …), cut to 200 characters.
    pub value: String,
    /// What happened.
    pub kind: WarningKind,
}

impl serde::Serialize for Field {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.key())
    }
}

/// Cuts a value for a message so that a 10 MB cell does not make a 10 MB message.
pub(crate) fn excerpt(value: &str) -> String {
    const MAX: usize = 200;
    if value.chars().count() <= MAX {
        value.to_string()
    } else {
        let mut s: String = value.chars().take(MAX).collect();
        s.push('…');
        s
    }
}

fn trim_figure(v: f64) -> String {
    let s = format!("{v:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

fn field_label(field: Field, lang: Lang) -> String {
    match lang {
        Lang::En => field.key().to_string(),
        _ => format!("{}（{}）", field.label(lang), field.key()),
    }
}

fn row_label(row: usize, sheet: Option<&str>, lang: Lang) -> String {
    match sheet {
        None => lang.pick(format!("第{row}行"), format!("第{row}行"), format!("row {row}")),
        Some(s) => lang.pick(format!("工作表“{s}”第{row}行"), format!("工作表「{s}」第{row}行"), format!("sheet \"{s}\" row {row}")),
    }
}

impl Rejection {
    /// One line in plain words: `row 4, region "火星市": no province, city or county of that name is known`.
    pub fn message(&self, lang: Lang) -> String {
        let reason = self.reason_text(lang);
        let quote = |v: &str| lang.pick(format!("“{v}”"), format!("「{v}」"), format!("\"{v}\""));
        match lang {
            Lang::En => {
                format!(
                    "{}, {} {}: {}",
                    row_label(self.row, self.sheet.as_deref(), lang),
                    field_label(self.field, lang),
                    quote(&self.value),
                    reason
                )
            }
            _ => format!(
                "{}，{}{}：{}",
                row_label(self.row, self.sheet.as_deref(), lang),
                field_label(self.field, lang),
                quote(&self.value),
                reason
            ),
        }
    }

    /// The reason alone, in plain words (`the project name is blank`), for a report that shows the
    /// row, field and value in columns of their own.
    pub fn reason_text(&self, lang: Lang) -> String {
        match &self.reason {
            RejectReason::MissingName => {
                lang.pick("缺少项目名称，无法展示", "缺少項目名稱，無法展示", "the project name is blank").to_string()
            }
            RejectReason::MissingRegion => {
                lang.pick("缺少项目地点，无法按地区匹配", "缺少項目地點，無法按地區匹配", "the place is blank").to_string()
            }
            RejectReason::UnknownRegion => lang
                .pick(
                    "找不到该省、市或县区，请写成“四川省绵阳市涪城区”或六位区划代码",
                    "找不到該省、市或縣區，請寫成「四川省綿陽市涪城區」或六位區劃代碼",
                    "no province, city or county of that name is known; write it as 四川省绵阳市涪城区 or a six-digit division code",
                )
                .to_string(),
            RejectReason::AmbiguousRegion { candidates } => match lang {
                Lang::En => format!("the name fits several places ({}); add the city", candidates.join(", ")),
                Lang::ZhHans => format!("地名有歧义（{}），请写上所在市", candidates.join("、")),
                Lang::ZhHant => format!("地名有歧義（{}），請寫上所在市", candidates.join("、")),
            },
            RejectReason::UnreadableAmount { error } => error.message(lang),
            RejectReason::DuplicateId { first_row } => match lang {
                Lang::En => format!("the same id is already used in row {first_row}"),
                Lang::ZhHans => format!("编号与第{first_row}行重复"),
                Lang::ZhHant => format!("編號與第{first_row}行重複"),
            },
        }
    }
}

impl Warning {
    /// A warning about a row (or the whole list, `row: None`) of the only sheet.
    pub fn new(row: Option<usize>, field: Option<Field>, value: &str, kind: WarningKind) -> Warning {
        Warning { row, sheet: None, field, value: excerpt(value), kind }
    }

    /// One line in plain words, naming the row and field when there is one.
    pub fn message(&self, lang: Lang) -> String {
        match self.row {
            Some(row) => format!("{}{}{}", row_label(row, self.sheet.as_deref(), lang), lang.pick("，", "，", ", "), self.text(lang)),
            None => self.text(lang),
        }
    }

    /// The warning without its row: the field, then what happened.
    pub fn text(&self, lang: Lang) -> String {
        let v = &self.value;
        let what = match &self.kind {
            WarningKind::UnknownHeader => match lang {
                Lang::En => format!("column \"{v}\" is not a known field and is ignored"),
                Lang::ZhHans => format!("列“{v}”不是已知字段，已忽略"),
                Lang::ZhHant => format!("欄「{v}」不是已知欄位，已忽略"),
            },
            WarningKind::NotTotalAmount => match lang {
                Lang::En => format!("column \"{v}\" is one year's or a completed amount, not the project's total; it is ignored"),
                Lang::ZhHans => format!("列“{v}”是一年的或已完成的金额，不是总投资，已忽略"),
                Lang::ZhHant => format!("欄「{v}」是一年的或已完成的金額，不是總投資，已忽略"),
            },
            WarningKind::DuplicateHeader => match lang {
                Lang::En => format!("column \"{v}\" names a field that another column gives; it is ignored"),
                Lang::ZhHans => format!("列“{v}”与另一列是同一字段，已忽略"),
                Lang::ZhHant => format!("欄「{v}」與另一欄是同一欄位，已忽略"),
            },
            WarningKind::UrlDropped => match lang {
                Lang::En => format!("link \"{v}\" is not an http(s) address and was dropped"),
                Lang::ZhHans => format!("链接“{v}”不是 http(s) 地址，已删除"),
                Lang::ZhHant => format!("連結「{v}」不是 http(s) 位址，已刪除"),
            },
            WarningKind::PlaceNote { note } => note.message(Gazetteer::global(), lang),
            WarningKind::ValueDropped => match lang {
                Lang::En => format!("\"{v}\" could not be read and was left out"),
                Lang::ZhHans => format!("“{v}”无法识别，已略去"),
                Lang::ZhHant => format!("「{v}」無法識別，已略去"),
            },
            WarningKind::PriorityClamped => match lang {
                Lang::En => format!("priority {v} is outside 0–100 and was clamped"),
                Lang::ZhHans => format!("优先级{v}超出0–100，已截取"),
                Lang::ZhHant => format!("優先級{v}超出0–100，已截取"),
            },
            WarningKind::AmountAsideIgnored { aside } => match lang {
                Lang::En => format!("\"{v}\" was read as the amount outside the brackets; \"{aside}\" is a note and was not counted"),
                Lang::ZhHans => format!("“{v}”已按括号外的金额读取；括号内“{aside}”作为说明，未计入"),
                Lang::ZhHant => format!("「{v}」已按括號外的金額讀取；括號內「{aside}」作為說明，未計入"),
            },
            WarningKind::SeekingFromNote { aside } => match lang {
                Lang::En => format!("\"{v}\": the total is the amount before the note; the amount sought was read from \"{aside}\""),
                Lang::ZhHans => format!("“{v}”：总投资按说明前的金额读取，拟引资额取自“{aside}”"),
                Lang::ZhHant => format!("「{v}」：總投資按說明前的金額讀取，擬引資額取自「{aside}」"),
            },
            WarningKind::SeekingAboveInvestment => match lang {
                Lang::En => format!("the amount sought ({v}) is larger than the total investment"),
                Lang::ZhHans => format!("拟引资额（{v}）大于总投资"),
                Lang::ZhHant => format!("擬引資額（{v}）大於總投資"),
            },
            WarningKind::ExtraCells => match lang {
                Lang::En => "the row has more cells than the header; the extra cells are ignored".to_string(),
                Lang::ZhHans => "该行的单元格多于表头，多出的已忽略".to_string(),
                Lang::ZhHant => "該行的儲存格多於表頭，多出的已忽略".to_string(),
            },
            WarningKind::ListSetting => match lang {
                Lang::En => format!("list setting {v} could not be used; defaults apply"),
                Lang::ZhHans => format!("清单设置 {v} 无法使用，按默认值处理"),
                Lang::ZhHant => format!("清單設定 {v} 無法使用，按預設值處理"),
            },
            WarningKind::StageNotSector { moved } => match (lang, moved) {
                (Lang::En, true) => format!("\"{v}\" is a stage, not an industry: read as the project's stage"),
                (Lang::En, false) => format!("\"{v}\" is a stage, not an industry: not used as the sector"),
                (Lang::ZhHans, true) => format!("“{v}”是项目阶段，不是行业：已作为项目阶段"),
                (Lang::ZhHans, false) => format!("“{v}”是项目阶段，不是行业：未作为所属行业"),
                (Lang::ZhHant, true) => format!("「{v}」是項目階段，不是行業：已作為項目階段"),
                (Lang::ZhHant, false) => format!("「{v}」是項目階段，不是行業：未作為所屬行業"),
            },
            WarningKind::MissingSector => lang
                .pick(
                    "未填所属行业，仅按名称和标签匹配行业",
                    "未填所屬行業，僅按名稱和標籤匹配行業",
                    "no sector given; the industry is matched on the name and tags only",
                )
                .to_string(),
            WarningKind::UnitAssumed { unit, typical, calibrated } => {
                let u = unit.label(lang);
                let example = format_yuan((typical * unit.scale).round() as u64, lang);
                let t = trim_figure(*typical);
                let zh = unit.label(Lang::ZhHans);
                let hant = unit.label(Lang::ZhHant);
                match (lang, calibrated) {
                    (Lang::En, false) => format!(
                        "UNIT ASSUMED: column \"{v}\" gives figures without a unit, and neither its header, a unit row nor a note says one; they were read as {u} from their size (a typical {t} is read as {example}). If that is wrong, write the unit in the header, e.g. \"{v}（{zh}）\""
                    ),
                    (Lang::En, true) => format!(
                        "UNIT ASSUMED: column \"{v}\" mixes figures with and without a unit; the bare ones were read as {u}, the unit that puts them beside the others (a typical {t} is read as {example}). Write the unit in every cell or in the header to be sure"
                    ),
                    (Lang::ZhHans, false) => format!(
                        "单位为推测：列“{v}”的数字未写单位，表头、单位行和说明中也没有；已按数字大小读作{u}（典型值{t}读作{example}）。如不对，请在表头写明单位，如“{v}（{zh}）”"
                    ),
                    (Lang::ZhHans, true) => format!(
                        "单位为推测：列“{v}”中有的写了单位、有的没写；未写单位的数字已按{u}读取，与写明单位的金额相当（典型值{t}读作{example}）。请在每格或表头写明单位"
                    ),
                    (Lang::ZhHant, false) => format!(
                        "單位為推測：欄「{v}」的數字未寫單位，表頭、單位行和說明中也沒有；已按數字大小讀作{u}（典型值{t}讀作{example}）。如不對，請在表頭寫明單位，如「{v}（{hant}）」"
                    ),
                    (Lang::ZhHant, true) => format!(
                        "單位為推測：欄「{v}」中有的寫了單位、有的沒寫；未寫單位的數字已按{u}讀取，與寫明單位的金額相當（典型值{t}讀作{example}）。請在每格或表頭寫明單位"
                    ),
                }
            }
            WarningKind::AmountsImplausible { typical_yuan } => {
                let typical = format_yuan(typical_yuan.round() as u64, lang);
                match lang {
                    Lang::En => {
                        format!("the amounts of column \"{v}\" look wrong for projects (a typical one is {typical}): check the unit")
                    }
                    Lang::ZhHans => format!("列“{v}”的金额作为项目投资不太合理（典型值为{typical}），请核对单位"),
                    Lang::ZhHant => format!("欄「{v}」的金額作為項目投資不太合理（典型值為{typical}），請核對單位"),
                }
            }
            WarningKind::AmountOutlier { read_yuan, typical_yuan } => {
                let read = format_yuan(read_yuan.round() as u64, lang);
                let typical = format_yuan(typical_yuan.round() as u64, lang);
                let smaller = read_yuan < typical_yuan;
                match (lang, smaller) {
                    (Lang::En, true) => {
                        format!("\"{v}\" reads as {read}, a thousand times less than the column's typical {typical}: check its unit")
                    }
                    (Lang::En, false) => {
                        format!("\"{v}\" reads as {read}, a thousand times more than the column's typical {typical}: check its unit")
                    }
                    (Lang::ZhHans, true) => format!("“{v}”读作{read}，比本列典型金额{typical}小千倍以上，请核对单位"),
                    (Lang::ZhHans, false) => format!("“{v}”读作{read}，比本列典型金额{typical}大千倍以上，请核对单位"),
                    (Lang::ZhHant, true) => format!("「{v}」讀作{read}，比本欄典型金額{typical}小千倍以上，請核對單位"),
                    (Lang::ZhHant, false) => format!("「{v}」讀作{read}，比本欄典型金額{typical}大千倍以上，請核對單位"),
                }
            }
            WarningKind::PlaceFromList { chosen } => {
                let path = Gazetteer::global().display_path(*chosen, lang);
                match lang {
                    Lang::En => format!("\"{v}\" is not clear alone; read as {path}, where most of the list's places are"),
                    Lang::ZhHans => format!("“{v}”单独看不明确，已按清单中多数项目所在地读作{path}"),
                    Lang::ZhHant => format!("「{v}」單獨看不明確，已按清單中多數項目所在地讀作{path}"),
                }
            }
            WarningKind::PlaceFromName { chosen } => {
                let path = Gazetteer::global().display_path(*chosen, lang);
                match lang {
                    Lang::En => format!("the place cell is blank; read from the project name \"{v}\" as {path}"),
                    Lang::ZhHans => format!("项目地点单元格为空，已按项目名称“{v}”读作{path}"),
                    Lang::ZhHant => format!("項目地點儲存格為空，已按項目名稱「{v}」讀作{path}"),
                }
            }
            WarningKind::PlaceFromTitle { chosen } => {
                let path = Gazetteer::global().display_path(*chosen, lang);
                match lang {
                    Lang::En => format!("no place given; placed in {path}, the area the list's title names (\"{v}\")"),
                    Lang::ZhHans => format!("未填项目地点，已按清单标题“{v}”所指地区读作{path}"),
                    Lang::ZhHant => format!("未填項目地點，已按清單標題「{v}」所指地區讀作{path}"),
                }
            }
            WarningKind::PlaceFromSheet { chosen } => {
                let path = Gazetteer::global().display_path(*chosen, lang);
                match lang {
                    Lang::En => format!("no place given; placed in {path}, the place its sheet names (\"{v}\")"),
                    Lang::ZhHans => format!("未填项目地点，已按所在工作表“{v}”所指地区读作{path}"),
                    Lang::ZhHant => format!("未填項目地點，已按所在工作表「{v}」所指地區讀作{path}"),
                }
            }
            WarningKind::UnlistedPlaceInListArea { placed } => {
                let path = Gazetteer::global().display_path(*placed, lang);
                match lang {
                    Lang::En => format!("\"{v}\" is a town, village or park the gazetteer does not list; placed in {path}, where most of the list's places are (kept as written)"),
                    Lang::ZhHans => format!("“{v}”是地名库未收录的乡镇、村或园区，已按清单中多数项目所在地读作{path}（原文保留）"),
                    Lang::ZhHant => format!("「{v}」是地名庫未收錄的鄉鎮、村或園區，已按清單中多數項目所在地讀作{path}（原文保留）"),
                }
            }
            WarningKind::PlaceOutsideList { read_as, list_area } => {
                let g = Gazetteer::global();
                let (read, area) = (g.display_path(*read_as, lang), g.display_path(*list_area, lang));
                match lang {
                    Lang::En => format!(
                        "\"{v}\" was read as {read} (the rest kept as the park), away from {area}, where most of the list is: check it"
                    ),
                    Lang::ZhHans => format!("“{v}”读作{read}（其余作为园区），不在清单多数项目所在的{area}，请核对"),
                    Lang::ZhHant => format!("「{v}」讀作{read}（其餘作為園區），不在清單多數項目所在的{area}，請核對"),
                }
            }
            WarningKind::PlaceKeptInList { read_as, placed } => {
                let g = Gazetteer::global();
                let (read, placed) = (g.display_path(*read_as, lang), g.display_path(*placed, lang));
                match lang {
                    Lang::En => format!(
                        "\"{v}\" was read as {placed}, where most of the list is (alone it would read as {read}, far away): check it"
                    ),
                    Lang::ZhHans => format!("“{v}”已按清单多数项目所在地读作{placed}（单独看会读作远处的{read}），请核对"),
                    Lang::ZhHant => format!("「{v}」已按清單多數項目所在地讀作{placed}（單獨看會讀作遠處的{read}），請核對"),
                }
            }
        };
        let mut prefix = String::new();
        if let Some(field) = self.field {
            prefix.push_str(&field_label(field, lang));
            prefix.push_str(lang.pick("：", "：", ": "));
        }
        format!("{prefix}{what}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rejection_names_row_field_value_and_reason() {
        let r = Rejection {
            row: 5,
            sheet: None,
            id: Some("B-4".into()),
            field: Field::Region,
            value: "火星市".into(),
            reason: RejectReason::UnknownRegion,
        };
        let en = r.message(Lang::En);
        assert!(en.starts_with("row 5, region \"火星市\": no province"), "{en}");
        let zh = r.message(Lang::ZhHans);
        assert!(zh.contains("第5行") && zh.contains("项目地点") && zh.contains("火星市"), "{zh}");
        assert!(r.message(Lang::ZhHant).contains("項目地點"));
    }

    #[test]
    fn long_values_are_cut() {
        let long = "x".repeat(10_000);
        assert_eq!(excerpt(&long).chars().count(), 201);
    }
}
