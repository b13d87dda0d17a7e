/// The GitHub Actions workflow `explainer new` writes to `.github/workflows/pages.yml`: on every push to main it gets
/// explainer (a binary kept in the repository at `bin/explainer`, else built from `source` at `ref` once and cached),
/// builds the site with the Pages address as its `baseURL`, and publishes `public/`.
///
/// Every `run:` step reads only environment variables, so `make test` runs the same commands outside GitHub
/// (Tests/starter/run.sh) with the values GitHub would give.
func starterWorkflow(release: ExplainerRelease) -> String {
    let source = release.source.flatMap { ExplainerRelease.isPublicSource($0) ? $0 : nil }
    let sourceLine = source.map(jsonString)
        ?? "\"\"   # ← set to explainer's git repository, e.g. https://github.com/OWNER/explainer.git"
    let ref = release.commit.map(jsonString) ?? "\"\"   # ← set to the explainer commit or tag to build"
    return """
        # Publishes this explainer to GitHub Pages on every push to main (written by `explainer new`).
        #
        # Once: in the repository's Settings → Pages, set "Source" to "GitHub Actions". The site then appears at
        # https://OWNER.github.io/REPOSITORY/ (every link in public/ is relative, so a sub-path is fine).
        #
        # Which explainer builds the site: EXPLAINER_REF below, the one place to change it (a commit or a tag of
        # EXPLAINER_SOURCE). The first run builds it from source (a few minutes) and caches the binary, so later runs
        # take seconds. Or keep a Linux x86-64 binary in this repository as bin/explainer (`make install` makes a
        # self-contained one): then it is used and nothing is built.
        name: Publish to GitHub Pages

        on:
          push:
            # Only pushes to main publish. If your branch has another name (`git branch --show-current` says
            # master), write it here, or rename the branch: git branch -M main.
            branches: [main]
          workflow_dispatch:

        permissions:
          contents: read
          pages: write
          id-token: write

        concurrency:
          group: pages
          cancel-in-progress: true

        env:
          EXPLAINER_SOURCE: \(sourceLine)
          EXPLAINER_REF: \(ref)

        jobs:
          build:
            runs-on: ubuntu-24.04
            container: swift:6.1-noble      # Swift, to build explainer when it is not cached
            steps:
              - uses: actions/checkout@v4
              - id: pages
                uses: actions/configure-pages@v5
              - name: Restore explainer from the cache
                uses: actions/cache@v4
                with:
                  path: ~/.explainer
                  key: explainer-${{ env.EXPLAINER_REF }}-${{ runner.arch }}
              - name: Get explainer
                run: |
                  if [ -x bin/explainer ]; then
                    echo "Using bin/explainer from this repository."
                    echo "$PWD/bin" >> "$GITHUB_PATH"
                    exit 0
                  fi
                  if [ -e bin/explainer ]; then
                    echo "bin/explainer is in the repository but not executable: run 'git update-index --chmod=+x bin/explainer', then commit and push." >&2
                    exit 1
                  fi
                  if [ ! -x "$HOME/.explainer/bin/explainer" ]; then
                    if [ -z "$EXPLAINER_SOURCE" ] || [ -z "$EXPLAINER_REF" ]; then
                      echo "Set EXPLAINER_SOURCE and EXPLAINER_REF in .github/workflows/pages.yml, or commit bin/explainer." >&2
                      exit 1
                    fi
                    # The Swift image has no make; `make install` installs libcmark-dev itself.
                    command -v make >/dev/null || { apt-get -q update && apt-get -q install -y make; }
                    source_dir="${RUNNER_TEMP:-/tmp}/explainer-source"
                    [ -d "$source_dir/.git" ] || git clone --quiet "$EXPLAINER_SOURCE" "$source_dir"
                    git -C "$source_dir" fetch --quiet --tags origin
                    git -C "$source_dir" -c advice.detachedHead=false checkout --quiet "$EXPLAINER_REF"
                    make -C "$source_dir" install PREFIX="$HOME/.explainer"
                  fi
                  echo "$HOME/.explainer/bin" >> "$GITHUB_PATH"
              - name: Set baseURL and updated in content/site.yml, unless it sets them
                # baseURL turns on sitemap.xml, feed.xml, canonical links and og:url; updated dates the feed and the
                # sitemap. The last commit's date keeps the build reproducible: the same commit gives the same bytes.
                env:
                  PAGES_BASE_URL: ${{ steps.pages.outputs.base_url }}
                run: |
                  git config --global --add safe.directory "$PWD"
                  grep -q '^baseURL:' content/site.yml || printf '\\nbaseURL: %s/\\n' "$PAGES_BASE_URL" >> content/site.yml
                  grep -q '^updated:' content/site.yml || printf '\\nupdated: %s\\n' "$(git log -1 --format=%cs)" >> content/site.yml
              - name: Build the site
                run: |
                  explainer --version
                  explainer build
              - uses: actions/upload-pages-artifact@v3
                with:
                  path: public

          deploy:
            needs: build
            runs-on: ubuntu-24.04
            environment:
              name: github-pages
              url: ${{ steps.deployment.outputs.page_url }}
            steps:
              - id: deployment
                uses: actions/deploy-pages@v4

        """
}
