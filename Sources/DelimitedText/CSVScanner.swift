/// A record seen in place by `CSVReader.scan`: field bounds in the input, no copies, no `String` until asked.
///
/// Valid only inside the closure it is passed to (it points into the reader's bytes): do not store it.
public struct CSVRecordView {
    /// Where a field is in `base`: start, end (exclusive), and whether doubled quotes must be undone.
    @usableFromInline
    struct Bounds {
        @usableFromInline var start: Int
        @usableFromInline var end: Int
        @usableFromInline var escaped: Bool

        @usableFromInline
        init(start: Int, end: Int, escaped: Bool) {
            self.start = start
            self.end = end
            self.escaped = escaped
        }
    }

    // The accessors are inlinable: a large tally calls several per row from another module.
    @usableFromInline let base: UnsafeBufferPointer<UInt8>
    // The scanner's buffer of field bounds, reused for every record: a Swift array per record cost a uniqueness
    // check per field, a fifth of the time of a large tally.
    @usableFromInline var bounds: UnsafeMutablePointer<Bounds>
    /// How many fields the record has.
    public let count: Int
    let replacing: Bool
    /// 1-based line on which the record starts.
    public let line: Int
    /// 0-based byte offset at which the record starts.
    public let byteOffset: Int

    init(
        base: UnsafeBufferPointer<UInt8>, bounds: UnsafeMutablePointer<Bounds>, count: Int, line: Int, byteOffset: Int,
        replacing: Bool
    ) {
        self.base = base
        self.bounds = bounds
        self.count = count
        self.line = line
        self.byteOffset = byteOffset
        self.replacing = replacing
    }

    @inlinable @inline(__always)
    func field(_ i: Int) -> Bounds {
        precondition(i >= 0 && i < count, "field index out of range")
        return bounds[i]
    }

    /// Whether field `i` is empty (`,,` or `""`).
    @inlinable
    public func isEmpty(_ i: Int) -> Bool {
        let f = field(i)
        return f.start == f.end
    }

    /// Field `i` decoded: quotes removed, doubled quotes undone. Input was validated (or is repaired) as UTF-8.
    public func string(_ i: Int) -> String {
        let f = field(i)
        let raw = UnsafeBufferPointer(rebasing: base[f.start..<f.end])
        guard f.escaped else { return String(decoding: raw, as: UTF8.self) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(raw.count)
        var skip = false
        for b in raw {
            if skip {
                skip = false
                continue
            }
            bytes.append(b)
            if b == ByteScan.quote { skip = true }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Field `i` as a whole number: ASCII digits with an optional leading `-`, surrounding spaces allowed;
    /// nil when empty or anything else.
    @inlinable
    public func integer(_ i: Int) -> Int? {
        let f = field(i)
        var p = f.start
        var end = f.end
        while p < end, base[p] == 0x20 { p += 1 }
        while end > p, base[end - 1] == 0x20 { end -= 1 }
        guard p < end else { return nil }
        var negative = false
        if base[p] == UInt8(ascii: "-") {
            negative = true
            p += 1
            guard p < end else { return nil }
        }
        var value = 0
        while p < end {
            let d = base[p] &- 0x30
            guard d < 10 else { return nil }
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (s, o2) = m.addingReportingOverflow(Int(d))
            guard !o1, !o2 else { return nil }
            value = s
            p += 1
        }
        return negative ? -value : value
    }

    /// Field `i` as an ISO date `YYYY-MM-DD` (surrounding spaces allowed), read from the bytes without making a
    /// `String`; nil for anything else. The day is not checked against the month: the caller's date type does.
    @inlinable
    public func isoDate(_ i: Int) -> (year: Int, month: Int, day: Int)? {
        let f = field(i)
        var p = f.start
        var end = f.end
        while p < end, base[p] == 0x20 { p += 1 }
        while end > p, base[end - 1] == 0x20 { end -= 1 }
        guard end - p == 10, base[p + 4] == UInt8(ascii: "-"), base[p + 7] == UInt8(ascii: "-") else { return nil }
        // Eight digits read straight, without a helper returning optionals: a large tally reads a date per row.
        let y0 = base[p] &- 0x30, y1 = base[p + 1] &- 0x30, y2 = base[p + 2] &- 0x30, y3 = base[p + 3] &- 0x30
        let m0 = base[p + 5] &- 0x30, m1 = base[p + 6] &- 0x30, d0 = base[p + 8] &- 0x30, d1 = base[p + 9] &- 0x30
        guard y0 < 10, y1 < 10, y2 < 10, y3 < 10, m0 < 10, m1 < 10, d0 < 10, d1 < 10 else { return nil }
        let y = Int(y0) * 1000 + Int(y1) * 100 + Int(y2) * 10 + Int(y3)
        let m = Int(m0) * 10 + Int(m1)
        let d = Int(d0) * 10 + Int(d1)
        guard m >= 1, m <= 12, d >= 1, d <= 31 else { return nil }
        return (y, m, d)
    }

    /// Calls `body` with the raw bytes of field `i` (quotes removed, doubled quotes not undone): for hashing or
    /// comparing without making a `String`.
    @inlinable
    public func withBytes<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let f = field(i)
        return try body(UnsafeBufferPointer(rebasing: base[f.start..<f.end]))
    }

    /// Whether field `i` was quoted with doubled quotes inside, so that its raw bytes (`withBytes`) differ from
    /// its text (`string`).
    @inlinable
    public func hasDoubledQuotes(_ i: Int) -> Bool { field(i).escaped }

    /// Every field as a `String`.
    public var fields: [String] { (0..<count).map(string) }
}

extension CSVReader {
    /// Reads every record in place and calls `body` with a view of it: the fast path for large tables, where
    /// making a `String` of every field costs more than the rest of the work.
    ///
    /// Follows the same rules as `next()` (quotes, line ends, BOM, empty lines, strict field count). With
    /// `invalidUTF8: .fail` the whole input is checked first, so the error names the first bad byte wherever it is.
    ///
    /// ```swift
    /// var killed = 0
    /// try CSVReader.scan(bytes) { record in killed += record.integer(4) ?? 0 }
    /// ```
    public static func scan(
        _ bytes: [UInt8], options: Options = Options(), _ body: (CSVRecordView) throws -> Void
    ) throws {
        let start = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        try scan(bytes, chunk: CSVChunk(range: start..<bytes.count, firstLine: 1), options: options, body)
    }

    /// Like `scan(_:options:_:)` over one chunk from `chunks(of:count:)`: for reading parts of a large file on
    /// several threads, each with its own state, and merging the results. The delimiter, when not given, is
    /// sniffed from the first line of the whole input; the strict field count applies within the chunk.
    public static func scan(
        _ bytes: [UInt8], chunk: CSVChunk, options: Options = Options(), _ body: (CSVRecordView) throws -> Void
    ) throws {
        try bytes.withUnsafeBufferPointer { whole in try scan(buffer: whole, chunk: chunk, options: options, body) }
    }

    /// Like `scan(_:chunk:options:_:)` over bytes the caller holds, such as a memory-mapped file: no copy into an
    /// array. `whole` is the whole input (for the byte order mark and the delimiter), not only the chunk.
    public static func scan(
        buffer whole: UnsafeBufferPointer<UInt8>, chunk: CSVChunk, options: Options = Options(),
        _ body: (CSVRecordView) throws -> Void
    ) throws {
        let bom = whole.count >= 3 && whole[0] == 0xEF && whole[1] == 0xBB && whole[2] == 0xBF ? 3 : 0
        let delimiter = options.delimiter ?? CSVReader.sniff(UnsafeBufferPointer(rebasing: whole[bom...]))
        let start = max(chunk.range.lowerBound, bom)
        do {
            let buf = UnsafeBufferPointer(rebasing: whole[..<chunk.range.upperBound])
            if options.invalidUTF8 == .fail, !chunk.isASCII,
                let bad = ByteScan.firstInvalidUTF8(buf, start..<buf.count)
            {
                let at = ByteScan.locate(buf, offset: bad, fromLine: chunk.firstLine, lineStart: start)
                throw DelimitedTextError(
                    kind: .invalidUTF8, origin: options.origin, line: at.line, column: at.column,
                    byteOffset: bad)
            }
            let delimiters = UInt64(delimiter) &* 0x0101_0101_0101_0101
            var capacity = 32
            var storage = UnsafeMutablePointer<CSVRecordView.Bounds>.allocate(capacity: capacity)
            defer { storage.deallocate() }
            let replacing = options.invalidUTF8 == .replace
            // The record's fields, line and offset, kept in locals and put into a view only to call `body`: a view
            // updated in place and then copied for the call stalled on its own fresh stores (a fifth of the scan).
            var fieldCount = 0
            var recordLine = 1
            var recordOffset = 0
            @inline(__always)
            func append(_ start: Int, _ end: Int, _ escaped: Bool) {
                if fieldCount == capacity {
                    let grown = UnsafeMutablePointer<CSVRecordView.Bounds>.allocate(capacity: capacity * 2)
                    grown.moveInitialize(from: storage, count: capacity)
                    storage.deallocate()
                    storage = grown
                    capacity *= 2
                }
                storage[fieldCount] = CSVRecordView.Bounds(start: start, end: end, escaped: escaped)
                fieldCount += 1
            }
            var position = start
            var line = chunk.firstLine
            var lineStart = start
            var expected: Int?
            let end = buf.count
            func endLine() {
                if buf[position] == ByteScan.cr, position + 1 < end, buf[position + 1] == ByteScan.lf {
                    position += 2
                } else {
                    position += 1
                }
                line += 1
                lineStart = position
            }
            while position < end {
                if options.skipsEmptyLines, buf[position] == ByteScan.lf || buf[position] == ByteScan.cr {
                    endLine()
                    continue
                }
                fieldCount = 0
                recordLine = line
                recordOffset = position
                while true {
                    if position < end, buf[position] == ByteScan.quote {
                        let open = position
                        let openLine = line
                        let openLineStart = lineStart
                        position += 1
                        let fieldStart = position
                        var escaped = false
                        while true {
                            guard position < end else {
                                let at = ByteScan.locate(
                                    buf, offset: open, fromLine: openLine, lineStart: openLineStart)
                                throw DelimitedTextError(
                                    kind: .unterminatedQuote, origin: options.origin,
                                    line: at.line, column: at.column, byteOffset: open)
                            }
                            let b = buf[position]
                            if b == ByteScan.quote {
                                if position + 1 < end, buf[position + 1] == ByteScan.quote {
                                    escaped = true
                                    position += 2
                                    continue
                                }
                                break
                            } else if b == ByteScan.lf || b == ByteScan.cr {
                                endLine()
                            } else {
                                position += 1
                            }
                        }
                        append(fieldStart, position, escaped)
                        position += 1
                        if position < end {
                            let b = buf[position]
                            if b != delimiter && b != ByteScan.lf && b != ByteScan.cr {
                                let at = ByteScan.locate(buf, offset: position, fromLine: line, lineStart: lineStart)
                                throw DelimitedTextError(
                                    kind: .characterAfterClosingQuote, origin: options.origin,
                                    line: at.line, column: at.column, byteOffset: position)
                            }
                        }
                    } else {
                        let fieldStart = position
                        // Eight bytes at a time to the next delimiter or line end, then byte by byte near the end.
                        var found = false
                        while position &+ 8 <= end {
                            let word = UnsafeRawPointer(buf.baseAddress! + position).loadUnaligned(as: UInt64.self)
                            let v = UInt64(littleEndian: word)
                            let hits = ByteScan.zeroBytes(v ^ delimiters) | ByteScan.zeroBytes(v ^ ByteScan.lfs)
                                | ByteScan.zeroBytes(v ^ ByteScan.crs)
                            if hits != 0 {
                                position &+= hits.trailingZeroBitCount >> 3
                                found = true
                                break
                            }
                            position &+= 8
                        }
                        if !found {
                            while position < end {
                                let b = buf[position]
                                if b == delimiter || b == ByteScan.lf || b == ByteScan.cr { break }
                                position += 1
                            }
                        }
                        append(fieldStart, position, false)
                    }
                    if position >= end { break }
                    if buf[position] == delimiter {
                        position += 1
                        continue
                    }
                    endLine()
                    break
                }
                if options.strictFieldCount {
                    if let expected, expected != fieldCount {
                        throw DelimitedTextError(
                            kind: .fieldCountMismatch(expected: expected, found: fieldCount),
                            origin: options.origin, line: recordLine, column: 1,
                            byteOffset: recordOffset)
                    }
                    expected = expected ?? fieldCount
                }
                try body(
                    CSVRecordView(
                        base: buf, bounds: storage, count: fieldCount, line: recordLine, byteOffset: recordOffset,
                        replacing: replacing))
            }
        }
    }
}

/// A part of a CSV input that starts at the start of a record, for reading in parallel.
public struct CSVChunk: Sendable, Hashable {
    /// Byte range in the input.
    public var range: Range<Int>
    /// The line number of its first byte (counted by LF; files with lone-CR line ends get wrong numbers).
    public var firstLine: Int
    /// Every byte of the chunk is ASCII (known from counting it), so the scan need not check its UTF-8.
    public var isASCII: Bool

    /// Creates a chunk.
    public init(range: Range<Int>, firstLine: Int, isASCII: Bool = false) {
        self.range = range
        self.firstLine = firstLine
        self.isASCII = isASCII
    }
}

extension CSVReader {
    /// Splits `bytes` into at most `count` chunks of similar size that each begin at the start of a record.
    ///
    /// A boundary is the first LF after the even split point at which the number of quotes since the start of
    /// the input is even, so it never falls inside a quoted field of RFC 4180 text. (A stray quote inside an
    /// unquoted field, which the reader tolerates, could mislead it; a chunk would then fail with an error
    /// rather than give wrong records.)
    public static func chunks(of bytes: [UInt8], count: Int) -> [CSVChunk] {
        bytes.withUnsafeBufferPointer { chunks(of: $0, count: count) }
    }

    /// `chunks(of:count:)` over bytes the caller holds, such as a memory-mapped file.
    public static func chunks(of buf: UnsafeBufferPointer<UInt8>, count: Int) -> [CSVChunk] {
        guard count > 1, buf.count > 1 << 16 else { return [CSVChunk(range: 0..<buf.count, firstLine: 1)] }
        let counts = (0..<count).map { regionCounts(of: buf, region: $0, of: count) }
        return chunks(of: buf, count: count, regionCounts: counts)
    }

    /// The bytes of region `k` of `count` equal regions of `buf` (the last one takes the remainder): what
    /// `regionCounts(of:region:of:)` counts, so that callers can count regions on several threads.
    public static func region(_ k: Int, of count: Int, in buf: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        let size = buf.count / count
        return size * k..<(k == count - 1 ? buf.count : size * (k + 1))
    }

    /// The quotes and line feeds in region `k` of `count` (see `region(_:of:in:)`), for
    /// `chunks(of:count:regionCounts:)`.
    public static func regionCounts(
        of buf: UnsafeBufferPointer<UInt8>, region k: Int, of count: Int
    ) -> CSVRegionCounts {
        let c = ByteScan.quotesAndLineFeeds(buf, region(k, of: count, in: buf))
        return CSVRegionCounts(quotes: c.quotes, lineFeeds: c.lineFeeds, isASCII: c.isASCII)
    }

    /// `chunks(of:count:)` with the quotes and line feeds of each region counted beforehand (in parallel, say):
    /// only the few bytes after each region's start are read here. `regionCounts` has `count` entries.
    public static func chunks(
        of buf: UnsafeBufferPointer<UInt8>, count: Int, regionCounts: [CSVRegionCounts]
    ) -> [CSVChunk] {
        let n = buf.count
        guard count > 1, n > 1 << 16, regionCounts.count == count else {
            return [CSVChunk(range: 0..<n, firstLine: 1)]
        }
        // Quotes and line feeds before each region.
        var quotesBefore = [0]
        var linesBefore = [0]
        for c in regionCounts {
            quotesBefore.append(quotesBefore.last! &+ c.quotes)
            linesBefore.append(linesBefore.last! &+ c.lineFeeds)
        }
        // Whether every region that `range` touches is ASCII.
        func isASCII(_ range: Range<Int>) -> Bool {
            guard !range.isEmpty else { return true }
            let size = n / count
            let first = min(range.lowerBound / size, count - 1)
            let last = min((range.upperBound - 1) / size, count - 1)
            return regionCounts[first...last].allSatisfy(\.isASCII)
        }
        var chunks: [CSVChunk] = []
        var start = 0
        // Quotes and line feeds before `start`.
        var startQuotes = 0
        var startLines = 0
        for part in 1..<count {
            var target = region(part, of: count, in: buf).lowerBound
            var quotes = quotesBefore[part]
            var lines = linesBefore[part]
            if target < start {
                // The previous boundary ran past this region's start (a quoted field longer than a region).
                target = start
                quotes = startQuotes
                lines = startLines
            }
            var p = target
            var odd = quotes & 1 == 1
            while p < n, odd || buf[p] != ByteScan.lf {
                if buf[p] == ByteScan.quote { odd.toggle() }
                p += 1
            }
            guard p < n else { break }
            let end = p + 1
            let between = ByteScan.quotesAndLineFeeds(buf, target..<end)
            chunks.append(CSVChunk(range: start..<end, firstLine: startLines + 1, isASCII: isASCII(start..<end)))
            start = end
            startQuotes = quotes &+ between.quotes
            startLines = lines &+ between.lineFeeds
        }
        chunks.append(CSVChunk(range: start..<n, firstLine: startLines + 1, isASCII: isASCII(start..<n)))
        return chunks
    }
}

/// The quotes and line feeds of one region of a CSV input, for `CSVReader.chunks(of:count:regionCounts:)`.
public struct CSVRegionCounts: Sendable, Hashable {
    public var quotes: Int
    public var lineFeeds: Int
    /// Every byte of the region is below 0x80 (false when not known).
    public var isASCII: Bool

    /// Creates counts.
    public init(quotes: Int, lineFeeds: Int, isASCII: Bool = false) {
        self.quotes = quotes
        self.lineFeeds = lineFeeds
        self.isASCII = isASCII
    }
}
