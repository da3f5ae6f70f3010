//! The entity: one listed person, organization, vessel or aircraft.

use serde::{Deserialize, Serialize};

use crate::{BirthDate, Country, EntityId, PartialDate, Source};

/// What kind of thing a listed entity is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A natural person.
    Person,
    /// A company, bank, government body, armed group or other organization.
    Organization,
    /// A ship.
    Vessel,
    /// An aircraft.
    Aircraft,
    /// Anything else (a list entry whose type is not stated).
    Other,
}

impl Kind {
    /// Every kind, in display order.
    pub const ALL: [Kind; 5] =
        [Kind::Person, Kind::Organization, Kind::Vessel, Kind::Aircraft, Kind::Other];

    /// The lowercase name (`person`, `organization`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::Organization => "organization",
            Kind::Vessel => "vessel",
            Kind::Aircraft => "aircraft",
            Kind::Other => "other",
        }
    }

    /// Parses a kind as users type it (`person`, `individual`, `org`,
    /// `entity`, `company`, `ship`, `vessel`, `aircraft`, ...).
    pub fn parse(s: &str) -> Option<Kind> {
        Some(match s.trim().to_ascii_lowercase().as_str() {
            "person" | "individual" | "people" | "natural person" => Kind::Person,
            "organization" | "organisation" | "org" | "entity" | "company" | "legalentity"
            | "legal entity" => Kind::Organization,
            "vessel" | "ship" | "boat" => Kind::Vessel,
            "aircraft" | "airplane" | "plane" => Kind::Aircraft,
            "other" | "unknown" => Kind::Other,
            _ => return None,
        })
    }
}

impl std::fmt::Display for Kind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The role a name plays for its entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NameRole {
    /// The list's main name for the entity.
    Primary,
    /// A strong (good-quality) alias: `a.k.a.`, `n.k.a.`, UN "Good quality".
    Alias,
    /// A weak (low-quality) alias: OFAC weak a.k.a., UN "Low quality".
    WeakAlias,
    /// A former name: `f.k.a.`, "formerly known as".
    Former,
    /// The name written in its original, non-Latin script.
    OriginalScript,
}

impl NameRole {
    /// The lowercase name of the role.
    pub fn as_str(self) -> &'static str {
        match self {
            NameRole::Primary => "primary",
            NameRole::Alias => "alias",
            NameRole::WeakAlias => "weak_alias",
            NameRole::Former => "former",
            NameRole::OriginalScript => "original_script",
        }
    }
}

/// The writing system of a name, where the list says or it can be seen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Script {
    /// Latin letters (with or without diacritics).
    Latin,
    /// Cyrillic.
    Cyrillic,
    /// Arabic (including Persian, Urdu, Pashto).
    Arabic,
    /// Greek.
    Greek,
    /// Hebrew.
    Hebrew,
    /// Armenian.
    Armenian,
    /// Georgian.
    Georgian,
    /// Chinese characters (Han), including Japanese kanji and Korean hanja.
    Han,
    /// Japanese kana.
    Kana,
    /// Korean Hangul.
    Hangul,
    /// Thai.
    Thai,
    /// Any other or mixed script.
    Other,
}

impl Script {
    /// Guesses the script of a text from its letters: the script of the
    /// majority of its alphabetic characters. `None` if it has no letters.
    pub fn detect(text: &str) -> Option<Script> {
        let mut counts = [0usize; 12];
        for c in text.chars().filter(|c| c.is_alphabetic()) {
            let s = Script::of_char(c);
            counts[s as usize] += 1;
        }
        let (idx, &n) = counts.iter().enumerate().max_by_key(|(_, n)| **n)?;
        if n == 0 {
            return None;
        }
        Some(Script::ALL[idx])
    }

    const ALL: [Script; 12] = [
        Script::Latin,
        Script::Cyrillic,
        Script::Arabic,
        Script::Greek,
        Script::Hebrew,
        Script::Armenian,
        Script::Georgian,
        Script::Han,
        Script::Kana,
        Script::Hangul,
        Script::Thai,
        Script::Other,
    ];

    /// The script of one character (by Unicode block).
    pub fn of_char(c: char) -> Script {
        match c as u32 {
            0x0041..=0x024F | 0x1E00..=0x1EFF => Script::Latin,
            0x0370..=0x03FF | 0x1F00..=0x1FFF => Script::Greek,
            0x0400..=0x052F | 0x1C80..=0x1C8F | 0x2DE0..=0x2DFF | 0xA640..=0xA69F => {
                Script::Cyrillic
            }
            0x0530..=0x058F => Script::Armenian,
            0x0590..=0x05FF => Script::Hebrew,
            0x0600..=0x06FF
            | 0x0750..=0x077F
            | 0x08A0..=0x08FF
            | 0xFB50..=0xFDFF
            | 0xFE70..=0xFEFF => Script::Arabic,
            0x0E00..=0x0E7F => Script::Thai,
            0x10A0..=0x10FF | 0x1C90..=0x1CBF => Script::Georgian,
            0x1100..=0x11FF | 0x3130..=0x318F | 0xAC00..=0xD7AF => Script::Hangul,
            0x3040..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9F => Script::Kana,
            0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F => Script::Han,
            _ => Script::Other,
        }
    }
}

/// One name of an entity.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Name {
    /// The name as the list writes it (`PUTIN, Vladimir Vladimirovich`).
    pub full: String,
    /// Its role.
    pub role: NameRole,
    /// Its script, if known.
    #[serde(default)]
    pub script: Option<Script>,
    /// Its language (ISO 639 code or the list's own label), if stated.
    #[serde(default)]
    pub lang: Option<String>,
}

impl Name {
    /// A name with the given role; the script is detected from the text.
    pub fn new(full: impl Into<String>, role: NameRole) -> Name {
        let full = full.into();
        let script = Script::detect(&full);
        Name { full, role, script, lang: None }
    }
}

/// A person's gender as the list states it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Gender {
    /// Male.
    Male,
    /// Female.
    Female,
}

/// A postal address (or what the list gives of it).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Address {
    /// Street lines.
    #[serde(default)]
    pub street: Option<String>,
    /// City or town.
    #[serde(default)]
    pub city: Option<String>,
    /// State, province or region.
    #[serde(default)]
    pub region: Option<String>,
    /// Postal code.
    #[serde(default)]
    pub postal_code: Option<String>,
    /// Country, resolved to ISO 3166.
    #[serde(default)]
    pub country: Option<Country>,
    /// The whole address as one line, as the list gives it.
    pub full: String,
}

/// The type of an [`Identifier`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IdKind {
    /// Passport number.
    Passport,
    /// National identity card or number (cedula, NIC, ...).
    NationalId,
    /// Tax number (INN, RFC, NIT, RUC, TIN, ...).
    TaxId,
    /// Company registration number (OGRN, registration ID, ...).
    Registration,
    /// SWIFT/BIC code.
    SwiftBic,
    /// Legal Entity Identifier.
    Lei,
    /// IMO ship or company number.
    Imo,
    /// Maritime Mobile Service Identity.
    Mmsi,
    /// Vessel call sign.
    CallSign,
    /// Aircraft manufacturer's serial number.
    AircraftSerial,
    /// Aircraft tail (registration) number.
    AircraftTail,
    /// A digital currency (crypto) address.
    DigitalCurrency,
    /// E-mail address.
    Email,
    /// Phone number.
    Phone,
    /// Website.
    Website,
    /// Driver's license.
    DriversLicense,
    /// Social security or similar personal number.
    SocialSecurity,
    /// Any other number (the label says which).
    Other,
}

/// A typed identifier: passport, registration number, IMO number, ...
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Identifier {
    /// The type.
    pub kind: IdKind,
    /// The value as the list gives it.
    pub value: String,
    /// The list's own label for the type (`Cedula No.`, `RUC #`, `Passport`).
    #[serde(default)]
    pub label: String,
    /// Issuing country.
    #[serde(default)]
    pub country: Option<Country>,
    /// Anything else the list says about it (issue/expiry dates, issuer).
    #[serde(default)]
    pub note: Option<String>,
}

impl Identifier {
    /// An identifier with a type, value and label.
    pub fn new(kind: IdKind, value: impl Into<String>, label: impl Into<String>) -> Identifier {
        Identifier {
            kind,
            value: value.into().trim().to_string(),
            label: label.into(),
            country: None,
            note: None,
        }
    }
}

/// A sanctions program or regime the entity is listed under.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Program {
    /// The list's code for it (`RUSSIA-EO14024`, `SDGT`, `Russia`, `QDi`).
    pub code: String,
    /// The date the entity was listed under it, if given.
    #[serde(default)]
    pub listed_on: Option<PartialDate>,
}

impl Program {
    /// A program with no listing date.
    pub fn new(code: impl Into<String>) -> Program {
        Program { code: code.into().trim().to_string(), listed_on: None }
    }
}

/// The type of a [`Measure`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MeasureKind {
    /// A sectoral sanctions directive (OFAC SSI under EO 13662, EO 14024
    /// directives): only certain dealings are prohibited.
    SectoralDirective,
    /// The entity is subject to secondary sanctions.
    SecondarySanctions,
    /// Specific transactions are prohibited (e.g. for US financial
    /// institutions under a given regulation).
    TransactionsProhibited,
    /// Asset freeze.
    AssetFreeze,
    /// Travel ban.
    TravelBan,
    /// Arms embargo or export restriction.
    ArmsEmbargo,
    /// Any other restriction (the text says which).
    Other,
}

/// A restriction that applies to the entity, beyond being listed.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Measure {
    /// The type.
    pub kind: MeasureKind,
    /// The legal basis when stated (`EO 13662`, `EO 14024`, `CAATSA 231`).
    #[serde(default)]
    pub authority: Option<String>,
    /// The directive number for sectoral directives (`1`, `2`, `4`).
    #[serde(default)]
    pub directive: Option<String>,
    /// The list's own text.
    pub text: String,
}

/// How two entities are related.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RelationKind {
    /// OFAC's `Linked To:`, a generic link.
    LinkedTo,
    /// The entity is owned or controlled by the target.
    OwnedBy,
    /// The entity owns or controls the target.
    Owns,
    /// The entity is an officer or director of the target, or vice versa.
    Director,
    /// Family relation.
    Family,
    /// Associate.
    Associate,
    /// Any other relation.
    Other,
}

/// A relation to another (usually listed) entity.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Relation {
    /// The type of the relation.
    pub kind: RelationKind,
    /// The target's name as the list gives it.
    pub target_name: String,
    /// The target's id, when the list gives it or it could be resolved.
    #[serde(default)]
    pub target_id: Option<EntityId>,
}

/// Vessel particulars.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Vessel {
    /// Type of ship (`Crude Oil Tanker`).
    #[serde(default)]
    pub vessel_type: Option<String>,
    /// Flag state.
    #[serde(default)]
    pub flag: Option<Country>,
    /// Flag as written, when it could not be resolved to a country.
    #[serde(default)]
    pub flag_text: Option<String>,
    /// Gross tonnage.
    #[serde(default)]
    pub tonnage: Option<String>,
    /// Gross registered tonnage.
    #[serde(default)]
    pub gross_registered_tonnage: Option<String>,
    /// Owner or operator.
    #[serde(default)]
    pub owner: Option<String>,
    /// Year built.
    #[serde(default)]
    pub year_built: Option<String>,
}

/// Aircraft particulars.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Aircraft {
    /// Model (`Boeing 747-422`).
    #[serde(default)]
    pub model: Option<String>,
    /// Operator.
    #[serde(default)]
    pub operator: Option<String>,
    /// Construction or manufacture date as given.
    #[serde(default)]
    pub built: Option<String>,
}

/// Where a record came from: which file, which record in it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Provenance {
    /// The file name (without directories).
    pub file: String,
    /// The 1-based record number in that file (row, XML element, JSON line).
    pub record: u64,
    /// The 1-based line the record starts on, where the format has lines.
    #[serde(default)]
    pub line: Option<u64>,
}

/// One listed person, organization, vessel or aircraft.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// Stable id `<source>:<native id>`.
    pub id: EntityId,
    /// The list it comes from.
    pub source: Source,
    /// What it is.
    pub kind: Kind,
    /// All its names; the first [`NameRole::Primary`] one is the main name.
    pub names: Vec<Name>,
    /// Dates of birth (persons) or of registration/incorporation are not
    /// mixed: this holds birth dates only.
    #[serde(default)]
    pub birth_dates: Vec<BirthDate>,
    /// Places of birth, as written.
    #[serde(default)]
    pub birth_places: Vec<String>,
    /// Nationalities.
    #[serde(default)]
    pub nationalities: Vec<Country>,
    /// Citizenships.
    #[serde(default)]
    pub citizenships: Vec<Country>,
    /// Other countries linked to the entity (jurisdiction, registration,
    /// residence, or a country the list gives without saying which).
    #[serde(default)]
    pub countries: Vec<Country>,
    /// Gender, for persons.
    #[serde(default)]
    pub gender: Option<Gender>,
    /// Titles and positions (`President of the Russian Federation`).
    #[serde(default)]
    pub positions: Vec<String>,
    /// Addresses.
    #[serde(default)]
    pub addresses: Vec<Address>,
    /// Typed identifiers.
    #[serde(default)]
    pub identifiers: Vec<Identifier>,
    /// Programs and regimes.
    #[serde(default)]
    pub programs: Vec<Program>,
    /// Restrictions: sectoral directives, secondary sanctions, ...
    #[serde(default)]
    pub measures: Vec<Measure>,
    /// Relations to other entities.
    #[serde(default)]
    pub relations: Vec<Relation>,
    /// Vessel particulars.
    #[serde(default)]
    pub vessel: Option<Vessel>,
    /// Aircraft particulars.
    #[serde(default)]
    pub aircraft: Option<Aircraft>,
    /// The date the entity was first listed, when the list says.
    #[serde(default)]
    pub listed_on: Option<PartialDate>,
    /// The date the list last changed this entry, when the list says.
    #[serde(default)]
    pub last_updated: Option<PartialDate>,
    /// Remarks and anything the list says that has no field above, verbatim.
    #[serde(default)]
    pub remarks: Vec<String>,
    /// Where this entity was read from.
    pub provenance: Provenance,
}

impl Entity {
    /// An empty entity of `source` with native id `native`.
    pub fn new(source: Source, native: &str, kind: Kind) -> Entity {
        Entity {
            id: EntityId::new(source, native),
            source,
            kind,
            names: Vec::new(),
            birth_dates: Vec::new(),
            birth_places: Vec::new(),
            nationalities: Vec::new(),
            citizenships: Vec::new(),
            countries: Vec::new(),
            gender: None,
            positions: Vec::new(),
            addresses: Vec::new(),
            identifiers: Vec::new(),
            programs: Vec::new(),
            measures: Vec::new(),
            relations: Vec::new(),
            vessel: None,
            aircraft: None,
            listed_on: None,
            last_updated: None,
            remarks: Vec::new(),
            provenance: Provenance::default(),
        }
    }

    /// The main name: the first primary name, or else the first name.
    pub fn primary_name(&self) -> Option<&str> {
        self.names
            .iter()
            .find(|n| n.role == NameRole::Primary)
            .or_else(|| self.names.first())
            .map(|n| n.full.as_str())
    }

    /// Adds a name unless an identical one (same text and role) is there.
    pub fn add_name(&mut self, name: Name) {
        if !name.full.trim().is_empty() && !self.names.iter().any(|n| n == &name) {
            self.names.push(name);
        }
    }

    /// Adds a country to `list` unless it is already there.
    pub fn push_unique<T: PartialEq>(list: &mut Vec<T>, value: T) {
        if !list.contains(&value) {
            list.push(value);
        }
    }

    /// Every country linked to the entity: nationalities, citizenships,
    /// other countries and address countries, without repeats.
    pub fn all_countries(&self) -> Vec<Country> {
        let mut out = Vec::new();
        let addr = self.addresses.iter().filter_map(|a| a.country);
        for c in self
            .nationalities
            .iter()
            .chain(&self.citizenships)
            .chain(&self.countries)
            .copied()
            .chain(addr)
        {
            Entity::push_unique(&mut out, c);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_detection() {
        assert_eq!(Script::detect("Vladimir Putin"), Some(Script::Latin));
        assert_eq!(Script::detect("Владимир Путин"), Some(Script::Cyrillic));
        assert_eq!(Script::detect("محمد علي"), Some(Script::Arabic));
        assert_eq!(Script::detect("金正恩"), Some(Script::Han));
        assert_eq!(Script::detect("김정은"), Some(Script::Hangul));
        assert_eq!(Script::detect("Αλέξανδρος"), Some(Script::Greek));
        assert_eq!(Script::detect("123 -"), None);
    }

    #[test]
    fn kinds_parse() {
        assert_eq!(Kind::parse("Individual"), Some(Kind::Person));
        assert_eq!(Kind::parse("entity"), Some(Kind::Organization));
        assert_eq!(Kind::parse("ship"), Some(Kind::Vessel));
        assert_eq!(Kind::parse("blimp"), None);
    }

    #[test]
    fn entity_json_round_trips() {
        let mut e = Entity::new(Source::Un, "QDi.001", Kind::Person);
        e.add_name(Name::new("X", NameRole::Primary));
        e.add_name(Name::new("X", NameRole::Primary));
        assert_eq!(e.names.len(), 1);
        let j = serde_json::to_value(&e).unwrap();
        assert_eq!(j["birth_dates"], serde_json::json!([]));
        assert_eq!(j["id"], "un:QDi.001");
        let back: Entity = serde_json::from_value(j).unwrap();
        assert_eq!(back, e);
    }
}
