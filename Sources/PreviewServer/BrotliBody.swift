import CBrotli
import NIOCore

/// A file's brotli body, made once per build like the gzip one (`gzipBody(of:mediaType:)`), for the same types and
/// on the same terms: nil for small files, for types that are compressed already, and when it would not be smaller.
///
/// Quality 5 (of 0–11), window 4 MB (brotli's default), text mode. Measured on this site's 179 compressible files of
/// at least 1 KB (3.5 MB, release libbrotlienc 1.0.9, one core): gzip level 6 (the gzip bodies) leaves 26.7 % of the
/// bytes at 28 ms per MB; brotli quality 4 leaves 26.2 % at 15 ms/MB, 5 leaves 24.0 % at 22 ms/MB, 6 23.9 % at 23 ms/MB,
/// 9 23.5 % at 219 ms/MB and 11 20.9 % at 1,122 ms/MB. So 5 is 10 % smaller than gzip and faster to make: the
/// first build of the preview pays less for brotli than for gzip, while 11 would add ~1 s per MB of site.
func brotliBody(of body: ByteBuffer, mediaType: String) -> ByteBuffer? {
    guard body.readableBytes >= 1024, isCompressible(mediaType) else { return nil }
    return body.withUnsafeReadableBytes { input -> ByteBuffer? in
        var size = BrotliEncoderMaxCompressedSize(input.count)
        guard size > 0 else { return nil }
        var output = ByteBuffer()
        output.reserveCapacity(size)
        let done = output.writeWithUnsafeMutableBytes(minimumWritableBytes: size) { space in
            let ok = BrotliEncoderCompress(brotliQuality, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_TEXT, input.count,
                                           input.bindMemory(to: UInt8.self).baseAddress,
                                           &size, space.bindMemory(to: UInt8.self).baseAddress)
            return ok == BROTLI_TRUE ? size : 0
        }
        guard done > 0, done < body.readableBytes else { return nil }
        return output
    }
}

/// See `brotliBody(of:mediaType:)` for why 5.
let brotliQuality: Int32 = 5
