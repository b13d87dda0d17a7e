import Foundation
import PackagePlugin

/// Writes `BuildInfo.swift` before every build of the target: the git commit the package is built from, whether the
/// checkout has uncommitted changes, and the repository it was cloned from. Nothing else (no date, no host), so a
/// given commit always gives the same values; the file is rewritten only when they change, so an unchanged commit
/// costs no recompilation.
@main
struct BuildInfoPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let folder = context.pluginWorkDirectoryURL.appending(path: "generated")
        let output = folder.appending(path: "BuildInfo.swift")
        return [.prebuildCommand(displayName: "Recording the commit explainer is built from",
                                 executable: URL(filePath: "/bin/sh"),
                                 arguments: ["-c", script, "build-info", context.package.directoryURL.path, output.path],
                                 outputFilesDirectory: folder)]
    }
}

/// `sh -c script build-info PACKAGE OUTPUT`. Reads git only when the package folder is the top of its own checkout
/// (not a folder inside some other repository); `--no-optional-locks` keeps `git status` from writing the index.
private let script = #"""
    set -u
    package=$1 output=$2
    commit="nil" modified=false source="nil"
    top=$(git -C "$package" rev-parse --show-toplevel 2>/dev/null || true)
    if [ -n "$top" ] && [ "$(cd "$top" && pwd -P)" = "$(cd "$package" && pwd -P)" ]; then
        hash=$(git -C "$package" rev-parse HEAD 2>/dev/null || true)
        [ -n "$hash" ] && commit="\"$hash\""
        [ -n "$(git -C "$package" --no-optional-locks status --porcelain --untracked-files=no 2>/dev/null)" ] && modified=true
        origin=$(git -C "$package" remote get-url origin 2>/dev/null | tr -d '"\\' || true)
        [ -n "$origin" ] && source="\"$origin\""
    fi
    mkdir -p "$(dirname "$output")"
    {
        echo "// Generated before each build by Plugins/BuildInfo from git; do not edit."
        echo "let buildCommit: String? = $commit"
        echo "let buildModified = $modified"
        echo "let buildSource: String? = $source"
    } > "$output.new"
    if cmp -s "$output.new" "$output"; then rm -f "$output.new"; else mv "$output.new" "$output"; fi
    """#
