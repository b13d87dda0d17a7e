import Foundation

/// SplitMix64 (Steele, Lea & Flood 2014): expands a seed into xoshiro's state.
public struct SplitMix64: Sendable {
    public var state: UInt64
    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// xoshiro256** (Blackman & Vigna) with uniforms, Box–Muller normals and `jump()` for parallel streams (M1).
public struct RandomGenerator: Sendable {
    public private(set) var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64
    private var cachedNormal: Double?

    public init(seed: UInt64) {
        var mixer = SplitMix64(seed: seed)
        s0 = mixer.next(); s1 = mixer.next(); s2 = mixer.next(); s3 = mixer.next()
    }

    /// Stream `chunk` of a seed: the generator followed by `chunk` jumps.
    public init(seed: UInt64, stream chunk: Int) {
        self.init(seed: seed)
        for _ in 0..<chunk { jump() }
    }

    @inline(__always)
    static func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    @inline(__always)
    public mutating func next() -> UInt64 {
        let result = Self.rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = Self.rotl(s3, 45)
        return result
    }

    /// Advances the state by 2¹²⁸ calls; clears the cached normal.
    public mutating func jump() {
        let constants: [UInt64] = [0x180E_C6D3_3CFD_0ABA, 0xD5A6_1266_F0C9_392C, 0xA958_2618_E03F_C9AA, 0x39AB_DC45_29B1_661C]
        var a0: UInt64 = 0, a1: UInt64 = 0, a2: UInt64 = 0, a3: UInt64 = 0
        for constant in constants {
            for bit in 0..<64 {
                if constant & (1 << UInt64(bit)) != 0 { a0 ^= s0; a1 ^= s1; a2 ^= s2; a3 ^= s3 }
                _ = next()
            }
        }
        s0 = a0; s1 = a1; s2 = a2; s3 = a3
        cachedNormal = nil
    }

    /// Uniform in [0, 1).
    @inline(__always)
    public mutating func u01() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// Uniform in (0, 1], for logs.
    @inline(__always)
    public mutating func u01open() -> Double { Double((next() >> 11) + 1) * 0x1p-53 }

    /// Standard normal by basic Box–Muller; the second value of each pair is cached for the next call.
    public mutating func normal() -> Double {
        if let cached = cachedNormal {
            cachedNormal = nil
            return cached
        }
        let r = (-2 * log(u01open())).squareRoot()
        let theta = 2 * Double.pi * u01()
        cachedNormal = r * sin(theta)
        return r * cos(theta)
    }
}
