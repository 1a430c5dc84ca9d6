internal import Synchronization

/// Thread-safe ICU handles opened once per configuration and shared, as swift-foundation's `FormatterCache` does:
/// opening a collator or number formatter costs far more than using one.
///
/// A `Mutex` around a dictionary; past `limit` entries it is emptied (configurations here are a handful of
/// locales, so eviction is a safety net, not a policy). Failures are not cached.
final class HandleCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private let storage = Mutex<[Key: Value]>([:])
    private let limit: Int

    init(limit: Int = 64) { self.limit = limit }

    func value(for key: Key, orMake make: () throws(ICUError) -> Value) throws(ICUError) -> Value {
        try storage.withLock { (cache) throws(ICUError) -> Value in
            if let value = cache[key] { return value }
            let value = try make()
            if cache.count >= limit { cache.removeAll() }
            cache[key] = value
            return value
        }
    }
}
