import Foundation
import GazetteModel

/// File access for the commands: the only place Gazette touches the file system.
enum Files {
    /// The files named by `paths`: files as given, folders walked recursively (sorted, hidden files skipped),
    /// keeping only `extensions` inside folders and leaving out a folder's README, which describes the
    /// folder rather than reporting anything. A missing path is reported and skipped.
    static func expand(_ paths: [String], extensions: Set<String>, diagnostics: Diagnostics) -> [URL] {
        var out: [URL] = []
        let fm = FileManager.default
        for path in paths {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDir) else {
                diagnostics.failure("\(path): no such file or folder; check the path")
                continue
            }
            let url = URL(fileURLWithPath: path)
            if !isDir.boolValue {
                out.append(url)
                continue
            }
            var found: [(path: String, url: URL)] = []
            if !walk(url, extensions: extensions, into: &found) {
                // A link or other special entry: the enumerator decides what it is.
                guard let walker = fm.enumerator(
                    at: url, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
                else {
                    diagnostics.failure("\(path): cannot list this folder; check its permissions")
                    continue
                }
                found = []
                for case let file as URL in walker {
                    let isFile = (try? file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) ?? false
                    if isFile, isDocument(file, extensions) { found.append((file.path, file)) }
                }
            }
            if found.isEmpty {
                diagnostics.warning("\(path): no files ending in \(extensions.sorted().joined(separator: ", ")) here")
            }
            // Sorted by the path computed once: `URL.path` in the comparison costs a tenth of a second per 10,000.
            out += found.sorted { $0.path < $1.path }.map(\.url)
        }
        return out
    }

    /// Whether a file found in a folder is read: one of `extensions`, and not the folder's README.
    private static func isDocument(_ file: URL, _ extensions: Set<String>) -> Bool {
        isDocument(name: file.lastPathComponent, extensions)
    }

    /// ``isDocument(_:_:)`` from the file's name alone, without parsing a URL.
    private static func isDocument(name: String, _ extensions: Set<String>) -> Bool {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return false }
        return extensions.contains(name[name.index(after: dot)...].lowercased()) && !name.uppercased().hasPrefix("README")
    }

    /// Adds the documents under `folder` to `found`, listed with `readdir`, whose entries say their type, instead of
    /// asking for each file's attributes (a third of a second for 10,000 files, before any work can start). False
    /// when a folder cannot be opened or holds anything but folders and regular files (links, sockets ...): then
    /// `expand` lists it with the enumerator, which decides what those are.
    private static func walk(
        _ folder: URL, extensions: Set<String>, into found: inout [(path: String, url: URL)]
    ) -> Bool {
        let folderPath = folder.path
        guard let stream = opendir(folderPath) else { return false }
        defer { closedir(stream) }
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            // Hidden entries (and "." and "..") are skipped, as the enumerator's `.skipsHiddenFiles` does.
            if name.hasPrefix(".") { continue }
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_DIR):
                guard walk(folder.appendingPathComponent(name, isDirectory: true), extensions: extensions, into: &found)
                else { return false }
            case Int32(DT_REG):
                // Judged and sorted by name and path strings: parsing each file's URL again costs more.
                guard isDocument(name: name, extensions) else { continue }
                let path = folderPath.hasSuffix("/") ? folderPath + name : folderPath + "/" + name
                found.append((path, URL(fileURLWithPath: path, isDirectory: false)))
            default:
                return false
            }
        }
        return true
    }

    /// The bytes of a file, or a clear error naming it.
    static func read(_ url: URL) throws(CLIError) -> [UInt8] { try read(path: url.path) }

    /// ``read(_:)`` for a path already worked out: `URL.path` costs a few microseconds, which counts when a run
    /// reads 10,000 press releases.
    static func read(path: String) throws(CLIError) -> [UInt8] {
        if let small = readSmall(path) { return small }
        do {
            return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe))
        } catch {
            throw CLIError.input(path: path, message: "cannot read: \(error.localizedDescription)")
        }
    }

    /// The bytes of a regular file of up to 1 MB with one `read`, or nil (then `read` maps it, or says why it
    /// cannot): for a press release of a few kilobytes, mapping the file and copying the mapping cost more than
    /// the reading.
    private static func readSmall(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size <= 1_000_000 else { return nil }
        let size = Int(info.st_size)
        var complete = false
        // One byte more than the size: reading it tells that the file grew since `fstat`.
        let bytes = [UInt8](unsafeUninitializedCapacity: size + 1) { buffer, count in
            var total = 0
            while total <= size {
                let n = Glibc.read(fd, buffer.baseAddress! + total, size + 1 - total)
                if n < 0, errno == EINTR { continue }
                guard n > 0 else { break }
                total += n
            }
            count = total
            complete = total == size
        }
        return complete ? bytes : nil
    }

    /// Calls `body` with the bytes of a file mapped into memory, read-only and not copied: for inputs of hundreds of
    /// megabytes, where `read`'s array would double the memory. The bytes are valid only inside `body`.
    /// `body` gets a function to give back the pages of a byte range it is done with (`madvise(MADV_DONTNEED)`):
    /// they leave the process's memory and are read again from the page cache if touched again.
    static func withMappedBytes<R>(
        _ url: URL, _ body: (UnsafeBufferPointer<UInt8>, @escaping @Sendable (Range<Int>) -> Void) throws -> R
    ) throws -> R {
        let fd = open(url.path, O_RDONLY)
        guard fd >= 0 else {
            throw CLIError.input(path: url.path, message: "cannot read: \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            throw CLIError.input(path: url.path, message: "cannot read: \(String(cString: strerror(errno)))")
        }
        let size = Int(info.st_size)
        guard size > 0 else { return try body(UnsafeBufferPointer(start: nil, count: 0), { _ in }) }
        guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED else {
            throw CLIError.input(path: url.path, message: "cannot map: \(String(cString: strerror(errno)))")
        }
        defer { munmap(base, size) }
        // Read front to back, once per part: tell the kernel so it reads ahead.
        _ = madvise(base, size, MADV_SEQUENTIAL)
        let address = UInt(bitPattern: base)
        let page = max(1, Int(sysconf(Int32(_SC_PAGESIZE))))
        let release: @Sendable (Range<Int>) -> Void = { range in
            // Whole pages inside the range only: a neighbour may still be reading the pages at its ends.
            let start = (range.lowerBound + page - 1) / page * page
            let end = range.upperBound == size ? size : range.upperBound / page * page
            guard start < end, let p = UnsafeMutableRawPointer(bitPattern: address + UInt(start)) else { return }
            _ = madvise(p, end - start, MADV_DONTNEED)
        }
        return try body(UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: size), release)
    }

    /// A text file (UTF-8, BOM allowed); invalid bytes are an error naming the byte offset.
    static func readText(_ url: URL) throws(CLIError) -> String {
        var bytes = try read(url)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let bad = firstInvalidUTF8Offset(bytes) {
            throw CLIError.input(
                path: url.path, message: "invalid UTF-8 at byte \(bad); save the file as UTF-8 and try again")
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Reads a text file and parses it; whatever the parser throws becomes an input error naming the file (and
    /// the line, when the error carries one), so every file Gazette reads reports problems the same way.
    static func parse<T>(_ url: URL, _ parser: (String) throws -> T) throws(CLIError) -> T {
        let text = try readText(url)
        do {
            return try parser(text)
        } catch let error as InputError {
            throw CLIError.input(path: error.line > 0 ? "\(url.path):\(error.line)" : url.path, message: error.message)
        } catch {
            throw CLIError.input(path: url.path, message: "\(error)")
        }
    }

    /// Writes `bytes` to `url` whole or not at all: a temporary file in the same folder, flushed, then renamed
    /// over the target with rename(2), which replaces an existing file atomically on the same file system.
    /// On any failure the temporary file is removed and the old file, if any, is left as it was.
    static func writeAtomically(_ bytes: [UInt8], to url: URL) throws(CLIError) {
        let fm = FileManager.default
        let dir = url.deletingLastPathComponent()
        let tmp = dir.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try fm.createDirectory(at: dir, withIntermediateDirectories: true)
            try Data(bytes).write(to: tmp)
        } catch {
            try? fm.removeItem(at: tmp)
            throw CLIError.output(path: url.path, message: error.localizedDescription)
        }
        guard rename(tmp.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? fm.removeItem(at: tmp)
            throw CLIError.output(path: url.path, message: reason)
        }
    }

    /// Offset of the first byte that is not part of well-formed UTF-8, or nil.
    static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        var it = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&it) {
            case .scalarValue(let s): offset += UTF8.width(s)
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    static func writeStandardOutput(_ text: String) { writeStandardOutput(Array(text.utf8)) }

    static func writeStandardOutput(_ bytes: [UInt8]) {
        FileHandle.standardOutput.write(Data(bytes))
    }
}
