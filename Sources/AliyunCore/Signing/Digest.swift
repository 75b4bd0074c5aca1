import CCrypto
public import Foundation

/// The hashes and MACs the two signature versions need, computed by OpenSSL's libcrypto.
public enum Digest {
    /// HMAC-SHA1, for signature v1.
    public static func hmacSHA1(key: String, message: String) -> [UInt8] {
        hmac(EVP_sha1(), length: Int(SHA_DIGEST_LENGTH), key: Array(key.utf8), message: Array(message.utf8))
    }

    /// HMAC-SHA256, for signature v3.
    public static func hmacSHA256(key: String, message: String) -> [UInt8] {
        hmac(EVP_sha256(), length: Int(SHA256_DIGEST_LENGTH), key: Array(key.utf8), message: Array(message.utf8))
    }

    /// SHA-256 of `data`.
    public static func sha256(_ data: Data) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
        data.withUnsafeBytes { buffer in
            _ = SHA256(buffer.baseAddress?.assumingMemoryBound(to: UInt8.self), buffer.count, &digest)
        }
        return digest
    }

    /// Lower-case hexadecimal, as v3 sends hashes and signatures.
    public static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text = [UInt8]()
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    private static func hmac(_ algorithm: OpaquePointer?, length: Int, key: [UInt8], message: [UInt8]) -> [UInt8] {
        var mac = [UInt8](repeating: 0, count: length)
        var macLength: UInt32 = 0
        _ = HMAC(algorithm, key, Int32(key.count), message, message.count, &mac, &macLength)
        return Array(mac.prefix(Int(macLength)))
    }
}
