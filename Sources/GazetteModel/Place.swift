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

    /// The fields, in one shared buffer: a place is copied into every candidate, match and incident, and a copy is
    /// then one reference count instead of one per name and admin unit. Copied before a change when shared.
    @usableFromInline final class Storage: @unchecked Sendable {
        // @unchecked: only mutated through `Place.unique()`, i.e. when this is the one reference.
        @usableFromInline var id: String
        @usableFromInline var kind: Kind
        @usableFromInline var nameEn: String
        @usableFromInline var nameAr: String
        @usableFromInline var alternateNames: [String]
        @usableFromInline var admin1: AdminUnit?
        @usableFromInline var admin2: AdminUnit?
        @usableFromInline var admin3: AdminUnit?
        @usableFromInline var latitude: Double?
        @usableFromInline var longitude: Double?

        init(
            id: String, kind: Kind, nameEn: String, nameAr: String, alternateNames: [String],
            admin1: AdminUnit?, admin2: AdminUnit?, admin3: AdminUnit?, latitude: Double?, longitude: Double?
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

        func copy() -> Storage {
            Storage(
                id: id, kind: kind, nameEn: nameEn, nameAr: nameAr, alternateNames: alternateNames,
                admin1: admin1, admin2: admin2, admin3: admin3, latitude: latitude, longitude: longitude)
        }
    }

    @usableFromInline var storage: Storage

    private mutating func unique() -> Storage {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        return storage
    }

    /// OCHA P-code: `C3978` for a community, `SY07` / `SY0703` / `SY070300` for admin units.
    public var id: String {
        @inlinable get { storage.id }
        set { unique().id = newValue }
    }
    /// Community or admin level.
    public var kind: Kind {
        @inlinable get { storage.kind }
        set { unique().kind = newValue }
    }
    /// The OCHA English name (its own transliteration: "Maar Shurin", "Khan Shaykun").
    public var nameEn: String {
        @inlinable get { storage.nameEn }
        set { unique().nameEn = newValue }
    }
    /// The OCHA Arabic name.
    public var nameAr: String {
        @inlinable get { storage.nameAr }
        set { unique().nameAr = newValue }
    }
    /// Other spellings in any script (GeoNames alternates, press spellings, exonyms).
    public var alternateNames: [String] {
        @inlinable get { storage.alternateNames }
        set { unique().alternateNames = newValue }
    }
    /// Governorate (admin 1), district (admin 2) and subdistrict (admin 3), where they apply.
    public var admin1: AdminUnit? {
        @inlinable get { storage.admin1 }
        set { unique().admin1 = newValue }
    }
    public var admin2: AdminUnit? {
        @inlinable get { storage.admin2 }
        set { unique().admin2 = newValue }
    }
    public var admin3: AdminUnit? {
        @inlinable get { storage.admin3 }
        set { unique().admin3 = newValue }
    }
    /// WGS 84 coordinates, where the sources give them.
    public var latitude: Double? {
        @inlinable get { storage.latitude }
        set { unique().latitude = newValue }
    }
    public var longitude: Double? {
        @inlinable get { storage.longitude }
        set { unique().longitude = newValue }
    }

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
        storage = Storage(
            id: id, kind: kind, nameEn: nameEn, nameAr: nameAr, alternateNames: alternateNames,
            admin1: admin1, admin2: admin2, admin3: admin3, latitude: latitude, longitude: longitude)
    }

    public static func == (a: Place, b: Place) -> Bool {
        if a.storage === b.storage { return true }
        return a.id == b.id && a.kind == b.kind && a.nameEn == b.nameEn && a.nameAr == b.nameAr
            && a.alternateNames == b.alternateNames && a.admin1 == b.admin1 && a.admin2 == b.admin2
            && a.admin3 == b.admin3 && a.latitude == b.latitude && a.longitude == b.longitude
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(kind)
        hasher.combine(nameEn)
        hasher.combine(nameAr)
        hasher.combine(alternateNames)
        hasher.combine(admin1)
        hasher.combine(admin2)
        hasher.combine(admin3)
        hasher.combine(latitude)
        hasher.combine(longitude)
    }

    /// Every name of the place, OCHA names first.
    public var allNames: [String] { [nameEn, nameAr] + alternateNames }
}
