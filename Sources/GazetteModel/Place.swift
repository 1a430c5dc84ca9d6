/// An administrative unit a place belongs to: a governorate, district or subdistrict.
public struct AdminUnit: Sendable, Hashable {
    /// OCHA P-code (`SY07`, `SY0703`, `SY070300`).
    public var id: String
    public var nameEn: String
    public var nameAr: String

    public init(id: String, nameEn: String, nameAr: String) {
        self.id = id
        self.nameEn = nameEn
        self.nameAr = nameAr
    }
}

/// One entry of the gazetteer: a community or an administrative unit, with its names and hierarchy.
public struct Place: Sendable, Hashable, Identifiable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case community, subdistrict, district, governorate
    }

    /// OCHA P-code: `C3978` for a community, `SY07` / `SY0703` / `SY070300` for admin units.
    public var id: String
    public var kind: Kind
    /// The OCHA English name (its own transliteration: "Maar Shurin", "Khan Shaykun").
    public var nameEn: String
    /// The OCHA Arabic name.
    public var nameAr: String
    /// Other spellings in any script (GeoNames alternates, press spellings, exonyms).
    public var alternateNames: [String]
    /// Governorate (admin 1), district (admin 2) and subdistrict (admin 3), where they apply.
    public var admin1: AdminUnit?
    public var admin2: AdminUnit?
    public var admin3: AdminUnit?
    public var latitude: Double?
    public var longitude: Double?

    public init(
        id: String,
        kind: Kind,
        nameEn: String,
        nameAr: String,
        alternateNames: [String] = [],
        admin1: AdminUnit? = nil,
        admin2: AdminUnit? = nil,
        admin3: AdminUnit? = nil,
        latitude: Double? = nil,
        longitude: Double? = nil
    ) {
        self.id = id
        self.kind = kind
        self.nameEn = nameEn
        self.nameAr = nameAr
        self.alternateNames = alternateNames
        self.admin1 = admin1
        self.admin2 = admin2
        self.admin3 = admin3
        self.latitude = latitude
        self.longitude = longitude
    }

    /// Every name of the place, OCHA names first.
    public var allNames: [String] { [nameEn, nameAr] + alternateNames }
}
