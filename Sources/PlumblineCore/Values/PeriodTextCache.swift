/// Periods by the bytes of their text, in a small direct-mapped table.
///
/// A values file repeats the same few hundred period texts for every KPI; making a `String` and
/// hashing it for every row would cost more than the rest of the row. Texts of up to 16 bytes
/// (every period form of FORMAT.md) are packed into two integers and compared whole.
struct PeriodTextCache: Sendable {
    private static let bits = 10
    private var keys = [SIMD2<UInt64>](repeating: .zero, count: 1 << bits)
    private var lengths = [Int](repeating: 0, count: 1 << bits)
    private var periods = [Period?](repeating: nil, count: 1 << bits)

    init() {}

    /// The period last stored for exactly these bytes, if it is still in the table.
    func period(_ text: UnsafeBufferPointer<UInt8>) -> Period? {
        guard let (key, slot) = Self.locate(text), lengths[slot] == text.count, keys[slot] == key else { return nil }
        return periods[slot]
    }

    /// Remembers that these bytes read as `period` (replacing whatever shared their slot).
    mutating func store(_ text: UnsafeBufferPointer<UInt8>, _ period: Period) {
        guard let (key, slot) = Self.locate(text) else { return }
        keys[slot] = key
        lengths[slot] = text.count
        periods[slot] = period
    }

    private static func locate(_ text: UnsafeBufferPointer<UInt8>) -> (SIMD2<UInt64>, Int)? {
        guard !text.isEmpty, text.count <= 16 else { return nil }
        var key = SIMD2<UInt64>.zero
        withUnsafeMutableBytes(of: &key) { $0.copyMemory(from: UnsafeRawBufferPointer(text)) }
        let mixed = (key[0] &* 0x9E37_79B9_7F4A_7C15) ^ (key[1] &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(text.count)
        return (key, Int(truncatingIfNeeded: mixed >> UInt64(64 - bits)))
    }
}
