//! Legal forms of organisations (LLC, ООО, S.p.A., Aktiengesellschaft, ...).
//!
//! Source: `data/names/org_types.json` (rigour 2.6.1): 466 entries, 1,896 aliases, each entry
//! with a display form, a compare form and a generic class (LLC, JSC, SOE, NGO, LP, ...).
//! Every alias is folded ([`crate::fold`]) into a token sequence; [`LegalForms::match_at`]
//! finds the longest alias starting at a token.
//!
//! Changes to the source, made here in code:
//!
//! * **One canonical form per concept** for the forms that sanctions lists mix: PJSC ≡ PAO ≡
//!   ПАО ≡ ПАТ ≡ "public joint stock company" ≡ "publichnoe aktsionernoe obshchestvo" →
//!   `pjsc`; LLC ≡ OOO ≡ ООО ≡ ТОВ ≡ "limited liability company" ≡ "obshchestvo s
//!   ogranichennoy otvetstvennostyu" → `llc`; JSC ≡ AO ≡ АО ≡ "joint stock company" ≡
//!   "aktsionernoe obshchestvo" → `jsc`; OJSC ≡ OAO ≡ ОАО → `ojsc`; CJSC ≡ ZAO ≡ ЗАО → `cjsc`.
//!   (rigour files ПАО, ОАО and ЗАО all under compare form "AO", and lists "PUBLICHNOE
//!   AKTSIONERNOE OBSHCHESTVO" as an alias of ОАО.)
//! * **Gaps filled** (PROVENANCE.md): Turkish A.Ş./A.S. (anonim şirketi), Japanese K.K. /
//!   Kabushiki Kaisha / 株式会社, Y.K., G.K., Indonesian PT / Perseroan Terbatas / Tbk,
//!   Russian IP/ИП, NKO, GUP, FGUP, MUP and their long spellings, and the English short
//!   forms (LTD, INC, CORP, CO, PLC, LLP, LP, ...).
//! * **Dropped aliases** that are ordinary words: `in` (listed for Inc).

use std::sync::OnceLock;

use serde::Deserialize;

use super::PhraseTable;
use crate::fold;

static ORG_TYPES_JSON: &str = include_str!("../../../../data/names/org_types.json");

/// A legal form of organisation.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct LegalForm {
    /// Canonical folded form to compare on: two aliases with the same `compare` mean the same
    /// legal form ("pjsc" for PJSC, PAO, ПАО, "public joint stock company").
    pub compare: String,
    /// The generic class in rigour's vocabulary ("LLC", "JSC", "SOE", "NGO", "LP", "LLP",
    /// "COOP", "SP", "GP", "FIN", "REL", "JV", "MIL"); empty when the source gives none.
    pub generic: String,
    /// A display spelling ("PJSC", "GmbH", "S.p.A.").
    pub display: String,
}

/// The legal-form table: every alias folded into tokens, with longest-match lookup.
///
/// # Examples
///
/// ```
/// use veto_names::{fold, LegalForms};
///
/// let lf = LegalForms::get();
/// let name = fold("Rosneft Oil Company PJSC");
/// let toks: Vec<&str> = name.split(' ').collect();
/// let (n, form) = lf.match_at(&toks, 3).expect("PJSC");
/// assert_eq!((n, form.compare.as_str()), (1, "pjsc"));
///
/// let name = fold("Публичное акционерное общество «Роснефть»");
/// let toks: Vec<&str> = name.split(' ').collect();
/// let (n, form) = lf.match_at(&toks, 0).expect("ПАО");
/// assert_eq!((n, form.compare.as_str(), form.generic.as_str()), (3, "pjsc", "JSC"));
///
/// assert_eq!(lf.lookup("ooo").map(|f| f.compare.as_str()), Some("llc"));
/// assert_eq!(lf.lookup("spa").map(|f| f.generic.as_str()), Some("JSC"));
/// ```
#[derive(Debug)]
pub struct LegalForms {
    forms: Vec<LegalForm>,
    table: PhraseTable<u32>,
}

#[derive(Deserialize)]
struct OrgType {
    aliases: Vec<String>,
    display: Option<String>,
    compare: Option<String>,
    generic: Option<String>,
}

/// (compare, generic, display, aliases) added to or overriding the source.
const EXTRA: &[(&str, &str, &str, &[&str])] = &[
    (
        "pjsc",
        "JSC",
        "PJSC",
        &[
            "PJSC",
            "P.J.S.C.",
            "PAO",
            "P.A.O.",
            "ПАО",
            "П.А.О.",
            "ПАТ",
            "public joint stock company",
            "public joint-stock company",
            "public jsc",
            "publichnoe aktsionernoe obshchestvo",
            "publichnoye aktsionernoye obshchestvo",
            "publichnoe aktsionernoe obshestvo",
            "публичное акционерное общество",
            "публічне акціонерне товариство",
        ],
    ),
    (
        "jsc",
        "JSC",
        "JSC",
        &[
            "JSC",
            "J.S.C.",
            "AO",
            "A.O.",
            "АО",
            "А.О.",
            "joint stock company",
            "joint-stock company",
            "aktsionernoe obshchestvo",
            "aktsionernoye obshchestvo",
            "aktsionernoe obshestvo",
            "akcionernoe obshchestvo",
            "акционерное общество",
            "акціонерне товариство",
            "приватне акціонерне товариство",
            "непубличное акционерное общество",
        ],
    ),
    (
        "ojsc",
        "JSC",
        "OJSC",
        &[
            "OJSC",
            "O.J.S.C.",
            "OAO",
            "O.A.O.",
            "ОАО",
            "О.А.О.",
            "open joint stock company",
            "open joint-stock company",
            "otkrytoe aktsionernoe obshchestvo",
            "otkrytoye aktsionernoye obshchestvo",
            "открытое акционерное общество",
            "відкрите акціонерне товариство",
        ],
    ),
    (
        "cjsc",
        "JSC",
        "CJSC",
        &[
            "CJSC",
            "C.J.S.C.",
            "ZAO",
            "Z.A.O.",
            "ЗАО",
            "З.А.О.",
            "closed joint stock company",
            "closed joint-stock company",
            "zakrytoe aktsionernoe obshchestvo",
            "zakrytoye aktsionernoye obshchestvo",
            "закрытое акционерное общество",
            "закрите акціонерне товариство",
        ],
    ),
    (
        "llc",
        "LLC",
        "LLC",
        &[
            "LLC",
            "L.L.C.",
            "OOO",
            "O.O.O.",
            "ООО",
            "О.О.О.",
            "ТОВ",
            "limited liability company",
            "limited liability co",
            "obshchestvo s ogranichennoy otvetstvennostyu",
            "obshchestvo s ogranichennoi otvetstvennostiu",
            "obshchestvo s ogranichennoj otvetstvennostju",
            "obshestvo s ogranichennoy otvetstvennostyu",
            "общество с ограниченной ответственностью",
            "товариство з обмеженою відповідальністю",
        ],
    ),
    (
        "ip",
        "SP",
        "IP",
        &["IP", "ИП", "individualnyy predprinimatel", "индивидуальный предприниматель"],
    ),
    (
        "nko",
        "NGO",
        "NKO",
        &["NKO", "НКО", "nekommercheskaya organizatsiya", "некоммерческая организация"],
    ),
    (
        "gup",
        "SOE",
        "GUP",
        &[
            "GUP",
            "ГУП",
            "gosudarstvennoe unitarnoe predpriyatie",
            "государственное унитарное предприятие",
        ],
    ),
    (
        "fgup",
        "SOE",
        "FGUP",
        &[
            "FGUP",
            "ФГУП",
            "federalnoe gosudarstvennoe unitarnoe predpriyatie",
            "федеральное государственное унитарное предприятие",
        ],
    ),
    (
        "mup",
        "SOE",
        "MUP",
        &[
            "MUP",
            "МУП",
            "munitsipalnoe unitarnoe predpriyatie",
            "муниципальное унитарное предприятие",
        ],
    ),
    (
        "as",
        "JSC",
        "A.Ş.",
        &["A.Ş.", "A.S.", "AŞ", "anonim şirketi", "anonim sirketi", "anonim şirket"],
    ),
    (
        "kk",
        "JSC",
        "K.K.",
        &["K.K.", "KK", "kabushiki kaisha", "kabushiki gaisha", "kabushikigaisha", "株式会社"],
    ),
    ("yk", "LLC", "Y.K.", &["Y.K.", "yugen kaisha", "yugen gaisha", "有限会社"]),
    ("gk", "LLC", "G.K.", &["G.K.", "godo kaisha", "godo gaisha", "合同会社"]),
    ("pt", "LLC", "PT", &["PT", "P.T.", "perseroan terbatas"]),
    ("tbk", "JSC", "Tbk", &["Tbk", "Tbk.", "terbuka", "PT Tbk", "persero terbuka"]),
    ("ltd", "LLC", "Ltd", &["LTD", "Ltd.", "LIMITED", "limited company"]),
    ("inc", "LLC", "Inc", &["INC", "Inc.", "incorporated"]),
    ("corp", "LLC", "Corp", &["CORP", "Corp.", "corporation"]),
    ("co", "", "Co", &["CO", "Co.", "company"]),
    ("plc", "JSC", "PLC", &["PLC", "P.L.C.", "public limited company"]),
    ("llp", "LLP", "LLP", &["LLP", "L.L.P.", "limited liability partnership"]),
    // Kazakhstan's limited liability partnership: rigour has only the long form; lists
    // write ТОО (TOO KAZSTANEX) and its Kazakh twin ЖШС.
    (
        "llp",
        "LLP",
        "ТОО",
        &[
            "ТОО",
            "товарищество с ограниченной ответственностью",
            "tovarishchestvo s ogranichennoy otvetstvennostyu",
            "ЖШС",
            "жауапкершілігі шектеулі серіктестік",
        ],
    ),
    ("lp", "LP", "LP", &["LP", "L.P.", "limited partnership"]),
    ("gmbh", "LLC", "GmbH", &["GMBH", "G.m.b.H."]),
    ("ag", "JSC", "AG", &["AG", "A.G.", "aktiengesellschaft"]),
    ("sa", "JSC", "SA", &["SA", "S.A."]),
    ("sas", "LLC", "SAS", &["SAS", "S.A.S."]),
    ("sarl", "LLC", "SARL", &["SARL", "S.A.R.L.", "S.à r.l."]),
    ("spa", "JSC", "S.p.A.", &["SPA", "S.p.A.", "società per azioni"]),
    ("srl", "LLC", "S.r.l.", &["SRL", "S.r.l.", "società a responsabilità limitata"]),
    ("bv", "LLC", "BV", &["BV", "B.V."]),
    ("nv", "JSC", "NV", &["NV", "N.V."]),
    ("oy", "LLC", "Oy", &["OY", "Oy"]),
    ("oyj", "JSC", "Oyj", &["OYJ", "Oyj", "julkinen osakeyhtiö"]),
    ("ab", "JSC", "AB", &["AB", "aktiebolag", "aktiebolaget"]),
    ("kg", "LP", "KG", &["KG", "K.G.", "kommanditgesellschaft"]),
    ("se", "JSC", "SE", &["SE", "S.E.", "societas europaea"]),
];

/// Aliases of the source that are ordinary words and would match everywhere.
const DROPPED: &[&str] = &["in"];

/// Compare forms of the source that name the same concept as one of [`EXTRA`]'s.
fn canonical(compare: &str) -> &str {
    match compare {
        "ooo" | "tov" => "llc",
        "pao" | "pat" => "pjsc",
        "oao" => "ojsc",
        "zao" => "cjsc",
        "ao" => "jsc",
        x => x,
    }
}

impl LegalForms {
    /// The table, loaded on first use.
    pub fn get() -> &'static LegalForms {
        static T: OnceLock<LegalForms> = OnceLock::new();
        T.get_or_init(LegalForms::load)
    }

    fn load() -> LegalForms {
        let src: Vec<OrgType> = serde_json::from_str(ORG_TYPES_JSON).unwrap_or_default();
        let mut forms: Vec<LegalForm> = Vec::new();
        let mut table = PhraseTable::default();
        for e in &src {
            let Some(first) = e.aliases.first() else {
                continue;
            };
            let display = e.display.clone().unwrap_or_else(|| first.clone());
            let fd = fold(&display);
            // The Russian display forms say more than rigour's compare forms ("AO" for ЗАО).
            let compare =
                if matches!(fd.as_str(), "zao" | "oao" | "pao" | "pat" | "ooo" | "tov" | "ao") {
                    canonical(&fd).to_string()
                } else {
                    let src = e.compare.as_deref().or(e.display.as_deref()).unwrap_or(first);
                    canonical(&fold(src)).to_string()
                };
            let idx = forms.len() as u32;
            forms.push(LegalForm {
                compare,
                generic: e.generic.clone().unwrap_or_default(),
                display,
            });
            for a in &e.aliases {
                let f = fold(a);
                if !DROPPED.contains(&f.as_str()) {
                    table.insert(&f, idx);
                }
            }
        }
        for (compare, generic, display, aliases) in EXTRA {
            let idx = forms.len() as u32;
            forms.push(LegalForm {
                compare: compare.to_string(),
                generic: generic.to_string(),
                display: display.to_string(),
            });
            table.insert(&fold(display), idx);
            for a in aliases.iter() {
                table.insert(&fold(a), idx);
            }
        }
        LegalForms { forms, table }
    }

    /// The longest legal form whose folded alias equals `tokens[i..i + n]`: `n` and the form.
    pub fn match_at<T: AsRef<str>>(&self, tokens: &[T], i: usize) -> Option<(usize, &LegalForm)> {
        self.table.match_at(tokens, i).and_then(|(n, &f)| Some((n, self.forms.get(f as usize)?)))
    }

    /// Whether some folded alias begins with word `first` ("joint", "ooo"):
    /// if not, [`LegalForms::match_at`] finds none there.
    pub fn begins(&self, first: &str) -> bool {
        self.table.begins(first)
    }

    /// The legal form of a whole folded alias ("ooo", "joint stock company").
    pub fn lookup(&self, folded: &str) -> Option<&LegalForm> {
        self.table.get(folded).and_then(|&f| self.forms.get(f as usize))
    }

    /// All folded aliases with their forms, in no particular order.
    pub fn aliases(&self) -> impl Iterator<Item = (&str, &LegalForm)> + '_ {
        self.table.iter().filter_map(|(k, &f)| Some((k, self.forms.get(f as usize)?)))
    }

    /// The number of distinct folded aliases.
    pub fn alias_count(&self) -> usize {
        self.table.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn compare_of(alias: &str) -> Option<String> {
        let f = fold(alias);
        let toks: Vec<&str> = f.split(' ').collect();
        match LegalForms::get().match_at(&toks, 0) {
            Some((n, form)) if n == toks.len() => Some(form.compare.clone()),
            _ => None,
        }
    }

    macro_rules! lf {
        ($alias:expr, $compare:expr) => {
            assert_eq!(compare_of($alias).as_deref(), Some($compare), "{}", $alias)
        };
    }

    #[test]
    fn source_parses() {
        let src: Vec<OrgType> = serde_json::from_str(ORG_TYPES_JSON).expect("org_types.json");
        assert_eq!(src.len(), 466);
        assert!(LegalForms::get().alias_count() > 1500);
    }

    #[test]
    fn russian_and_english_equivalences() {
        for a in ["PJSC", "PAO", "ПАО", "public joint stock company", "Public Joint-Stock Company"]
        {
            lf!(a, "pjsc");
        }
        lf!("publichnoe aktsionernoe obshchestvo", "pjsc");
        lf!("ПУБЛИЧНОЕ АКЦИОНЕРНОЕ ОБЩЕСТВО", "pjsc");
        lf!("Публічне акціонерне товариство", "pjsc");
        for a in ["LLC", "L.L.C.", "OOO", "ООО", "O.O.O.", "limited liability company", "ТОВ"]
        {
            lf!(a, "llc");
        }
        lf!("obshchestvo s ogranichennoy otvetstvennostyu", "llc");
        lf!("Общество с ограниченной ответственностью", "llc");
        for a in ["JSC", "J.S.C.", "AO", "АО", "joint stock company", "aktsionernoe obshchestvo"]
        {
            lf!(a, "jsc");
        }
        lf!("Акционерное общество", "jsc");
        for a in ["OJSC", "OAO", "ОАО", "otkrytoe aktsionernoe obshchestvo"] {
            lf!(a, "ojsc");
        }
        lf!("Открытое акционерное общество", "ojsc");
        for a in ["CJSC", "ZAO", "ЗАО", "zakrytoe aktsionernoe obshchestvo"] {
            lf!(a, "cjsc");
        }
        lf!("Закрытое акционерное общество", "cjsc");
        for (a, c) in [("IP", "ip"), ("ИП", "ip"), ("NKO", "nko"), ("GUP", "gup"), ("ФГУП", "fgup")]
        {
            lf!(a, c);
        }
        lf!("MUP", "mup");
    }

    #[test]
    fn gaps_and_short_forms() {
        lf!("A.Ş.", "as");
        lf!("A.S.", "as");
        lf!("K.K.", "kk");
        lf!("Kabushiki Kaisha", "kk");
        lf!("株式会社", "kk");
        lf!("PT", "pt");
        lf!("Tbk", "tbk");
        for (a, c) in [("LTD", "ltd"), ("Limited", "ltd"), ("INC", "inc"), ("Corp.", "corp")] {
            lf!(a, c);
        }
        for (a, c) in [("CO", "co"), ("PLC", "plc"), ("LLP", "llp"), ("LP", "lp"), ("GmbH", "gmbh")]
        {
            lf!(a, c);
        }
        for (a, c) in [("AG", "ag"), ("SA", "sa"), ("S.A.S.", "sas"), ("SARL", "sarl")] {
            lf!(a, c);
        }
        for (a, c) in [("S.p.A.", "spa"), ("S.r.l.", "srl"), ("B.V.", "bv"), ("N.V.", "nv")] {
            lf!(a, c);
        }
        for (a, c) in [("Oy", "oy"), ("AB", "ab"), ("AS", "as"), ("KG", "kg"), ("SE", "se")] {
            lf!(a, c);
        }
        lf!("Sp. z o.o.", "spzoo");
        for a in ["ТОО", "TOO", "ЖШС", "товарищество с ограниченной ответственностью"]
        {
            lf!(a, "llp");
        }
        assert_eq!(compare_of("in"), None);
        assert_eq!(compare_of("smith"), None);
    }

    #[test]
    fn longest_match() {
        let lf = LegalForms::get();
        let toks = ["public", "joint", "stock", "company", "rosneft"];
        let (n, f) = lf.match_at(&toks, 0).expect("match");
        assert_eq!((n, f.compare.as_str()), (4, "pjsc"));
        assert_eq!(lf.match_at(&toks, 4), None);
        assert_eq!(lf.match_at(&toks, 10), None);
        let empty: [&str; 0] = [];
        assert_eq!(lf.match_at(&empty, 0), None);
        assert!(lf.aliases().count() == lf.alias_count());
    }
}
