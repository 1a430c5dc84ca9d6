#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ICUKit
import Testing

/// The development set beside the repository (`<repo>/../shared/eval/corpus`): read at test time, never copied.
private let corpusDirectory: String = {
    var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(4)  // CorpusTests.swift, ICUKitTests, Tests, <repo>
    return parts.joined(separator: "/") + "/shared/eval/corpus"
}()

/// (language, text) of every document, sorted by file name.
private let corpus: [(language: String, text: String)]? = {
    guard let dir = opendir(corpusDirectory) else { return nil }
    defer { closedir(dir) }
    var names: [String] = []
    while let entry = readdir(dir) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) {
            String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
        }
        if name.hasSuffix(".txt") { names.append(name) }
    }
    let documents = names.sorted().compactMap { name -> (String, String)? in
        guard let text = readFile(corpusDirectory + "/" + name) else { return nil }
        return (String(name.prefix { $0 != "-" }), text)
    }
    return documents.isEmpty ? nil : documents
}()

private func readFile(_ path: String) -> String? {
    guard let file = fopen(path, "rb") else { return nil }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while true {
        let count = fread(&buffer, 1, buffer.count, file)
        if count <= 0 { break }
        bytes.append(contentsOf: buffer[..<count])
    }
    return String(decoding: bytes, as: UTF8.self)
}

/// Runs the wrappers over the real documents of the development set: nothing may throw or crash, and numbers in
/// words must be found in every language.
@Suite(.enabled(if: corpus != nil, "development corpus not found beside the repository"))
struct CorpusTests {
    @Test func everyDocumentSegmentsNormalizesAndMeasures() throws {
        let documents = try #require(corpus)
        for (language, text) in documents {
            let sentences = try BreakIterator(kind: .sentence, locale: language).segments(of: text)
            #expect(!sentences.isEmpty)
            #expect(sentences.first?.lowerBound == text.startIndex && sentences.last?.upperBound == text.endIndex)
            let nfc = try Normalizer.nfc.normalize(text)
            #expect(try Normalizer.nfc.isNormalized(nfc))
            #expect(DisplayWidth.of(text) > 0)
        }
    }

    @Test func numbersInWordsAreFoundInEveryLanguage() throws {
        let documents = try #require(corpus)
        var found: [String: Int] = [:]
        var parsers: [String: SpelloutParser] = [:]
        for (language, text) in documents {
            if parsers[language] == nil { parsers[language] = try SpelloutParser(locale: language) }
            let parser = parsers[language]!
            let words = try BreakIterator(kind: .word, locale: language)
            var next = text.startIndex
            for word in words.segments(of: text) where word.lowerBound >= next {
                guard let number = parser.parsePrefix(of: text[word.lowerBound...]) else { continue }
                #expect(number.end > word.lowerBound && number.end <= text.endIndex)
                found[language, default: 0] += 1
                next = number.end
            }
        }
        // Every language of the set has numbers written in words; Arabic and English have many.
        for language in Set(documents.map(\.language)) {
            #expect(found[language, default: 0] > 0, "no number words found in \(language)")
        }
        #expect(found["ar", default: 0] >= 20)
        #expect(found["en", default: 0] >= 50)
    }
}
