/// A 128-bit digest of bytes, for caches of one process keyed by content (`PageCache`): two 64-bit lanes, each fed
/// the same bytes eight at a time through a full-width multiply (as wyhash mixes), with other seeds and multipliers.
/// Text is fed as its UTF-8 bytes, so two texts that compare equal as Strings but differ in their bytes (é composed or
/// not) have different digests, as the pages made from them differ.
///
/// Not a cryptographic hash: the caches hold the writer's own site, and a preview rebuild digests every page's
/// values, every chapter's files and the search index's text, so the speed matters (two SipHash states were ~10 % of
/// a 1,000-chapter rebuild).
struct ContentDigest: Hashable, Sendable {
    let first: Int
    let second: Int
}

/// Feeds values into a `ContentDigest`, each with a tag and its length, so that different sequences of values
/// never feed the same bytes.
struct ContentDigester {
    private var first: UInt64 = 0x243F_6A88_85A3_08D3
    private var second: UInt64 = 0x1319_8A2E_0370_7344

    init() {}

    var digest: ContentDigest {
        ContentDigest(first: Int(truncatingIfNeeded: Self.mix(first ^ 0xA409_3822_299F_31D0, 0x082E_FA98_EC4E_6C89)),
                      second: Int(truncatingIfNeeded: Self.mix(second ^ 0x4528_21E6_38D0_1377, 0xBE54_66CF_34E9_0C6C)))
    }

    mutating func add(_ number: Int) {
        word(UInt64(truncatingIfNeeded: number))
    }

    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add(bytes: UnsafeRawBufferPointer($0)) }
    }

    mutating func add(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { add(bytes: $0) }
    }

    mutating func add(_ digest: ContentDigest) {
        add(digest.first)
        add(digest.second)
    }

    /// The length, then the bytes eight at a time (the last word padded with zeros: the length tells them apart).
    private mutating func add(bytes: UnsafeRawBufferPointer) {
        add(bytes.count)
        var offset = 0
        while offset + 8 <= bytes.count {
            word(UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
            offset += 8
        }
        guard offset < bytes.count else { return }
        var last: UInt64 = 0
        for index in offset..<bytes.count { last |= UInt64(bytes[index]) << (8 * UInt64(index - offset)) }
        word(last)
    }

    @inline(__always)
    private mutating func word(_ value: UInt64) {
        first = Self.mix(first ^ value, 0xA076_1D64_78BD_642F)
        second = Self.mix(second ^ (value &+ 0x9E37_79B9_7F4A_7C15), 0xE703_7ED1_A0B4_28DB)
    }

    /// Both halves of the 128-bit product, folded.
    @inline(__always)
    private static func mix(_ value: UInt64, _ multiplier: UInt64) -> UInt64 {
        let product = value.multipliedFullWidth(by: multiplier)
        return product.high ^ product.low
    }
}

extension ContentDigest {
    /// The digest of files: their paths and bytes, in order.
    init(of files: [SourceFile]) {
        var digester = ContentDigester()
        digester.add(files.count)
        for file in files {
            digester.add(file.path)
            digester.add(file.bytes)
        }
        self = digester.digest
    }
}
