#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Exchanges two paths in one step where the system can (Linux `renameat2(RENAME_EXCHANGE)`, macOS
/// `renamex_np(RENAME_SWAP)`): at every instant each path names either the old or the new folder.
///
/// Returns false when the system or file system cannot do it; the caller then falls back to two renames.
func exchangePaths(_ first: String, _ second: String) -> Bool {
    #if os(Linux)
    typealias RenameAt2 = @convention(c) (CInt, UnsafePointer<CChar>, CInt, UnsafePointer<CChar>, CUnsignedInt) -> CInt
    guard let symbol = dlsym(nil, "renameat2") else { return false }  // nil is RTLD_DEFAULT on glibc
    let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
    let renameExchange: CUnsignedInt = 2
    return renameat2(AT_FDCWD, first, AT_FDCWD, second, renameExchange) == 0
    #elseif canImport(Darwin)
    return renamex_np(first, second, UInt32(RENAME_SWAP)) == 0
    #else
    return false
    #endif
}

/// Whether a process with this id is running (used to tell stale staging folders from a concurrent build's).
func processIsRunning(_ pid: Int32) -> Bool {
    kill(pid, 0) == 0 || errno == EPERM
}
