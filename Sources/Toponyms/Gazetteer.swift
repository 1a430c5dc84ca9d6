public import GazetteModel

/// The places names are reconciled to: OCHA communities and the admin units above them, with their names in
/// every script, read from the TSV that `Scripts/build-gazetteer` writes (`Locales/gazetteer/syria.tsv`).
///
/// ```swift
/// let gazetteer = try Gazetteer(tsv: text, origin: "Locales/gazetteer/syria.tsv")
/// gazetteer.place(id: "C3978")?.nameEn     // "Maar Shurin"
/// gazetteer.places(in: "SY0702").count     // communities and units of the Al Ma'ra district
/// ```
///
/// Admin units carry themselves as their own admin level: a governorate's `admin1` is itself, a district's
/// `admin2` is itself, so "is this place inside SY07" is one comparison for every kind.
public struct Gazetteer: Sendable {
    /// Every place, in file order (governorates, districts, subdistricts, then communities).
    public let places: [Place]
    /// Areas that are not places of the gazetteer (Eastern Ghouta, Qalamoun ...): names the matcher must not
    /// resolve to a village of a similar name.
    public let regions: [Region]
    private let indexByID: [String: Int]
    private let indicesByAdmin: [String: [Int]]

    /// Builds a gazetteer from places you already have (tests, other countries).
    public init(places: [Place], regions: [Region] = []) {
        self.places = places
        self.regions = regions
        var byID: [String: Int] = [:]
        var byAdmin: [String: [Int]] = [:]
        for (i, place) in places.enumerated() {
            byID[place.id] = i
            var seen: Set<String> = []
            for unit in [place.admin1, place.admin2, place.admin3] {
                if let id = unit?.id, !id.isEmpty, seen.insert(id).inserted {
                    byAdmin[id, default: []].append(i)
                }
            }
        }
        indexByID = byID
        indicesByAdmin = byAdmin
    }

    /// The place with this P-code.
    public func place(id: String) -> Place? {
        indexByID[id].map { places[$0] }
    }

    /// The 14 governorates (or whatever admin-1 units the file holds), in file order.
    public var governorates: [Place] { places.filter { $0.kind == .governorate } }

    /// Every place inside the admin unit `adminID` (a governorate, district or subdistrict P-code), the unit
    /// itself included, in file order.
    public func places(in adminID: String) -> [Place] {
        (indicesByAdmin[adminID] ?? []).map { places[$0] }
    }

    /// Whether `place` lies inside (or is) the admin unit `adminID`.
    public static func place(_ place: Place, isWithin adminID: String) -> Bool {
        place.id == adminID || place.admin1?.id == adminID || place.admin2?.id == adminID
            || place.admin3?.id == adminID
    }
}

/// A named area that is not a place of the gazetteer: a region, plain or mountain range.
public struct Region: Sendable, Hashable {
    /// A stable id within the file (`R02`).
    public var id: String
    /// The English name ("Eastern Ghouta").
    public var nameEn: String
    /// The Arabic name ("الغوطة الشرقية").
    public var nameAr: String
    /// Other spellings in any language ("Ghouta orientale", "Ost-Ghuta").
    public var alternateNames: [String]

    /// Creates a region.
    public init(id: String, nameEn: String, nameAr: String, alternateNames: [String] = []) {
        self.id = id
        self.nameEn = nameEn
        self.nameAr = nameAr
        self.alternateNames = alternateNames
    }

    /// Every name of the region.
    public var allNames: [String] { [nameEn, nameAr] + alternateNames }
}

/// Why a gazetteer file could not be read: where (`origin:line`) and what is wrong.
public typealias GazetteerError = InputError
