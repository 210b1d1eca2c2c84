//! Raw rows: what the table reader (`table.rs`) hands to validation (`validate.rs`), and the
//! list-level settings a JSON document carries (`json.rs` reads them).

use super::fields::Field;
use super::grid::Cell;
use crate::money::MoneyUnit;

/// One source row, its cells tagged with their field: the row number, the unit of each amount
/// column (`总投资（万元）` → 万元), and what the table around it says.
#[derive(Debug, Default)]
pub struct RawRow {
    /// Row number as a spreadsheet shows it (CSV: the record number), or the 1-based index in JSON.
    pub row: usize,
    /// The sheet, when a workbook gave projects from several.
    pub sheet: Option<String>,
    /// `(field, cell)`, the row's cells that are not blank, in column order.
    pub cells: Vec<(Field, Cell)>,
    /// The unit of bare figures in the row's amount columns (`总投资（万元）` → 万元); a field not
    /// here is read in yuan. Kept apart from the cells: most fields are not amounts, and a national
    /// list holds every row until it is validated.
    pub units: Vec<(Field, MoneyUnit)>,
    /// The sector a group heading above the row (or its sheet's name) gives, for a row without one.
    pub sector_hint: Option<String>,
    /// The id for a row without one, when `row-N` would not be unique (several sheets).
    pub default_id: Option<String>,
    /// The place the row's sheet names (its name, `德阳市`, or its title, `2026年德阳市招商项目`),
    /// for a row without one, in a workbook of several list sheets.
    pub place_hint: Option<String>,
    /// The id is the row's sequence number (`序号`), which a workbook of several sheets may start
    /// again on each sheet.
    pub id_is_sequence: bool,
    /// The place was a blank filled with the value written above it (a CSV's merged block): the
    /// project's name may still say otherwise.
    pub place_filled: bool,
}

impl RawRow {
    /// The cell for a field, if the row has it and it is not blank.
    pub fn get(&self, field: Field) -> Option<&Cell> {
        self.cells.iter().find(|(f, c)| holds(*f, c, field)).map(|(_, c)| c)
    }

    /// [`RawRow::get`], to change the cell.
    pub fn get_mut(&mut self, field: Field) -> Option<&mut Cell> {
        self.cells.iter_mut().find(|(f, c)| holds(*f, c, field)).map(|(_, c)| c)
    }

    /// Sets a field's cell (replacing the first one the row has).
    pub fn set(&mut self, field: Field, cell: Cell) {
        match self.cells.iter_mut().find(|(f, _)| *f == field) {
            Some(slot) => slot.1 = cell,
            None => self.cells.push((field, cell)),
        }
    }

    /// The unit of bare figures in a field's column.
    pub fn unit(&self, field: Field) -> MoneyUnit {
        self.units.iter().find(|(f, _)| *f == field).map(|(_, u)| *u).unwrap_or(MoneyUnit::YUAN)
    }
}

/// True when a row's `(f, cell)` gives `field` a value (a blank text cell reads as absent).
fn holds(f: Field, cell: &Cell, field: Field) -> bool {
    f == field && !matches!(cell, Cell::Text(t) if t.trim().is_empty())
}

/// The list-level settings a JSON object may carry.
#[derive(Debug, Default)]
pub struct JsonMeta {
    pub title: Option<String>,
    pub publisher: Option<String>,
    pub updated: Option<String>,
    pub currency: Option<String>,
    pub fx: Vec<(String, serde_json::Value)>,
    pub notice: Option<String>,
    /// What else may name the list's own area: the rows above a table's header (`雅安市荥经县2026年
    /// 招商引资项目清单`, `填报单位：…`) and its sheets' names.
    pub titles: Vec<String>,
}
